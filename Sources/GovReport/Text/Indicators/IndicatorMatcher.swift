/// Maps a metric (subject and unit) to the one indicator of the taxonomy it measures.
/// A doubtful match (two indicators equally specific and of equal priority) gives none: an
/// empty indicator is better than a wrong one.
public struct IndicatorMatcher: Sendable {
    public let rules: [IndicatorRule]
    /// The rules with their keywords as UTF-8 bytes, made once: every metric of every document
    /// is matched against every rule, and Foundation's `contains` on Strings (NSString search,
    /// a bridge per call) was a tenth of a whole run.
    private let compiled: [CompiledIndicatorRule]

    public init(rules: [IndicatorRule]) {
        self.rules = rules
        compiled = rules.map(CompiledIndicatorRule.init)
    }

    public func match(subject: String, unit: String) -> IndicatorRule? {
        guard !subject.isEmpty else { return nil }
        let bytes = Array(subject.utf8)
        var best: (index: Int, priority: Int, score: Int)?
        var tied = false
        for (index, rule) in compiled.enumerated() {
            guard let score = rule.score(subject: bytes, unit: unit) else { continue }
            let priority = rules[index].priority
            if let current = best {
                if (priority, score) > (current.priority, current.score) {
                    best = (index, priority, score)
                    tied = false
                } else if (priority, score) == (current.priority, current.score) {
                    tied = true
                }
            } else {
                best = (index, priority, score)
            }
        }
        return tied ? nil : best.map { rules[$0.index] }
    }
}

/// `IndicatorRule.score` over bytes: the same groups and the same specificity (characters of
/// the longest keyword found in each group). Subjects are normalised text, so a byte-wise
/// substring is a character-wise one; an empty keyword matches nothing, as in Foundation.
struct CompiledIndicatorRule: Sendable {
    struct Word: Sendable {
        var bytes: [UInt8]
        var characters: Int
    }

    let units: Set<String>
    let all: [[Word]]
    let any: [[Word]]
    let none: [[Word]]

    init(_ rule: IndicatorRule) {
        func compile(_ groups: [[String]]) -> [[Word]] {
            groups.map { group in group.map { Word(bytes: Array($0.utf8), characters: $0.count) } }
        }
        units = Set(rule.units)
        all = compile(rule.all)
        any = compile(rule.any)
        none = compile(rule.none)
    }

    func score(subject: [UInt8], unit: String) -> Int? {
        guard units.contains(unit) else { return nil }
        var matched = 0
        for group in all {
            guard let hit = longestHit(group, in: subject) else { return nil }
            matched += hit
        }
        if !any.isEmpty {
            guard let best = any.compactMap({ longestHit($0, in: subject) }).max() else { return nil }
            matched += best
        }
        for group in none where group.contains(where: { Self.contains(subject, $0.bytes) }) { return nil }
        return matched
    }

    /// The length in characters of the longest word of the group found in the subject.
    private func longestHit(_ group: [Word], in subject: [UInt8]) -> Int? {
        var best: Int?
        for word in group where Self.contains(subject, word.bytes) {
            best = max(best ?? 0, word.characters)
        }
        return best
    }

    static func contains(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard !word.isEmpty, word.count <= text.count else { return false }
        let first = word[0]
        var start = 0
        let last = text.count - word.count
        while start <= last {
            if text[start] == first {
                var k = 1
                while k < word.count && text[start + k] == word[k] { k += 1 }
                if k == word.count { return true }
            }
            start += 1
        }
        return false
    }
}
