import Foundation
import Testing
@testable import GovReport

/// A rate or an amount whose subject is bare (成功率, 办结率, 涉及金额) takes its indicator from
/// the count before it in the same sentence; nothing else does.
@Suite struct ContextLeaningTests {
    /// Extracts fictional report sentences with the default taxonomy, as the pipeline does.
    private func indicators(_ text: String) throws -> [(subject: String, indicator: String)] {
        let config = try ConfigLoader.load(TestSupport.repositoryRoot.appendingPathComponent("pipeline.json"))
        return try TextExtraction.extract(text, config: config).1.metrics.map { ($0.subject, $0.indicator) }
    }

    private func indicator(of subject: String, in found: [(subject: String, indicator: String)]) -> String? {
        found.first { $0.subject == subject }?.indicator
    }

    @Test func bareRatesAndAmountsLeanOnTheCountBeforeThem() throws {
        let found = try indicators("""
            全年排查调处矛盾纠纷206宗，调解成功201宗，成功率97.6%，涉及金额约860万元。
            受理12345热线工单3150余件，办结率99.2%。
            街道法律顾问全年审查合同协议41份，涉及金额约5200万元，列席重要会议9次。
            """)
        #expect(indicator(of: "成功率", in: found) == "mediation.success_rate")
        #expect(indicator(of: "办结率", in: found) == "services.hotline_completion_rate")
        let amounts = found.filter { $0.subject == "涉及金额" }.map(\.indicator)
        #expect(amounts == ["mediation.amount_involved", "legality_review.contracts_amount"],
                "each amount leans past the rate onto its own sentence's count")
    }

    @Test func partsAndOtherSubjectsDoNotLean() throws {
        let found = try indicators("""
            全年共调处矛盾纠纷188起，其中邻里纠纷61起、婚姻家庭纠纷40起。
            组织干部参加学法考试，参考152人，合格率100%。
            全年受理信访事项35件，办结35件，办结率100%。
            """)
        #expect(indicator(of: "调处矛盾纠纷", in: found) == "mediation.disputes_mediated")
        #expect(indicator(of: "邻里纠纷", in: found) == "", "a 其中 part is not the total's indicator")
        #expect(indicator(of: "婚姻家庭纠纷", in: found) == "")
        #expect(indicator(of: "参考", in: found) == "", "a bare count does not lean")
        #expect(indicator(of: "办结率", in: found) == "", "办结 alone names no indicator: the rate stays empty, not a guess")
    }

    @Test func aRateDoesNotLeanAcrossSentences() throws {
        let matcher = try DefaultIndicatorTaxonomy.matcher()
        #expect(matcher.match(subject: "办结率", unit: "%", earlierSubjects: ["受理12345热线工单"])?.code
                == "services.hotline_completion_rate")
        #expect(matcher.match(subject: "办结率", unit: "%", earlierSubjects: []) == nil)
        #expect(matcher.match(subject: "办结率", unit: "%", earlierSubjects: ["受理12345热线工单", "满意率"])?.code
                == "services.hotline_completion_rate", "an earlier rate is passed over")
        let found = try indicators("受理12345热线工单3150余件。办结率99.2%。")
        #expect(indicator(of: "办结率", in: found) == "")
    }
}
