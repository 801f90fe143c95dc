import Testing
@testable import GovReport

@Suite struct OutlineParserTests {
    private func marker(_ text: String) -> OutlineMarker {
        OutlineMarkerRecognizer.marker(in: Array(text.unicodeScalars), at: 0)!
    }

    @Test func numbersByDepthAndKeepsIdsUnique() {
        var parser = OutlineParser()
        var ids: [String] = []
        for text in ["一、", "1.", "2.", "2.", "（1）", "二、", "（一）", "一是", "三是", "（二）", "1."] {
            ids.append(parser.open(marker(text)).sectionId)
        }
        // A repeated `2.` takes the next free number; `三是` after `一是` keeps its written number.
        #expect(ids == ["1", "1.1", "1.2", "1.3", "1.3.1", "2", "2.1", "2.1.1", "2.1.3", "2.2", "2.2.1"])
        #expect(parser.currentSectionId == "2.2.1")
    }

    @Test func inlineMarkersMustContinueExactly() {
        var parser = OutlineParser()
        parser.open(marker("一、"))
        parser.open(marker("1."))
        #expect(parser.accepts(marker("2."), placement: .inline))
        #expect(!parser.accepts(marker("3."), placement: .inline))
        #expect(parser.accepts(marker("3."), placement: .paragraphStart))
        #expect(!parser.accepts(marker("6."), placement: .paragraphStart))
        #expect(parser.accepts(marker("（1）"), placement: .inline))
        #expect(!parser.accepts(marker("（3）"), placement: .paragraphStart))
        #expect(parser.accepts(marker("二、"), placement: .inline))
        #expect(parser.accepts(marker("一是"), placement: .inline))
        #expect(!parser.accepts(marker("二是"), placement: .inline))
    }

    @Test func strictGapOption() {
        var parser = OutlineParser(maxOrdinalGap: 1)
        parser.open(marker("一、"))
        #expect(!parser.accepts(marker("三、"), placement: .paragraphStart))
        #expect(!parser.accepts(marker("（二）"), placement: .paragraphStart))
        #expect(parser.accepts(marker("（一）"), placement: .paragraphStart))
    }

    @Test func rootEnumerationsOnlyWithoutAnOutline() {
        #expect(OutlineParser(allowRootEnumerations: true).accepts(marker("一是"), placement: .paragraphStart))
        #expect(!OutlineParser(allowRootEnumerations: false).accepts(marker("一是"), placement: .paragraphStart))
    }
}
