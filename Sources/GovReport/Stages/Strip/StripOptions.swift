import Foundation

/// Options of the `strip` stage.
public struct StripOptions: StageOptions {
    /// Regular expressions (ICU syntax) for extra chrome lines, added to the built-in set.
    public var chromePatterns: [String]
    /// Lines longer than this are never treated as chrome, whatever they match.
    public var maxChromeLineChars: Int
    /// Keep data tables of the body (one paragraph per row, cells joined by " | ").
    public var keepTables: Bool
    /// Paragraphs with fewer visible characters are dropped.
    public var minParagraphChars: Int
    /// A body with fewer visible characters in all is `strip.no_body`.
    public var minBodyChars: Int
    /// Extra `class`/`id` names to prefer as the article container.
    public var bodySelectors: [String]
    /// A page with more body paragraphs is `strip.too_many_paragraphs`.
    public var maxParagraphs: Int

    public init() {
        chromePatterns = []
        maxChromeLineChars = 100
        keepTables = true
        minParagraphChars = 1
        minBodyChars = 50
        bodySelectors = []
        maxParagraphs = 10_000
    }

    public static let fields: [OptionField] = [
        OptionField("chromePatterns", .stringArray,
                    "regular expressions for extra chrome lines to drop, added to the built-in ones (breadcrumbs, 发布时间/来源 lines, 字体大小, 扫一扫, 打印本页, 分享到, footers, markdown leftovers)"),
        OptionField("maxChromeLineChars", .int,
                    "lines longer than this are never chrome (default 100)"),
        OptionField("keepTables", .bool,
                    "keep data tables in the body, one paragraph per row with cells joined by \" | \" (default true)"),
        OptionField("minParagraphChars", .int,
                    "drop paragraphs with fewer visible characters (default 1: only empty ones)"),
        OptionField("minBodyChars", .int,
                    "fail with strip.no_body when the body has fewer visible characters (default 50)"),
        OptionField("bodySelectors", .stringArray,
                    "extra class or id names to prefer as the article container, e.g. [\"art_con\"]"),
        OptionField("maxParagraphs", .int,
                    "fail with strip.too_many_paragraphs when the body has more paragraphs (default 10000; a report has a few hundred)"),
    ]

    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for (i, pattern) in chromePatterns.enumerated() where (try? NSRegularExpression(pattern: pattern)) == nil {
            problems.append(ConfigProblem("\(path).chromePatterns[\(i)]", "not a valid regular expression: \(pattern)"))
        }
        if maxChromeLineChars < 1 {
            problems.append(ConfigProblem("\(path).maxChromeLineChars", "must be at least 1"))
        }
        if minParagraphChars < 1 {
            problems.append(ConfigProblem("\(path).minParagraphChars", "must be at least 1"))
        }
        if maxParagraphs < 1 {
            problems.append(ConfigProblem("\(path).maxParagraphs", "must be at least 1"))
        }
        if minBodyChars < 0 {
            problems.append(ConfigProblem("\(path).minBodyChars", "must not be negative"))
        }
        for (i, name) in bodySelectors.enumerated()
        where name.isEmpty || name.contains(where: { $0.isWhitespace }) {
            problems.append(ConfigProblem("\(path).bodySelectors[\(i)]", "must be one class or id name without spaces"))
        }
        return problems
    }
}
