import Foundation

/// Options of the `segment` stage. Defaults suit the genre; each knob is for an analyst who
/// disagrees with one rule on a given corpus.
public struct SegmentOptions: StageOptions {
    /// Split paragraphs at outline markers found inside them, so that each heading starts its
    /// own paragraph (one-line texts; `一是` after a sentence end).
    public var splitRunInHeadings: Bool
    /// Deepest marker level split out of a paragraph: 4 keeps `一是…二是…` lists inside their
    /// paragraph (they still count at a paragraph start).
    public var maxInlineLevel: Int
    /// Also split where whitespace follows a sentence end inside a paragraph: in scraped
    /// one-line texts that is a lost paragraph break.
    public var splitSpacedParagraphs: Bool
    /// Recognise `一是` `二是` as level-5 sections.
    public var enumerations: Bool
    /// Longest heading kept, in characters; a run-in heading with no separator is cut here.
    public var maxHeadingChars: Int
    /// How far a list's numbering may skip at a paragraph start (`3.` after `1.` is a gap of 2).
    public var maxOrdinalGap: Int
    /// Extra heading keywords per part (`{"next_year": ["努力方向"]}`); they beat the built-ins.
    public var partKeywords: [String: [String]]

    public init() {
        splitRunInHeadings = true
        maxInlineLevel = 5
        splitSpacedParagraphs = true
        enumerations = true
        maxHeadingChars = 60
        maxOrdinalGap = 3
        partKeywords = [:]
    }

    public static let fields: [OptionField] = [
        OptionField("splitRunInHeadings", .bool,
                    "split paragraphs at outline markers inside them (one-line texts, 一是 after 。；：)"),
        OptionField("maxInlineLevel", .int,
                    "deepest marker level (1 一、 … 5 一是) split out of a paragraph; 4 keeps 一是 lists in their paragraph"),
        OptionField("splitSpacedParagraphs", .bool,
                    "split where whitespace follows 。！？； inside a paragraph (a flattened paragraph break)"),
        OptionField("enumerations", .bool, "recognise 一是/二是 as level-5 sections"),
        OptionField("maxHeadingChars", .int, "longest heading kept, in characters (4-500)"),
        OptionField("maxOrdinalGap", .int,
                    "how far numbering may skip at a paragraph start and still be a heading (1-9)"),
        OptionField("partKeywords", .object,
                    "extra heading keywords per part: {\"measures\"|\"problems\"|\"leader_duty\"|\"next_year\"|\"other\": [..]}"),
    ]

    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if !(1...5).contains(maxInlineLevel) {
            problems.append(ConfigProblem("\(path).maxInlineLevel", "must be between 1 and 5, found \(maxInlineLevel)"))
        }
        if !(4...500).contains(maxHeadingChars) {
            problems.append(ConfigProblem("\(path).maxHeadingChars", "must be between 4 and 500, found \(maxHeadingChars)"))
        }
        if !(1...9).contains(maxOrdinalGap) {
            problems.append(ConfigProblem("\(path).maxOrdinalGap", "must be between 1 and 9, found \(maxOrdinalGap)"))
        }
        for part in partKeywords.keys.sorted() {
            guard PartClassifier.parts.contains(part) else {
                let known = PartClassifier.parts.joined(separator: ", ")
                problems.append(ConfigProblem("\(path).partKeywords.\(part)", "unknown part (known parts: \(known))"))
                continue
            }
            for (index, word) in (partKeywords[part] ?? []).enumerated()
            where word.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(ConfigProblem("\(path).partKeywords.\(part)[\(index)]", "empty keyword"))
            }
        }
        return problems
    }
}
