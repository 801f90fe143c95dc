import Testing
@testable import GovReport

@Suite struct CompiledIndicatorRuleTests {
    /// The byte-wise score the matcher uses is the rule's own score, for every rule of the
    /// default taxonomy and subjects made of its keywords (all, any and none groups, alone and
    /// together, with filler around them) and of other rules' keywords.
    @Test func compiledScoresAreTheRulesScores() throws {
        let rules = try DefaultIndicatorTaxonomy.rules()
        #expect(rules.count > 50)
        var generator = SystemRandomNumberGenerator()
        let keywords = Array(Set(rules.flatMap { ($0.all + $0.any + $0.none).flatMap { $0 } }))
        let filler = ["全年", "共", "", "依法", "办理", "件", "率"]
        var scored = 0
        for rule in rules {
            let compiled = CompiledIndicatorRule(rule)
            let unit = try #require(rule.units.first)
            let own = (rule.all + rule.any + rule.none).flatMap { $0 }
            for _ in 0..<12 {
                let words = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                    Bool.random(using: &generator) ? own.randomElement(using: &generator) ?? "" : keywords.randomElement(using: &generator)!
                }
                let subject = words.map { $0 + filler.randomElement(using: &generator)! }.joined()
                let expected = rule.score(subject: subject, unit: unit)
                #expect(compiled.score(subject: .init(subject)) == expected, "\(rule.code): \(subject)")
                if expected != nil { scored += 1 }
            }
        }
        #expect(scored > 100)
    }

    /// Groups the default taxonomy does not use: several `any` groups (the longest hit of any
    /// counts), several `all` groups and a `none` word, on hand-made subjects.
    @Test func compiledScoresAgreeOnEveryKindOfGroup() {
        let rule = IndicatorRule(code: "test.mediation", nameZh: "调解", nameEn: "mediation", unitClass: .count,
                                 all: [["纠纷", "矛盾"], ["调处", "调解"]], any: [["委员会"], ["人民调解委员会", "人民"]],
                                 none: [["排查"]])
        let compiled = CompiledIndicatorRule(rule)
        let unit = rule.units[0]
        let subjects = ["人民调解委员会调解纠纷", "委员会调处矛盾", "人民调解纠纷", "调解纠纷", "排查调解纠纷委员会", "", "纠纷调解人民"]
        for subject in subjects {
            #expect(compiled.score(subject: .init(subject)) == rule.score(subject: subject, unit: unit), "\(subject)")
        }
        #expect(compiled.score(subject: .init("人民调解委员会调解纠纷")) == 2 + 2 + 7)
    }
}
