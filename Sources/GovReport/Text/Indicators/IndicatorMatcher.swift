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
}
