/// Maps a metric (subject and unit) to the one indicator of the taxonomy it measures.
/// A doubtful match (two indicators equally specific and of equal priority) gives none: an
/// empty indicator is better than a wrong one.
public struct IndicatorMatcher: Sendable {
    public let rules: [IndicatorRule]

    public init(rules: [IndicatorRule]) {
        self.rules = rules
    }

    public func match(subject: String, unit: String) -> IndicatorRule? {
        guard !subject.isEmpty else { return nil }
        var best: (rule: IndicatorRule, priority: Int, score: Int)?
        var tied = false
        for rule in rules {
            guard let score = rule.score(subject: subject, unit: unit) else { continue }
            if let current = best {
                if (rule.priority, score) > (current.priority, current.score) {
                    best = (rule, rule.priority, score)
                    tied = false
                } else if (rule.priority, score) == (current.priority, current.score) {
                    tied = true
                }
            } else {
                best = (rule, rule.priority, score)
            }
        }
        return tied ? nil : best?.rule
    }

    /// Like `match(subject:unit:)`, for a metric whose subject leans on the one before it in the
    /// same sentence: 调解成功313宗，成功率98.4% or 受理12345热线工单4800余件，办结率99.6% give the
    /// bare subjects 成功率 and 办结率, which name no indicator alone. When the subject matches
    /// nothing and is a rate or an amount (ends in 率, 比例 or 金额), it is matched again with the
    /// nearest earlier subject of the sentence that is not itself such a measure in front of it
    /// (成功率98.4%，涉及金额1200万元 leans past 成功率 onto 调解成功). Other subjects stand on their
    /// own: 参考186人 after 集中学法12次 is not a count of training attendance.
    public func match(subject: String, unit: String, earlierSubjects: [String]) -> IndicatorRule? {
        if let rule = match(subject: subject, unit: unit) { return rule }
        guard Self.leansOnContext(subject),
              let anchor = earlierSubjects.last(where: { !$0.isEmpty && !Self.leansOnContext($0) }) else { return nil }
        return match(subject: anchor + subject, unit: unit)
    }

    static func leansOnContext(_ subject: String) -> Bool {
        subject.hasSuffix("率") || subject.hasSuffix("比例") || subject.hasSuffix("金额")
    }
}
