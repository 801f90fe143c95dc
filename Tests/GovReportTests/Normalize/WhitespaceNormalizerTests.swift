import Testing
@testable import GovReport

@Suite struct WhitespaceNormalizerTests {
    @Test func removesIndentationAndStraySpacesInsideChineseText() {
        let source = "\u{3000}\u{3000}为深入贯彻落实 “八五”普法规划，街道于3月开展 “法治讲堂” 活动12场次，\n覆盖辖区 8个社区。 "
        #expect(WhitespaceNormalizer.normalize(source)
            == "为深入贯彻落实“八五”普法规划，街道于3月开展“法治讲堂”活动12场次，覆盖辖区8个社区。")
    }

    @Test func collapsesRunsBetweenLatinWordsAndKeepsThem() {
        let source = "依托 Legal\u{00A0}Aid \t Online 平台，受理 12348 热线咨询 300 余件"
        #expect(WhitespaceNormalizer.normalize(source) == "依托Legal Aid Online平台，受理12348热线咨询300余件")
    }

    @Test func removesInvisibleCharactersButKeepsDecodeLosses() {
        let source = "\u{FEFF}推进\u{200B}行政\u{00AD}执法\u{200D}“三项制度”\u{0007}落实，共办理案件4\u{E61A}7件，法治\u{FFFD}设"
        #expect(WhitespaceNormalizer.normalize(source) == "推进行政执法“三项制度”落实，共办理案件47件，法治\u{FFFD}设")
    }

    @Test func dropsExtraCharactersOnRequest() {
        let source = "■ 一是加强学习 ■ 二是健全机制"
        #expect(WhitespaceNormalizer.normalize(source, dropping: ["■"]) == "一是加强学习二是健全机制")
    }

    @Test func whitespaceOnlyBecomesEmpty() {
        #expect(WhitespaceNormalizer.normalize(" \u{3000}\u{200B}\n\t").isEmpty)
    }
}

@Suite struct LostCharacterMarksTests {
    @Test func removesTrailingMarksOfALostCharacterAfterAHeading() {
        #expect(LostCharacterMarks.remove(from: "(一)强化组织领导，法治基础不断夯实??") == "(一)强化组织领导，法治基础不断夯实")
        #expect(LostCharacterMarks.remove(from: "(二)深化法治宣传，营造法治氛围??? 1.强化领导责任")
            == "(二)深化法治宣传，营造法治氛围 1.强化领导责任")
    }

    @Test func removesALostBulletOpeningAParagraph() {
        #expect(LostCharacterMarks.remove(from: "??一是加强队伍建设") == "一是加强队伍建设")
    }

    @Test func keepsQuestionMarksThatMayBeTextOrEvidence() {
        let cases = [
            "如何让群众在家门口找到法律服务?",      // one mark: a question
            "社区法律顾问“法治??设”活动开展情况",   // inside a word: evidence of a loss
            "Is it legal??",                       // after Latin text
        ]
        for text in cases { #expect(LostCharacterMarks.remove(from: text) == text) }
    }
}
