import Testing
@testable import GovReport

@Suite struct SentenceSplitterTests {
    private func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.split(text).map { span in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span.start..<span.end])
            return String(view)
        }
    }

    @Test func splitsOnChineseEndsButNotInsideQuotesTitlesOrParentheses() {
        let text = "镇党委书记强调：“要坚持依法行政。决不能以言代法！”全年开展培训5次；覆盖干部300人次。审议通过《云溪镇法治宣传方案。（试行）》等文件（详见附件。）2件。"
        #expect(sentences(text) == [
            "镇党委书记强调：“要坚持依法行政。决不能以言代法！”全年开展培训5次；",
            "覆盖干部300人次。",
            "审议通过《云溪镇法治宣传方案。（试行）》等文件（详见附件。）2件。",
        ])
    }

    @Test func splitsOnAsciiAndFullWidthFormsAndKeepsRunsOfEnders() {
        #expect(sentences("全年办结率100%;群众满意度98%!怎么办?继续努力") ==
            ["全年办结率100%;", "群众满意度98%!", "怎么办?", "继续努力"])
        #expect(sentences("这合法吗？！当然不合法。") == ["这合法吗？！", "当然不合法。"])
    }

    @Test func spansAreTrimmedScalarOffsets() {
        let text = "  𠮷祥社区完成调解12件。  另有3件在办。 "
        #expect(SentenceSplitter.split(text) == [ScalarSpan(2, 14), ScalarSpan(16, 23)])
        #expect(sentences(text) == ["𠮷祥社区完成调解12件。", "另有3件在办。"])
    }

    @Test func strayQuoteDoesNotSwallowTheParagraph() {
        #expect(sentences("开展“法律进乡村活动。覆盖12个村。全年完成。") ==
            ["开展“法律进乡村活动。", "覆盖12个村。", "全年完成。"])
    }

    @Test func headingOnlyAndEmptyParagraphs() {
        #expect(sentences("一、主要举措和成效") == ["一、主要举措和成效"])
        #expect(SentenceSplitter.split("   ").isEmpty)
    }

    /// What each offset of a text is inside of: the closer counts as inside, the opener does not;
    /// a text without any bracket or quote has nothing inside.
    @Test func enclosureMapMarksWhatBracketsAndQuotesHold() {
        let plain = Array("全年办理行政复议案件46件，同比增长12%。".unicodeScalars)
        let none = EnclosureMap(plain)
        #expect(plain.indices.allSatisfy { !none.isEnclosed($0) })
        let text = Array("依据《条例（试行）》和“放管服”要求".unicodeScalars)
        let map = EnclosureMap(text)
        let inside = text.indices.filter(map.isEnclosed)
        // 《 at 2 … 》 at 9, “ at 11 … ” at 15.
        #expect(inside == Array(3...9) + Array(12...15))
        #expect(!map.isEnclosed(-1) && !map.isEnclosed(text.count))
        // An unclosed quote encloses nothing; a lone closer is passed over.
        let open = EnclosureMap(Array("他说“开展普法。）".unicodeScalars))
        #expect((0..<10).allSatisfy { !open.isEnclosed($0) })
    }
}
