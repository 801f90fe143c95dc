import Foundation
import Testing
@testable import GovReport

@Suite struct SegmentOptionsTests {
    @Test func defaultsRoundTripAndEveryKeyIsDocumented() throws {
        let data = try JSONEncoder().encode(SegmentOptions())
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        #expect(Set(object.keys) == Set(SegmentOptions.fields.map(\.name)))
        #expect(try JSONDecoder().decode(SegmentOptions.self, from: data) == SegmentOptions())
        #expect(SegmentOptions().problems(at: "$.stages[4]", baseDirectory: URL(fileURLWithPath: "/")).isEmpty)
    }

    @Test func problemsNameTheBadKeys() {
        var options = SegmentOptions()
        options.maxHeadingChars = 2
        options.maxInlineLevel = 6
        options.maxOrdinalGap = 0
        options.partKeywords = ["plans": ["工作计划"], "problems": ["短板", " "]]
        let paths = options.problems(at: "$.stages[4]", baseDirectory: URL(fileURLWithPath: "/")).map(\.path)
        #expect(paths == [
            "$.stages[4].maxInlineLevel", "$.stages[4].maxHeadingChars", "$.stages[4].maxOrdinalGap",
            "$.stages[4].partKeywords.plans", "$.stages[4].partKeywords.problems[1]",
        ])
    }

    @Test func stageIdentity() {
        #expect(SegmentStage.name == "segment")
        #expect(SegmentStage.version == 1)
    }
}
