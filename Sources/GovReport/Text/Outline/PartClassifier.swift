/// Classes a top-level section into the parts the official outline requires: `measures`
/// (主要举措和成效), `problems` (存在的不足和原因), `leader_duty` (主要负责人履行第一责任人职责情况),
/// `next_year` (下一年度工作安排) or `other`.
///
/// Decision, in order:
/// 1. a leader-duty keyword anywhere in the heading wins (such headings also name 推进法治建设…情况);
/// 2. otherwise the strong keyword that ends last in the heading: Chinese headings put their head
///    noun last, so `2023年重点工作完成情况` is measures and `存在的问题和下一步工作打算` next_year;
///    at the same end the longer keyword wins (`改进措施` over `措施`);
/// 3. otherwise the weak keywords the same way (`问题`, `情况`, `计划`…);
/// 4. otherwise a heading led by an action verb (`加强…`, `深化…`) is a measure;
/// 5. otherwise the part with most strong keywords in the first body text, else `other`.
/// Extra keywords from the options count as strong and beat built-ins of the same match.
public struct PartClassifier: Sendable {
    public static let parts = ["measures", "problems", "leader_duty", "next_year", "other"]

    struct Keyword: Sendable {
        var scalars: [Unicode.Scalar]
        var part: String
    }

    private let leaderDuty: [Keyword]
    private let strong: [Keyword]
    private let weak: [Keyword]
    private let actionVerbs: [[Unicode.Scalar]]

    public init(extraKeywords: [String: [String]] = [:]) {
        func keywords(_ table: KeyValuePairs<String, [String]>) -> [Keyword] {
            table.flatMap { part, words in words.map { Keyword(scalars: Self.fold($0), part: part) } }
        }
        let extra = extraKeywords.keys.sorted().flatMap { part in
            (extraKeywords[part] ?? []).map { Keyword(scalars: Self.fold($0), part: part) }
        }.filter { !$0.scalars.isEmpty }
        leaderDuty = extra.filter { $0.part == "leader_duty" } + keywords(PartKeywords.leaderDuty)
        strong = extra.filter { $0.part != "leader_duty" } + keywords(PartKeywords.strong)
        weak = keywords(PartKeywords.weak)
        actionVerbs = PartKeywords.actionVerbs.map { Array($0.unicodeScalars) }
    }

    /// The part of a top-level section from its heading and, when that says nothing, the start
    /// of its body.
    public func classify(heading: String, body: String = "") -> String {
        let text = Self.fold(heading)
        if leaderDuty.contains(where: { Self.contains(text, $0.scalars) }) { return "leader_duty" }
        if let part = Self.headMatch(strong, in: text) ?? Self.headMatch(weak, in: text) { return part }
        if actionVerbs.contains(where: { text.starts(with: $0) }) { return "measures" }
        let start = Self.fold(String(body.unicodeScalars.prefix(200)))
        return Self.mostMentioned(leaderDuty + strong, in: start) ?? "other"
    }

    /// The part of the keyword whose match ends last (ties: the longer keyword, then list order).
    private static func headMatch(_ keywords: [Keyword], in text: [Unicode.Scalar]) -> String? {
        var best: (end: Int, length: Int, part: String)?
        for keyword in keywords {
            guard let end = lastMatchEnd(of: keyword.scalars, in: text) else { continue }
            if let b = best, (end, keyword.scalars.count) <= (b.end, b.length) { continue }
            best = (end, keyword.scalars.count, keyword.part)
        }
        return best?.part
    }

    private static func mostMentioned(_ keywords: [Keyword], in text: [Unicode.Scalar]) -> String? {
        var counts: [String: Int] = [:]
        for keyword in keywords where contains(text, keyword.scalars) { counts[keyword.part, default: 0] += 1 }
        return parts.filter { counts[$0] != nil }.max { counts[$0]! < counts[$1]! }
    }

    private static func contains(_ text: [Unicode.Scalar], _ word: [Unicode.Scalar]) -> Bool {
        lastMatchEnd(of: word, in: text) != nil
    }

    private static func lastMatchEnd(of word: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int? {
        guard !word.isEmpty, word.count <= text.count else { return nil }
        for start in stride(from: text.count - word.count, through: 0, by: -1)
        where text[start..<start + word.count].elementsEqual(word) {
            return start + word.count
        }
        return nil
    }

    /// Drops whitespace, folds full-width ASCII and the traditional forms of keyword characters.
    static func fold(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.compactMap { scalar in
            if scalar.isWhiteSpace { return nil }
            if (0xFF01...0xFF5E).contains(scalar.value) { return Unicode.Scalar(scalar.value - 0xFEE0) }
            return PartKeywords.traditionalFold[scalar] ?? scalar
        }
    }
}
