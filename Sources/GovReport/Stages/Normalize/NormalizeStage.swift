/// `normalize`: cleans whitespace and invisible characters, folds full-width forms and converts
/// traditional characters to simplified, keeping each paragraph's source characters beside it
/// at the same offsets (see `NormalizedDocument`).
///
/// Order per paragraph: whitespace and stray-character removal first (it changes lengths, so it
/// is applied to the source text as well), then the 1:1 width folding, then the 1:1 script
/// conversion (`AlignedConversion`).
public struct NormalizeStage: DocumentStage {
    public typealias Options = NormalizeOptions
    public typealias Input = StrippedDocument
    public typealias Output = NormalizedDocument

    public static let name = "normalize"
    public static let summary = "traditional→simplified with OpenCC (the source script recorded), full-width digits and letters to ASCII, whitespace and invisible characters"
    public static let version = 1

    private let options: NormalizeOptions
    private let converter: OpenCCConverter
    private let probe: ScriptProbe
    private let dropped: ScalarSet

    public init(options: NormalizeOptions) throws {
        guard let config = OpenCCConverter.locate(options.openccConfig) else {
            throw StageFailure("normalize.opencc", "OpenCC configuration \"\(options.openccConfig)\" not found")
        }
        self.options = options
        converter = try OpenCCConverter(configPath: config)
        probe = try ScriptProbe(reusing: converter)
        dropped = ScalarSet(options.dropCharacters.compactMap(\.unicodeScalars.first))
    }

    public func process(_ input: StrippedDocument, document: DocumentRef) throws -> NormalizedDocument {
        let sources = input.paragraphs.map(clean).filter { !$0.isEmpty }
        guard !sources.isEmpty else {
            throw StageFailure("normalize.no_text", "no paragraph has any visible character after removing whitespace and invisible characters")
        }
        let folded = options.fullWidth ? sources.map(WidthNormalizer.normalize) : sources
        let paragraphs = options.convertScript
            ? try folded.map { try AlignedConversion.convert($0, with: converter.convert) } : folded
        // The script probe reuses this conversion when it is its own t2s one. It then reads the
        // width-folded text: folding touches only ASCII-like forms and spaces, which no OpenCC
        // table maps or takes into a phrase, so the traditional characters found are the same.
        let reusable = options.convertScript && probe.toSimplified === converter
        let script = reusable ? try probe.detect(folded, simplified: paragraphs) : try probe.detect(sources)
        return NormalizedDocument(script: script.rawValue,
                                  title: try normalizeLine(input.title),
                                  issuer: try normalizeLine(input.issuer),
                                  paragraphs: paragraphs,
                                  sourceParagraphs: sources,
                                  publishDate: input.publishDate)
    }

    private func clean(_ text: String) -> String {
        WhitespaceNormalizer.normalize(LostCharacterMarks.remove(from: text), dropping: dropped)
    }

    /// Title and issuer: no source text is kept for them, so no alignment is needed.
    private func normalizeLine(_ text: String) throws -> String {
        let cleaned = clean(text)
        let folded = options.fullWidth ? WidthNormalizer.normalize(cleaned) : cleaned
        return options.convertScript ? try converter.convert(folded) : folded
    }
}
