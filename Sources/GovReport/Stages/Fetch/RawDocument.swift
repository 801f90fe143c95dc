import Foundation

/// What `fetch` stores for a document: its bytes and what the source said about them.
public struct RawDocument: Codable, Sendable, Equatable {
    public var docId: String
    /// The normalised path or URL the document came from.
    public var source: String
    public var bytes: [UInt8]
    /// Lower-case hex SHA-256 of `bytes`.
    public var sha256: String
    /// A charset given with the source (config `charset`, HTTP `Content-Type`), if any.
    public var declaredCharset: String?
    /// `text/html`, `text/plain`, ... from the HTTP header or the file extension, if known.
    public var contentType: String?

    public init(docId: String, source: String, bytes: [UInt8], sha256: String,
                declaredCharset: String? = nil, contentType: String? = nil) {
        self.docId = docId
        self.source = source
        self.bytes = bytes
        self.sha256 = sha256
        self.declaredCharset = declaredCharset
        self.contentType = contentType
    }
}
