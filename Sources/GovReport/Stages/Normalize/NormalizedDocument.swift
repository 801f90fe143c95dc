/// The output of `normalize`: simplified, width-normalised text ready for parsing.
///
/// Invariant: `paragraphs[i]` and `sourceParagraphs[i]` have the same number of Unicode scalars,
/// so an offset found in the normalised text points at the same characters in the source
/// (this is how a metric's `raw` keeps the source characters of a traditional-script report).
public struct NormalizedDocument: Codable, Sendable, Equatable {
    /// `hans`, `hant` or `mixed`, as found in the source paragraphs.
    public var script: String
    public var title: String
    public var issuer: String
    /// Carried from strip for the stages after (ISO date or "").
    public var publishDate: String
    /// Simplified, width-normalised paragraphs.
    public var paragraphs: [String]
    /// The same paragraphs with whitespace normalised but the source characters kept.
    public var sourceParagraphs: [String]

    public init(script: String, title: String, issuer: String, paragraphs: [String], sourceParagraphs: [String],
                publishDate: String = "") {
        self.script = script
        self.title = title
        self.issuer = issuer
        self.publishDate = publishDate
        self.paragraphs = paragraphs
        self.sourceParagraphs = sourceParagraphs
    }
}
