import Testing
@testable import GovReport

@Suite struct WidthNormalizerTests {
    @Test func foldsDigitsPercentAndLettersInAReportSentence() {
        let source = "２０２３年，全镇行政复议纠错率降至１．５％，调解成功率达到１００％，“法宣在线”ＡＰＰ注册率达９８％。"
        let folded = WidthNormalizer.normalize(source)
        #expect(folded == "2023年，全镇行政复议纠错率降至1.5%，调解成功率达到100%，“法宣在线”APP注册率达98%。")
        #expect(folded.unicodeScalars.count == source.unicodeScalars.count)
    }

    @Test func keepsChinesePunctuationAndBothKindsOfParentheses() {
        let source = "（一）加强组织领导。(二)健全制度体系；依照《条例》：一是、二是……“谁执法谁普法”！"
        #expect(WidthNormalizer.normalize(source) == source)
    }

    @Test func foldsRangesFormulasAndSlashes() {
        let source = "落实《实施方案（２０２１－２０２５年）》，构建“１＋Ｎ”普法模式，合同审查率＝审查数／签订数，案件＜３件"
        #expect(WidthNormalizer.normalize(source)
            == "落实《实施方案（2021-2025年）》，构建“1+N”普法模式，合同审查率=审查数/签订数，案件<3件")
    }

    @Test func fullWidthStopIsADecimalPointOnlyBetweenDigits() {
        #expect(WidthNormalizer.normalize("１．强化领导责任，投入经费３．５万元") == "1．强化领导责任，投入经费3.5万元")
    }

    @Test func ideographicSpaceBecomesASCIISpace() {
        #expect(WidthNormalizer.normalize("宣传日\u{3000}３·１５") == "宣传日 3·15")
    }
}
