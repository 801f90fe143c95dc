/// Finds what each metric counts: the shortest phrase of its clause that says so
/// (docs/metrics-guidelines.md, "subject").
///
/// Usually the phrase right before the number with connectives, time words and fillers dropped
/// (今年共开展各类法治宣传活动36次 → 开展各类法治宣传活动). After a classifier followed by a noun the
/// noun is what was counted (配备3名专职人民调解员 → 专职人民调解员), and where nothing meaningful
/// precedes, the phrase after (4人持有法律职业资格证 → 持有法律职业资格证). In a list joined by 、
/// after one verb each item's subject starts after the previous item (检查餐饮商铺908家、燃气企业1家).
enum SubjectFinder {
    struct Found: Sendable, Equatable {
        var subject: String
        /// Taken from the phrase after the number.
        var fromFollowing: Bool
        /// The noun right after a classifier (3名专职人民调解员), which a bare verb before may borrow.
        var countedNoun = false
    }

    /// Longest stretch before a number searched for its subject, in scalars. Real clauses are
    /// far shorter; in text run together without punctuation the clean-up, which rescans the
    /// phrase for every word it strips, would be quadratic in the paragraph's length.
    static let maxClauseScalars = 80

    static func subjects(for tokens: [QuantityToken], in text: ScalarText) -> [Found] {
        var found: [Found] = []
        for (k, t) in tokens.enumerated() {
            let previousEnd = k > 0 ? tokens[k - 1].range.upperBound : nil
            let start = max(clauseStart(before: t.range.lowerBound, previousEnd: previousEnd, in: text),
                            t.range.lowerBound - maxClauseScalars)
            let isPart = BreakdownLinker.markerBefore(t.range.lowerBound, in: text) != nil
            let pre = SubjectCleaner.cleanPreceding(scalars: Array(text.slice(start..<t.range.lowerBound)), keepAgent: isPart)
            var chosen = choose(t, pre: pre, in: text)
            // 接待群众来访528批1306人次: a second count of the same thing shares its subject.
            if chosen.subject.isEmpty, let previousEnd, start == previousEnd, let last = found.last {
                chosen = Found(subject: last.subject, fromFollowing: false)
            }
            // 同比增长12%, 从92%提高到98%: a change or a new level of what the number before counts.
            if !chosen.fromFollowing, let last = found.last, let previousEnd,
               sameSentence(previousEnd, t.range.lowerBound, in: text),
               let compared = comparedSubject(chosen.subject, previous: last.subject) {
                chosen = Found(subject: compared, fromFollowing: false)
            }
            found.append(chosen)
        }
        // A bare verb (新增26名，…共有113名“法律明白人”) borrows the noun the next count of the same unit names.
        for k in found.indices where k + 1 < found.count {
            let f = found[k]
            guard !f.fromFollowing, f.subject.unicodeScalars.count <= 2, !f.subject.isEmpty,
                  found[k + 1].countedNoun, tokens[k + 1].unit == tokens[k].unit,
                  sameSentence(tokens[k].range.upperBound, tokens[k + 1].range.lowerBound, in: text) else { continue }
            found[k].subject = f.subject + found[k + 1].subject
        }
        return found
    }

    /// Words that compare a number with an earlier one (同比增长12%, 较上年提高3个百分点).
    static let comparisonWords = WordList("同比 环比 较上年 比上年 较去年 比去年 较上一年 比上一年 较同期 比同期 与上年相比 与去年相比")
    /// Verbs that introduce the new level of something just named (…同比上升1.2个百分点，达到8.5%).
    static let levelVerbs = WordList("""
        达到 达 提升至 提升到 提高至 提高到 上升至 上升到 增至 增加到 增加至 降至 降到 下降至 下降到 降低至 降低到 \
        减少至 减少到
        """)

    /// The subject of a number that only compares or restates the one before it in the sentence: the
    /// previous subject (without its own comparison) plus the comparison; nil for any other subject.
    static func comparedSubject(_ subject: String, previous: String) -> String? {
        let scalars = ScalarText(subject)
        let base = withoutComparison(previous)
        guard !subject.isEmpty, !base.isEmpty else { return nil }
        if scalars.longestMatch(levelVerbs, at: 0)?.count == scalars.count { return base }
        if scalars.longestMatch(comparisonWords, at: 0) != nil { return base + subject }
        return nil
    }

    /// 行政复议纠错率同比上升 → 行政复议纠错率.
    static func withoutComparison(_ subject: String) -> String {
        let text = ScalarText(subject)
        for k in 1..<max(1, text.count) where text.longestMatch(comparisonWords, at: k) != nil {
            return text.text(0..<k)
        }
        return subject
    }

    static func choose(_ t: QuantityToken, pre: String, in text: ScalarText) -> Found {
        if t.unitKind == .ratio, text[t.range.upperBound] == "的" {
            // 实现中小学法治副校长100%的覆盖率 → 中小学法治副校长覆盖率
            let noun = SubjectCleaner.cleanFollowing(following(t.range.upperBound + 1, in: text))
            if !noun.isEmpty {
                return Found(subject: SubjectCleaner.afterLastAchievementVerb(pre) + noun, fromFollowing: pre.isEmpty)
            }
        }
        if t.unitKind == .count, MeasureWords.nounUnits.contains(Array(t.unit.unicodeScalars)) {
            // 联合5部门, 6村3社区: the measure word is itself the thing counted.
            let short = pre.unicodeScalars.count <= 3 ? pre : ""
            return Found(subject: short + t.unit, fromFollowing: false)
        }
        if t.unitKind == .count, startsCountedNoun(at: t.range.upperBound, in: text),
           pre.isEmpty || !SubjectCleaner.startsWithPredicate(following(t.range.upperBound, in: text)) {
            // 企业办公场地等8个需求有序推进 → 企业办公场地等需求
            if pre.hasSuffix("等") {
                let head = SubjectCleaner.cleanFollowing(following(t.range.upperBound, in: text), keepGeneric: false)
                if !head.isEmpty { return Found(subject: pre + head, fromFollowing: true) }
            }
            let noun = SubjectCleaner.cleanFollowing(countedNounPhrase(following(t.range.upperBound, in: text)))
            if !noun.isEmpty {
                return Found(subject: noun, fromFollowing: true, countedNoun: true)
            }
        }
        if t.unitKind == .measure || t.unitKind == .money, text[t.range.upperBound] == "的",
           pre.unicodeScalars.count <= 2 {
            // 开展为期3天的培训 → 开展培训
            let noun = SubjectCleaner.cleanFollowing(following(t.range.upperBound + 1, in: text))
            if !noun.isEmpty { return Found(subject: pre + noun, fromFollowing: true) }
        }
        if pre.isEmpty, t.unitKind == .count || t.unitKind == .none || t.unitKind == .ratio {
            // 4人持有法律职业资格证: nothing before, so the phrase after says what was counted.
            let after = SubjectCleaner.cleanFollowing(following(t.range.upperBound, in: text), cutPredicates: false)
            if !after.isEmpty { return Found(subject: after, fromFollowing: true) }
        }
        return Found(subject: pre, fromFollowing: false)
    }

    // MARK: Clause bounds

    /// Where the subject of a number starting at `end` can begin: the start of its clause, or the end
    /// of the previous metric in the same clause (past the 、/和/及 that joins them). A parenthesis that
    /// encloses the number starts an aside (纠错1件(其中29件为同一件事)); one closed before it is skipped
    /// (村(居)法律顾问组织法律讲座30余次).
    static func clauseStart(before end: Int, previousEnd: Int?, in text: ScalarText) -> Int {
        var j = end - 1
        // 受理行政复议申请 25 件: a space next to the number does not end the clause.
        while j > 0, text[j] == " ", CharClass.isHan(text[j - 1]) { j -= 1 }
        var depth = 0
        while j >= 0 {
            if let p = previousEnd, j < p {
                var s = p
                while let c = text[s], s < end, CharClass.isOneOf(c, "、和及与并 ") { s += 1 }
                if text.matches(Array("以及".unicodeScalars), at: s) { s += 2 }
                return s
            }
            let c = text[j]
            if CharClass.isOneOf(c, CharClass.closeParenSet) {
                depth += 1
            } else if CharClass.isOneOf(c, CharClass.openParenSet) {
                if depth > 0 { depth -= 1 } else { return j + 1 }
            } else if depth == 0, CharClass.isOneOf(c, CharClass.clauseEnderSet) || c == " " || c == "\u{3000}" {
                return j + 1
            }
            j -= 1
        }
        return 0
    }

    static func sameSentence(_ a: Int, _ b: Int, in text: ScalarText) -> Bool {
        guard a <= b else { return false }
        return !(a..<b).contains { CharClass.isOneOf(text[$0], CharClass.fullStops) }
    }

    // MARK: The phrase after a number

    /// Characters that, right after a classifier, start an adverb or particle rather than a noun.
    static let notNounStarts = "的共累均都已以余多为和及与并等其分次左上约近达计"

    static func startsCountedNoun(at i: Int, in text: ScalarText) -> Bool {
        guard let c = text[i] else { return false }
        if c == "“" || c == "「" { return CharClass.isHan(text[i + 1]) }
        return CharClass.isHan(c) && !CharClass.isOneOf(c, notNounStarts)
    }

    /// Words that open a modifier ending in 的 (2次关于…的学法活动), whose head noun comes after the 的.
    static let modifierStarts = WordList("关于 有关 针对 对 涉及 由 以 为")

    /// The noun after a classifier up to a 的 that hangs something else on it (2000余家企业的法治宣传 → 企业).
    static func countedNounPhrase(_ phrase: String) -> String {
        let scalars = phrase.scalarArray
        guard let de = scalars.firstIndex(of: "的"), de >= 2, !scalars[..<de].contains("“"),
              ScalarText(phrase).longestMatch(modifierStarts, at: 0) == nil else { return phrase }
        return SubjectCleaner.string(scalars[..<de])
    }

    /// 和 及 与 或 joining two phrases, not inside a word (参与, 涉及, 及时, 和解).
    static func isConjunction(at j: Int, in text: ScalarText) -> Bool {
        guard let c = text[j], CharClass.isOneOf(c, "和及与或") else { return false }
        let key = String(c)
        return !CharClass.isOneOf(text[j - 1], SubjectCleaner.blockedBefore[key] ?? "")
            && !CharClass.isOneOf(text[j + 1], SubjectCleaner.blockedAfter[key] ?? "")
    }

    /// Where the words after a number stop (a set made once: this is tested at every character).
    static let followingStops = ScalarSet(CharClass.clauseEnders + "、 ()（）《")

    /// The rest of the clause from `i`: up to punctuation, a digit or a bracket (quotations and short
    /// brackets such as 村(社区) kept whole).
    static func following(_ i: Int, in text: ScalarText) -> String {
        var j = i
        var inQuote = false
        while let c = text[j] {
            if c == "“" { inQuote = true } else if c == "”" { inQuote = false }
            if !inQuote, CharClass.isOneOf(c, CharClass.openParenSet),
               let close = (j + 1...j + 5).first(where: { CharClass.isOneOf(text[$0], CharClass.closeParens) }),
               (j + 1..<close).allSatisfy({ CharClass.isHan(text[$0]) }) {
                j = close + 1
                continue
            }
            if !inQuote, CharClass.isOneOf(c, followingStops) || CharClass.isDigit(c) { break }
            if !inQuote, isConjunction(at: j, in: text) { break }
            j += 1
            if j - i >= 40 { break }
        }
        return text.text(i..<j)
    }
}
