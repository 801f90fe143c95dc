import Testing
@testable import GovReport

@Suite("Programmes")
struct ProgrammeFinderTests {
    @Test func quotedNamesAndSlogans() {
        let text = "严格落实“谁执法谁普法”普法责任制，坚持和发展新时代“枫桥经验”，构建“1+5+N”法治宣传模式，"
            + "围绕省委“1310”具体部署，以“12.4”宪法宣传日为节点，深入实施“八五”普法规划，培育“法律明白人”120名，"
            + "推行“最多跑一次”改革，落实“有件必备、有备必审、有错必纠”原则。"
        let found = entityTestFind("programme", text)
        #expect(found.map(\.normalized) == ["谁执法谁普法", "枫桥经验", "八五普法", "法律明白人", "最多跑一次",
                                            "有件必备、有备必审、有错必纠"])
        #expect(found.map(\.text) == ["“谁执法谁普法”", "“枫桥经验”", "“八五”普法", "“法律明白人”", "“最多跑一次”",
                                      "“有件必备、有备必审、有错必纠”"])
    }

    @Test func codesSpeechAndSingleCharactersAreNot() {
        let text = "群众说：“街道办事效率高，问题解决得快！”将法治建设纳入“十四五”规划，开设《“法”语微情》专栏，“3·15”当天开展宣传。"
        #expect(entityTestFind("programme", text).isEmpty)
    }
}
