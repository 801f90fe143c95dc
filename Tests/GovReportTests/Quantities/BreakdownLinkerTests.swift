import Testing
@testable import GovReport

@Suite struct BreakdownLinkerTests {
    /// The look-backs as first written, on `ScalarText`'s optional subscript: the rule itself.
    private func referenceMarker(_ end: Int, in text: ScalarText) -> Int? {
        var j = end - 2
        while j >= max(0, end - BreakdownLinker.maxLookBack) {
            if CharClass.isOneOf(text[j + 1], CharClass.fullStops) { return nil }
            if text[j] == "其", text[j + 1] == "中" { return j }
            j -= 1
        }
        return nil
    }

    private func referenceSentenceStart(before i: Int, in text: ScalarText) -> Int {
        var j = i - 1
        while j >= max(0, i - BreakdownLinker.maxLookBack), !CharClass.isOneOf(text[j], CharClass.fullStops) { j -= 1 }
        return j + 1
    }

    /// Every position, and positions past the end, of random texts of 其, 中, sentence marks and
    /// filler, some longer than the look-back.
    @Test func lookBacksAgreeWithTheRuleAtEveryPosition() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = ["其", "中", "。", "！", "\n", "，", "件", "1", "?"]
        // Text run together without sentence marks, where only the look-back's limit stops.
        let runTogether: [Unicode.Scalar] = ["其", "中", "，", "件"]
        for length in [0, 1, 2, 3, 7, 40, 450, 900] {
            for round in 0..<20 {
                let letters = round.isMultiple(of: 2) ? alphabet : runTogether
                let text = ScalarText(scalars: (0..<length).map { _ in letters.randomElement(using: &generator)! })
                for end in 0...(length + 3) {
                    #expect(BreakdownLinker.markerBefore(end, in: text) == referenceMarker(end, in: text), "\(length) \(end)")
                    #expect(BreakdownLinker.sentenceStart(before: end, in: text) == referenceSentenceStart(before: end, in: text))
                }
            }
        }
    }

    /// One 其中 and a sentence mark, far back: found up to the look-back's limit and not beyond.
    @Test func lookBacksStopAtTheirLimit() {
        let limit = BreakdownLinker.maxLookBack
        for mark: Unicode.Scalar in ["其", "。"] {
            let scalars: [Unicode.Scalar] = mark == "其" ? ["其", "中"] : ["。"]
            let text = ScalarText(scalars: scalars + Array(repeating: "件", count: limit + 10))
            for end in (limit - 5)...(limit + 5) {
                #expect(BreakdownLinker.markerBefore(end, in: text) == referenceMarker(end, in: text), "\(end)")
                #expect(BreakdownLinker.sentenceStart(before: end, in: text) == referenceSentenceStart(before: end, in: text))
            }
            if mark == "其" {
                #expect(BreakdownLinker.markerBefore(limit, in: text) == 0)
                #expect(BreakdownLinker.markerBefore(limit + 1, in: text) == nil)
            } else {
                #expect(BreakdownLinker.sentenceStart(before: limit, in: text) == 1)
                #expect(BreakdownLinker.sentenceStart(before: limit + 1, in: text) == 1)
                #expect(BreakdownLinker.sentenceStart(before: limit + 2, in: text) == 2)
            }
        }
    }

    @Test func aBreakdownLinksItsPartsToTheTotal() {
        let text = ScalarText("全年调处矛盾纠纷208起。其中邻里纠纷47起、婚姻家庭纠纷10起")
        let marker = BreakdownLinker.markerBefore(text.count, in: text)
        #expect(marker == 13)
        #expect(BreakdownLinker.sentenceStart(before: 13, in: text) == 13)
        #expect(BreakdownLinker.markerBefore(12, in: text) == nil)
    }
}
