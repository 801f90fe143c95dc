/// Maps a metric (subject and unit) to the one indicator of the taxonomy it measures.
/// A doubtful match (two indicators equally specific and of equal priority) gives none: an
/// empty indicator is better than a wrong one.
public struct IndicatorMatcher: Sendable {
    public let rules: [IndicatorRule]
    /// The rules with their keywords as UTF-8 bytes, made once: every metric of every document
    /// is matched against every rule, and Foundation's `contains` on Strings (NSString search,
    /// a bridge per call) was a tenth of a whole run.
    private let compiled: [CompiledIndicatorRule]
    /// The rules (indexes, in taxonomy order) that accept each unit: a metric is scored only
    /// against those, with one lookup of its unit instead of one a rule.
    private let rulesByUnit: [String: [Int]]

    public init(rules: [IndicatorRule]) {
        self.rules = rules
        compiled = rules.map(CompiledIndicatorRule.init)
        var byUnit: [String: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            for unit in Set(rule.units) { byUnit[unit, default: []].append(index) }
        }
        rulesByUnit = byUnit
    }

    public func match(subject: String, unit: String) -> IndicatorRule? {
        guard !subject.isEmpty, let candidates = rulesByUnit[unit] else { return nil }
        let text = CompiledIndicatorRule.Text(subject)
        // The rules are read in place: taken from the arrays, each copy retained and released
        // its word lists, a third of the matching.
        let chosen: Int? = compiled.withUnsafeBufferPointer { compiled in
            rules.withUnsafeBufferPointer { rules in
                var best: (index: Int, priority: Int, score: Int)?
                var tied = false
                for index in candidates {
                    guard let score = compiled[index].score(subject: text) else { continue }
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
                return tied ? nil : best?.index
            }
        }
        return chosen.map { rules[$0] }
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

/// `IndicatorRule.score` over bytes: the same groups and the same specificity (characters of
/// the longest keyword found in each group). Subjects are normalised text, so a byte-wise
/// substring is a character-wise one; an empty keyword matches nothing, as in Foundation.
struct CompiledIndicatorRule: Sendable {
    /// A keyword or a subject as the matching reads it: its UTF-8 bytes and one bit per scalar
    /// (the value modulo 64). A word whose bits are not all in the subject's is not in it, which
    /// rules out most words without a byte search.
    struct Text: Sendable {
        let bytes: [UInt8]
        let mask: UInt64

        init(_ text: String) {
            bytes = Array(text.utf8)
            mask = text.unicodeScalars.reduce(0) { $0 | 1 << UInt64($1.value & 63) }
        }

        func contains(_ word: Text) -> Bool {
            word.mask & ~mask == 0 && CompiledIndicatorRule.contains(bytes, word.bytes)
        }
    }

    struct Word: Sendable {
        var text: Text
        var characters: Int
    }

    let all: [[Word]]
    let any: [[Word]]
    let none: [[Word]]

    init(_ rule: IndicatorRule) {
        func compile(_ groups: [[String]]) -> [[Word]] {
            groups.map { group in
                group.map { Word(text: Text($0), characters: $0.count) }
            }
        }
        all = compile(rule.all)
        any = compile(rule.any)
        none = compile(rule.none)
    }

    /// The score of a subject whose unit the rule accepts (`IndicatorMatcher` picks the rules by unit).
    func score(subject: Text) -> Int? {
        var matched = 0
        for group in all {
            guard let hit = longestHit(group, in: subject) else { return nil }
            matched += hit
        }
        if !any.isEmpty {
            // A loop, not compactMap(…).max(): no array made for each rule tried on each subject.
            var best: Int?
            for group in any {
                if let hit = longestHit(group, in: subject) { best = max(best ?? 0, hit) }
            }
            guard let best else { return nil }
            matched += best
        }
        for group in none where group.contains(where: { subject.contains($0.text) }) { return nil }
        return matched
    }

    /// The length in characters of the longest word of the group found in the subject.
    private func longestHit(_ group: [Word], in subject: Text) -> Int? {
        var best: Int?
        for word in group where subject.contains(word.text) {
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
