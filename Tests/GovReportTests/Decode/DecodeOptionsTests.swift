import Foundation
import Testing
@testable import GovReport

@Suite("decode: options")
struct DecodeOptionsTests {
    @Test func stageDescription() {
        #expect(DecodeStage.name == "decode")
        #expect(DecodeStage.version == 1)
        #expect(!DecodeStage.summary.isEmpty)
    }

    @Test func everyEncodedKeyIsDocumented() throws {
        let data = try JSONEncoder().encode(DecodeOptions())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Set(DecodeOptions.fields.map(\.name)))
        #expect(DecodeOptions.fields.allSatisfy { !$0.help.isEmpty })
    }

    @Test func defaultsHaveNoProblems() {
        #expect(DecodeOptions().problems(at: "$.stages[1]", baseDirectory: URL(fileURLWithPath: "/")).isEmpty)
    }

    @Test func problemsNameTheirPath() {
        var options = DecodeOptions()
        options.candidates = ["GBK", "KLINGON-8", "UTF-16"]
        options.maxInvalidShare = 1.5
        options.metaScanBytes = -1
        let problems = options.problems(at: "$.stages[1]", baseDirectory: URL(fileURLWithPath: "/"))
        #expect(problems.map(\.path) == ["$.stages[1].metaScanBytes", "$.stages[1].candidates[1]",
                                         "$.stages[1].candidates[2]", "$.stages[1].maxInvalidShare"])
    }

    @Test func optionsDecodeFromConfigJSON() throws {
        let json = #"{"trustDeclared": false, "trustMeta": true, "metaScanBytes": 1024, "useUchardet": false,"#
            + #" "candidates": ["GB18030"], "declaredMaxInvalidShare": 0, "maxInvalidShare": 0.1}"#
        let options = try JSONDecoder().decode(DecodeOptions.self, from: Data(json.utf8))
        #expect(!options.trustDeclared)
        #expect(options.candidates == ["GB18030"])
        #expect(options.maxInvalidShare == 0.1)
    }

    @Test func candidateOrderBreaksTies() throws {
        // Pure ASCII reads the same in every candidate: the first one is recorded.
        var options = DecodeOptions()
        options.candidates = ["GB18030", "UTF-8"]
        options.useUchardet = false
        let text = "Annual report, 2023: 12 mediation sessions."
        let result = try DecodeFixtures.decode(DecodeFixtures.raw(Array(text.utf8)), options: options)
        #expect(result.text == text)
        #expect(result.encodingDetected == "GB18030")
        #expect(result.evidence == "trial")
    }
}
