/// The script a Chinese text is written in.
public enum ChineseScript: String, Codable, Sendable, CaseIterable {
    case hans, hant, mixed
}

/// Evidence for the script: characters that only one of the two scripts writes.
public struct ScriptEvidence: Sendable, Equatable {
    /// Characters that the traditional→simplified conversion changes (發, 區, 鄉).
    public var traditionalOnly: Int
    /// Characters that the simplified→traditional conversion changes (发, 区, 乡).
    public var simplifiedOnly: Int

    public init(traditionalOnly: Int = 0, simplifiedOnly: Int = 0) {
        self.traditionalOnly = traditionalOnly
        self.simplifiedOnly = simplifiedOnly
    }

    public static func + (lhs: ScriptEvidence, rhs: ScriptEvidence) -> ScriptEvidence {
        ScriptEvidence(traditionalOnly: lhs.traditionalOnly + rhs.traditionalOnly,
                       simplifiedOnly: lhs.simplifiedOnly + rhs.simplifiedOnly)
    }
}

/// Decides hans / hant / mixed from the characters each conversion direction changes.
///
/// About a third of the characters of a simplified report change under s2t and none under t2s;
/// a traditional report is the mirror image, except for a few per cent of characters its
/// authors wrote in the simplified form (关于 for 關於, 干部 for 幹部). So:
/// - no evidence either way, or no traditional-only character: `hans`; no simplified-only one: `hant`;
/// - a minority of at most `quotedCharacters` characters is a quotation (a simplified report
///   naming 臺灣 or 澳門) and does not count;
/// - otherwise the traditional share T/(T+S) decides: below `simplifiedBelow` `hans`, from
///   `traditionalFrom` `hant`, between the two `mixed` (pages with some paragraphs in each
///   script, or a converter that stopped half-way).
public enum ScriptDetector {
    public static let quotedCharacters = 3
    public static let simplifiedBelow = 0.2
    public static let traditionalFrom = 0.8

    public static func classify(_ evidence: ScriptEvidence) -> ChineseScript {
        let traditional = evidence.traditionalOnly
        let simplified = evidence.simplifiedOnly
        if traditional == 0 { return .hans }
        if simplified == 0 { return .hant }
        if traditional <= quotedCharacters && simplified > traditional { return .hans }
        if simplified <= quotedCharacters && traditional > simplified { return .hant }
        let share = Double(traditional) / Double(traditional + simplified)
        if share < simplifiedBelow { return .hans }
        if share >= traditionalFrom { return .hant }
        return .mixed
    }

    /// Counts the positions where each aligned conversion (same scalar count as `source`, see
    /// `AlignedConversion`) differs from the source.
    public static func evidence(source: String, simplified: String, traditional: String) -> ScriptEvidence {
        ScriptEvidence(traditionalOnly: changes(source: source, converted: simplified),
                       simplifiedOnly: changes(source: source, converted: traditional))
    }

    /// The positions where an aligned conversion differs from its source.
    public static func changes(source: String, converted: String) -> Int {
        zip(source.unicodeScalars, converted.unicodeScalars).reduce(0) { $0 + ($1.0 != $1.1 ? 1 : 0) }
    }
}
