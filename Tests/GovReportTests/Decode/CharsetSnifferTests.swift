import Testing
@testable import GovReport

@Suite("decode: byte sniffing")
struct CharsetSnifferTests {
    @Test func byteOrderMarks() {
        #expect(ByteOrderMark.detect([0xEF, 0xBB, 0xBF, 0x41]) == ByteOrderMark(encoding: "UTF-8", length: 3))
        #expect(ByteOrderMark.detect([0xFF, 0xFE, 0x41, 0x00]) == ByteOrderMark(encoding: "UTF-16LE", length: 2))
        #expect(ByteOrderMark.detect([0xFE, 0xFF, 0x00, 0x41]) == ByteOrderMark(encoding: "UTF-16BE", length: 2))
        #expect(ByteOrderMark.detect([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]) == ByteOrderMark(encoding: "UTF-32LE", length: 4))
        #expect(ByteOrderMark.detect([0x00, 0x00, 0xFE, 0xFF]) == ByteOrderMark(encoding: "UTF-32BE", length: 4))
        #expect(ByteOrderMark.detect([0x84, 0x31, 0x95, 0x33, 0xB7, 0xA8]) == ByteOrderMark(encoding: "GB18030", length: 4))
        #expect(ByteOrderMark.detect(Array("<html>".utf8)) == nil)
    }

    @Test func metaCharsetForms() {
        func sniff(_ html: String, limit: Int = 8192) -> String? {
            MetaCharsetSniffer.declaredCharset(in: Array(html.utf8), limit: limit)
        }
        #expect(sniff(#"<html><head><meta charset="gb2312"><title>报告</title>"#) == "gb2312")
        #expect(sniff("<meta charset=GBK>") == "GBK")
        #expect(sniff(#"<meta http-equiv="Content-Type" content="text/html; charset=big5">"#) == "big5")
        #expect(sniff(#"<META CONTENT='text/html;charset=GB2312' HTTP-EQUIV='Content-Type'>"#) == "GB2312")
        #expect(sniff(#"<?xml version="1.0" encoding="GB2312"?><html>"#) == "GB2312")
        #expect(sniff(#"<meta name="keywords" content="法治政府"><p>charset=utf-8 is the usual choice</p>"#) == nil)
        #expect(sniff(#"<!-- <meta charset="utf-8"> --><meta charset="gbk">"#) == "gbk")
        #expect(sniff(#"<!-- a --><b>x<</b><!-- <meta charset="big5"> --><!----><meta charset="gbk">"#) == "gbk")
        #expect(sniff(#"<p>1 < 2</p><!-- unclosed <meta charset="gbk">"#) == nil)
        #expect(sniff(#"<!-- <meta charset="big5"> -- still inside --><meta charset='gb18030'><!-- x -->"#) == "gb18030")
        let late = String(repeating: "<script>var x = 1;</script>\n", count: 100) + #"<meta charset="gbk">"#
        #expect(sniff(late, limit: 1024) == nil)
        #expect(sniff(late, limit: 8192) == "gbk")
        #expect(sniff(late, limit: 0) == nil)
    }

    @Test func metaCharsetIsFoundAmongGBKBytes() throws {
        let page = DecodeFixtures.page(head: #"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#)
        let bytes = try DecodeFixtures.encoded(page, "GBK")
        #expect(MetaCharsetSniffer.declaredCharset(in: bytes, limit: 8192) == "gb2312")
    }

    @Test func magicNumbers() {
        #expect(BinarySniffer.signature(of: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]) == "a PNG image")
        #expect(BinarySniffer.signature(of: [0xFF, 0xD8, 0xFF, 0xE0]) == "a JPEG image")
        #expect(BinarySniffer.signature(of: Array("GIF89a".utf8) + [0x01]) == "a GIF image")
        #expect(BinarySniffer.signature(of: [0x1F, 0x8B, 0x08, 0x00]) == "gzip-compressed data")
        #expect(BinarySniffer.signature(of: Array("\r\n%PDF-1.4".utf8))  == "a PDF document")
        #expect(BinarySniffer.signature(of: Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == "a WebP image")
        #expect(BinarySniffer.signature(of: Array("<html><body>PK 2023</body></html>".utf8)) == nil)
        #expect(BinarySniffer.signature(of: Array("一、主要工作".utf8)) == nil)
    }

    @Test func nulLayouts() throws {
        #expect(BinarySniffer.nulLayout(of: Array("plain 文本".utf8)) == .none)
        let le = try DecodeFixtures.encoded("2023年度报告\n", "UTF-16LE")
        guard case .present(_, let first, let candidates) = BinarySniffer.nulLayout(of: le) else {
            Issue.record("UTF-16LE bytes have NULs"); return
        }
        #expect(first == 1)
        #expect(candidates.first == "UTF-16LE")
        let be = try DecodeFixtures.encoded("Report 2023\n", "UTF-16BE")
        guard case .present(_, _, let beCandidates) = BinarySniffer.nulLayout(of: be) else {
            Issue.record("UTF-16BE bytes have NULs"); return
        }
        #expect(beCandidates.first == "UTF-16BE")
        let utf32 = try DecodeFixtures.encoded("法治 2023", "UTF-32LE")
        guard case .present(_, _, let wide) = BinarySniffer.nulLayout(of: utf32) else {
            Issue.record("UTF-32LE bytes have NULs"); return
        }
        #expect(wide.first == "UTF-32LE")
    }

    @Test func utf32WithoutByteOrderMarkDecodes() throws {
        let text = DecodeFixtures.shortParagraph
        let result = try DecodeFixtures.decode(DecodeFixtures.raw(try DecodeFixtures.encoded(text, "UTF-32LE")))
        #expect(result.text == text)
        #expect(result.encodingDetected == "UTF-32LE")
    }

    @Test func strayNulInGBKTextIsBinary() throws {
        var bytes = try DecodeFixtures.encoded(DecodeFixtures.reportParagraphs, "GBK")
        bytes.insert(0, at: 101)
        let failure = try #require(DecodeFixtures.failure(DecodeFixtures.raw(bytes)))
        #expect(failure.code == "decode.binary")
        #expect(failure.message.contains("1 NUL byte (the first at byte 101)"))
    }
}
