import Foundation
import Testing
@testable import GovReport

@Suite struct ScriptDetectorTests {
    @Test func thresholds() {
        #expect(ScriptDetector.classify(ScriptEvidence(traditionalOnly: 0, simplifiedOnly: 0)) == .hans)
        #expect(ScriptDetector.classify(ScriptEvidence(traditionalOnly: 0, simplifiedOnly: 812)) == .hans)
        #expect(ScriptDetector.classify(ScriptEvidence(traditionalOnly: 3, simplifiedOnly: 8)) == .hans)
        #expect(ScriptDetector.classify(ScriptEvidence(traditionalOnly: 12, simplifiedOnly: 700)) == .hans)
        #expect(ScriptDetector.classify(ScriptEvidence(traditionalOnly: 940, simplifiedOnly: 41)) == .hant)
        #expect(ScriptDetector.classify(ScriptEvidence(traditionalOnly: 5, simplifiedOnly: 0)) == .hant)
        #expect(ScriptDetector.classify(ScriptEvidence(traditionalOnly: 300, simplifiedOnly: 260)) == .mixed)
    }

    @Test func evidenceCountsChangedPositions() {
        let evidence = ScriptDetector.evidence(source: "鎮政府发布", simplified: "镇政府发布", traditional: "鎮政府發佈")
        #expect(evidence == ScriptEvidence(traditionalOnly: 1, simplifiedOnly: 2))
    }

    /// The script probe settles a page as `hant` from an upper bound of the simplified-only count;
    /// that is sound only if any smaller count reads `hant` too.
    @Test func hantStaysHantForEverySmallerSimplifiedCount() {
        for traditional in 1...120 {
            for bound in 0...120 where ScriptDetector.classify(ScriptEvidence(traditionalOnly: traditional, simplifiedOnly: bound)) == .hant {
                for simplified in 0..<bound {
                    #expect(ScriptDetector.classify(ScriptEvidence(traditionalOnly: traditional, simplifiedOnly: simplified)) == .hant,
                            "T \(traditional), S \(simplified) below the bound \(bound)")
                }
            }
        }
    }

    /// On the traditional and simplified sample reports, paragraph by paragraph: the positions s2t
    /// changes are never more than the scalars of its set, and the probe's answer is the one the
    /// whole count in both directions gives.
    @Test func theBoundHoldsAndTheProbeAgreesWithTheWholeCount() throws {
        let t2s = try OpenCCConverter(configPath: #require(OpenCCConverter.locate("t2s.json")))
        let s2t = try OpenCCConverter(configPath: #require(OpenCCConverter.locate("s2t.json")))
        let changed = try s2t.changedScalars
        var settled = 0
        for name in ["liantang-street-2023-hant-utf8.html", "liuwan-street-2023-utf8.html", "qingtong-town-2023-big5.html"] {
            let data = try Data(contentsOf: TestSupport.samples.appendingPathComponent("pages/" + name))
            let page = try DecodeStage(options: DecodeOptions()).process(
                RawDocument(docId: name, source: name, bytes: Array(data), sha256: "", declaredCharset: nil, contentType: "text/html"),
                document: DocumentRef(docId: name, source: name)).text
            let paragraphs = try stripDocument(page).paragraphs
            var whole = ScriptEvidence()
            var bound = 0
            for paragraph in paragraphs {
                let simplifiedOnly = ScriptDetector.changes(source: paragraph, converted: try AlignedConversion.convert(paragraph, with: s2t.convert))
                #expect(simplifiedOnly <= changed.count(in: paragraph), "\(paragraph)")
                whole.simplifiedOnly += simplifiedOnly
                whole.traditionalOnly += ScriptDetector.changes(source: paragraph, converted: try AlignedConversion.convert(paragraph, with: t2s.convert))
                bound += changed.count(in: paragraph)
            }
            #expect(try probe().detect(paragraphs) == ScriptDetector.classify(whole), "\(name)")
            if whole.traditionalOnly > 0,
               ScriptDetector.classify(ScriptEvidence(traditionalOnly: whole.traditionalOnly, simplifiedOnly: bound)) == .hant {
                settled += 1
            }
        }
        // Both traditional samples are settled by the bound, without the s2t pass.
        #expect(settled == 2)
    }

    private func probe() throws -> ScriptProbe {
        try ScriptProbe(reusing: OpenCCConverter(configPath: #require(OpenCCConverter.locate("t2s.json"))))
    }

    @Test func traditionalReportIsHantDespiteSimplifiedHabits() throws {
        // 關于 and 領導干部 are written with simplified 于/干 in many traditional reports.
        let paragraphs = [
            "2023年，桃源鎮人民政府堅持以習近平新時代中國特色社會主義思想為指導，全面貫徹落實《法治政府建設實施綱要(2021—2025年)》，領導干部帶頭學法用法。",
            "按照《關于進一步規範行政執法裁量權的實施意見》要求，全鎮共辦理行政處罰案件37件，罰沒金額12.6萬元。",
        ]
        #expect(try probe().detect(paragraphs) == .hant)
    }

    @Test func simplifiedReportQuotingATraditionalNameIsHans() throws {
        let paragraphs = [
            "邀请澳門大學法學院教授为街道干部作专题辅导，进一步提高依法行政能力。",
            "全年开展法治宣传活动26场次，发放宣传资料2000余份，受教育群众5000余人次。",
        ]
        #expect(try probe().detect(paragraphs) == .hans)
    }

    @Test func pageWithParagraphsInBothScriptsIsMixed() throws {
        let paragraphs = [
            "鎮黨委高度重視法治政府建設，自覺把建設法治政府擺在轄區各項事業發展重要位置。",
            "發揮法律顧問作用，審查各類合同協議45份，提出修改意見120餘條。",
            "街道党工委高度重视法治政府建设，将法治建设纳入重要议事范围，成立领导小组。",
            "组织开展行政执法人员培训3期，参训人员达到260人次，考试合格率为100%。",
        ]
        #expect(try probe().detect(paragraphs) == .mixed)
    }
}
