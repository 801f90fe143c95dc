/// Classifies a cited title by the genre word it ends with, after removing what may follow
/// that word: a trailing (2021—2025年), (试行), (2020年版) or (草案), a closing quote or inner
/// bracket (《关于印发<…纲要>》), and status words (试行, 草案, 征求意见稿).
enum CitationKindClassifier {
    static func classify(_ title: String) -> CitationKind {
        let core = coreTitle(title)
        for (kind, endings) in genreEndings where endings.contains(where: core.hasSuffix) {
            return kind
        }
        if core.hasSuffix("法") && !nonLawEndings.contains(where: core.hasSuffix) { return .law }
        return .other
    }

    /// Checked in this order, so 办法 is a regulation before 法 is a law.
    private static let genreEndings: [(CitationKind, [String])] = [
        (.notice, ["通知", "意见", "决定", "通报", "决议", "公告", "通告", "批复", "命令"]),
        (.plan, ["规划", "纲要", "方案", "计划", "要点"]),
        (.regulation, ["条例", "规定", "办法", "细则", "规则", "规章", "规程", "准则"]),
        (.law, ["法典", "修正案"]),
    ]

    /// Words ending in 法 that do not name a law (工作方法, 经验做法, 严格规范公正文明执法).
    private static let nonLawEndings = ["办法", "方法", "做法", "想法", "看法", "说法", "手法", "用法", "写法",
                                        "算法", "疗法", "语法", "书法", "执法", "普法", "立法", "守法", "依法",
                                        "司法", "学法", "技法", "章法"]

    private static let statusWords = ["征求意见稿", "送审稿", "修订稿", "草案", "试行", "暂行"]
    private static let closers: Set<Character> = ["”", "’", "\"", "'", "」", "』", ">", "〉", "》", "＞"]
    private static let openerFor: [Character: Character] = [")": "(", "）": "（", "]": "[", "】": "【", "〕": "〔"]

    static func coreTitle(_ title: String) -> String {
        var core = Substring(title)
        while true {
            let before = core
            while let last = core.last, last.isWhitespace { core.removeLast() }
            if let last = core.last, closers.contains(last) {
                core.removeLast()
            } else if let last = core.last, let opener = openerFor[last], let start = openingIndex(of: core, opener: opener, closer: last) {
                core = core[..<start]
            } else if let word = statusWords.first(where: { core.hasSuffix($0) && core.count > $0.count }) {
                core.removeLast(word.count)
            }
            if core == before || core.isEmpty { break }
        }
        return String(core)
    }

    /// The index of the bracket that opens the group closing at the end of `text`, nil when the
    /// group is not closed there or spans the whole title.
    private static func openingIndex(of text: Substring, opener: Character, closer: Character) -> Substring.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == closer { depth += 1 }
            if text[index] == opener {
                depth -= 1
                if depth == 0 { return index == text.startIndex ? nil : index }
            }
        }
        return nil
    }
}
