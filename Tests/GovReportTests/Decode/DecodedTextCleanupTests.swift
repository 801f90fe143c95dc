import Testing
@testable import GovReport

@Suite("decode: text cleanup and markup")
struct DecodedTextCleanupTests {
    @Test func lineEnds() {
        let windows = "一、主要工作\r\n（一）加强组织领导\r\n\r\n二、存在问题\r旧式换行\n"
        #expect(DecodedTextCleanup.normalizingLineEnds(windows) == "一、主要工作\n（一）加强组织领导\n\n二、存在问题\n旧式换行\n")
        #expect(DecodedTextCleanup.normalizingLineEnds("末尾\r") == "末尾\n")
        #expect(DecodedTextCleanup.normalizingLineEnds("\r\r\n") == "\n\n")
    }

    @Test func byteOrderMarkOnlyAtTheStart() {
        #expect(DecodedTextCleanup.strippingByteOrderMark("\u{FEFF}报告\u{FEFF}") == "报告\u{FEFF}")
        #expect(DecodedTextCleanup.strippingByteOrderMark("报告") == "报告")
    }

    @Test func markup() {
        #expect(MarkupSniffer.isHTML(text: "<!DOCTYPE html><html>…", contentType: nil))
        #expect(MarkupSniffer.isHTML(text: "<DIV class=\"TRS_Editor\"><P>一、主要工作</P></DIV>", contentType: nil))
        #expect(MarkupSniffer.isHTML(text: "一、主要工作", contentType: "text/html; charset=gbk"))
        #expect(!MarkupSniffer.isHTML(text: "一、主要工作\n数量<100件的案件", contentType: "text/plain"))
        let late = String(repeating: "文", count: 5000) + "<div>"
        #expect(!MarkupSniffer.isHTML(text: late, contentType: nil))
    }
}
