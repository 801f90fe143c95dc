/// Links the parts of a 其中 breakdown to their total (调处矛盾纠纷208起，…，其中邻里纠纷47起、婚姻家庭纠纷10起).
enum BreakdownLinker {
    static let qiZhong: [Unicode.Scalar] = Array("其中".unicodeScalars)
    /// Units that count the same kind of thing (cases are 件, 起 or 宗 in the same sentence).
    static let unitGroups: [Set<String>] = [["件", "起", "宗", "例"], ["人", "名", "位"], ["个", "家", "处", "所"]]
    /// How far back (in scalars) a 其中 and a sentence start are looked for. Real sentences are far
    /// shorter; in text run together without sentence marks every number would otherwise scan
    /// back to the start of the paragraph, which is quadratic in its length.
    static let maxLookBack = 400

    /// For each metric, the index of the total it is a part of, or nil.
    static func parents(for tokens: [QuantityToken], in text: ScalarText) -> [Int?] {
        tokens.indices.map { parent(of: $0, in: tokens, text: text) }
    }

    static func parent(of k: Int, in tokens: [QuantityToken], text: ScalarText) -> Int? {
        let part = tokens[k]
        // A rate after 其中 (其中乡镇持证率98%) is not a share of a sum.
        guard part.unitKind != .ratio else { return nil }
        guard let marker = markerBefore(part.range.lowerBound, in: text),
              inList(k, after: marker, tokens: tokens, text: text) else { return nil }
        let sentenceStart = sentenceStart(before: marker, in: text)
        // 其中 opening a sentence refers back to the sentence before it.
        let opensSentence = (sentenceStart..<marker).allSatisfy {
            CharClass.isOneOf(text[$0], CharClass.clauseEnderSet) || text[$0] == " "
        }
        let searchFrom = opensSentence ? self.sentenceStart(before: max(0, sentenceStart - 1), in: text) : sentenceStart
        for c in stride(from: k - 1, through: 0, by: -1) {
            let candidate = tokens[c]
            guard candidate.range.upperBound <= marker else { continue }
            guard candidate.range.lowerBound >= searchFrom else { break }
            guard compatible(candidate.unit, part.unit) else { continue }
            // The nearest earlier count of the same kind is the total, if it can hold the part.
            return candidate.value >= part.value ? c : nil
        }
        return listSiblingParent(of: k, marker: marker, in: tokens, text: text)
    }

    /// 新建法治阵地3处，其中法治公园1个、法治长廊2条: a part listed with 、 after a linked part belongs to
    /// the same total even when its measure word differs.
    static func listSiblingParent(of k: Int, marker: Int, in tokens: [QuantityToken], text: ScalarText) -> Int? {
        guard k > 0, tokens[k - 1].range.lowerBound > marker, tokens[k - 1].unitKind == .count,
              tokens[k].unitKind == .count else { return nil }
        let gap = tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound
        guard CharClass.isOneOf(text[gap.lowerBound], "、和及"),
              !gap.contains(where: { CharClass.isOneOf(text[$0], CharClass.clauseEnderSet) }),
              let total = parent(of: k - 1, in: tokens, text: text), tokens[total].value >= tokens[k].value
        else { return nil }
        return total
    }

    /// Whether a number after 其中 is still in its list. Parts joined by 、 (其中邻里纠纷118起、婚姻家庭纠纷64起，
    /// 调解成功432起) end at the next clause break; parts separated by commas run to the sentence end.
    static func inList(_ k: Int, after marker: Int, tokens: [QuantityToken], text: ScalarText) -> Bool {
        guard let first = tokens.firstIndex(where: { $0.range.lowerBound > marker }), first < k,
              text[tokens[first].range.upperBound] == "、" else { return true }
        return !(tokens[first].range.upperBound..<tokens[k].range.lowerBound).contains {
            CharClass.isOneOf(text[$0], CharClass.clauseEnderSet)
        }
    }

    /// The 其中 that governs a number at `end`: the last one before it within the same sentence.
    /// A loop over the scalars themselves (no optional look-ups): it runs back from every number
    /// of every report.
    static func markerBefore(_ end: Int, in text: ScalarText) -> Int? {
        let scalars = text.scalars
        let limit = max(0, end - maxLookBack)
        // `j` is where a 其中 would start; the sentence mark test is on the scalar after it.
        var j = min(end, scalars.count) - qiZhong.count
        while j >= limit {
            let next = scalars[j + 1]
            if CharClass.fullStops.contains(next) { return nil }
            if next == "中", scalars[j] == "其" { return j }
            j -= 1
        }
        return nil
    }

    static func sentenceStart(before i: Int, in text: ScalarText) -> Int {
        let scalars = text.scalars
        let limit = max(0, i - maxLookBack)
        var j = i - 1
        // Beyond the text there is no mark: the loop only starts inside it.
        if j >= scalars.count { j = max(limit - 1, scalars.count - 1) }
        while j >= limit, !CharClass.fullStops.contains(scalars[j]) { j -= 1 }
        return j + 1
    }

    static func compatible(_ a: String, _ b: String) -> Bool {
        a == b || unitGroups.contains { $0.contains(a) && $0.contains(b) }
    }
}
