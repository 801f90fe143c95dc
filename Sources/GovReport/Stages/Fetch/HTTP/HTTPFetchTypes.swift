/// One URL to fetch, with what the work directory remembers of its last good fetch.
public struct HTTPFetchRequest: Sendable, Equatable {
    public var docId: String
    /// The normalised URL (`SourceItem.source`).
    public var url: String
    /// Validators of the last good fetch, sent as `If-None-Match` / `If-Modified-Since`.
    public var etag: String?
    public var lastModified: String?
    /// SHA-256 of the bytes of the last good fetch: a 200 with the same bytes is `.notModified`.
    public var previousSHA256: String?

    public init(docId: String, url: String, etag: String? = nil, lastModified: String? = nil,
                previousSHA256: String? = nil) {
        self.docId = docId
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.previousSHA256 = previousSHA256
    }
}

/// What fetching one URL gave.
public enum HTTPFetchOutcome: Sendable, Equatable {
    /// New or changed content (a 2xx whose bytes differ from `previousSHA256`).
    /// `bytes` are the body with any gzip/deflate Content-Encoding removed; `sha256` is their
    /// lower-case hex SHA-256; `contentType` the lower-case media type (`text/html`) and
    /// `charset` the Content-Type's charset parameter (lower case), both nil when not sent;
    /// `etag`/`lastModified` the validators to store for the next run; `finalURL` the
    /// normalised URL after redirects; `status` the final HTTP status.
    case fetched(bytes: [UInt8], sha256: String, contentType: String?, charset: String?,
                 etag: String?, lastModified: String?, finalURL: String, status: Int)
    /// Nothing changed: a 304 to the conditional request, or a 2xx with the same SHA-256 as
    /// before. `etag`/`lastModified` are the validators to store from now on (the response's,
    /// or for a 304 without them, the ones sent).
    case notModified(etag: String?, lastModified: String?)
    /// The URL could not be fetched; the document keeps its earlier rows and gets an error row.
    case failed(StageFailure)
}
