/// The output of `decode`: the document as UTF-8 text and the evidence for its encoding.
public struct DecodedDocument: Codable, Sendable, Equatable {
    public var text: String
    /// The charset the document declared (source/HTTP, else `<meta>`), upper-case; "" if none.
    public var encodingDeclared: String
    /// The encoding actually used to convert, by its iconv name (UTF-8, GB18030, BIG5-HKSCS, ...).
    public var encodingDetected: String
    /// Which evidence decided: `bom`, `declared`, `meta`, `uchardet`, `trial`.
    public var evidence: String
    /// Bytes that could not be converted and were replaced by U+FFFD.
    public var invalidBytes: Int
    /// Whether the text is HTML (markup found or content type says so) rather than plain text.
    public var isHTML: Bool

    public init(text: String, encodingDeclared: String, encodingDetected: String,
                evidence: String, invalidBytes: Int, isHTML: Bool) {
        self.text = text
        self.encodingDeclared = encodingDeclared
        self.encodingDetected = encodingDetected
        self.evidence = evidence
        self.invalidBytes = invalidBytes
        self.isHTML = isHTML
    }
}
