import Testing
@testable import GovReport

@Suite("decode: iconv conversion")
struct IconvConverterTests {
    @Test func gbkRoundTrip() throws {
        let text = "（一）健全依法决策机制。全年审查合同156份，提出法律意见建议300余条。"
        let gbk = try #require(IconvConverter.convert(Array(text.utf8), from: "UTF-8", to: "GBK", replacement: [0x3F]))
        #expect(gbk.invalidBytes == 0)
        #expect(gbk.bytes.count == text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) })
        let back = try #require(IconvConverter.decode(gbk.bytes, from: "GB18030"))
        #expect(back.text == text)
        #expect(back.invalidBytes == 0)
    }

    @Test func everyInvalidByteIsReplacedAndCounted() throws {
        // "调解" in UTF-8, a stray 0xFF, "成功", a lone continuation byte, "率", a cut-off lead.
        let bytes = Array("调解".utf8) + [0xFF] + Array("成功".utf8) + [0x80] + Array("率".utf8) + [0xE8, 0xBE]
        let result = try #require(IconvConverter.decode(bytes, from: "UTF-8"))
        #expect(result.text == "调解\u{FFFD}成功\u{FFFD}率\u{FFFD}\u{FFFD}")
        #expect(result.invalidBytes == 4)
    }

    @Test func conversionContinuesAfterInvalidBytesInGB18030() throws {
        // 0xFF is never valid in GB18030; the text around it must survive.
        let gbk = try DecodeFixtures.encoded("法治宣传", "GBK")
        let result = try #require(IconvConverter.decode(gbk + [0xFF] + gbk, from: "GB18030"))
        #expect(result.text == "法治宣传\u{FFFD}法治宣传")
        #expect(result.invalidBytes == 1)
    }

    @Test func largeInputCrossesTheOutputChunk() throws {
        let paragraph = DecodeFixtures.reportParagraphs + "\n"
        let text = String(repeating: paragraph, count: 200)
        let gbk = try DecodeFixtures.encoded(text, "GBK")
        #expect(gbk.count > 64 * 1024)
        let result = try #require(IconvConverter.decode(gbk, from: "GB18030"))
        #expect(result.text == text)
        #expect(result.invalidBytes == 0)
    }

    @Test func emptyInputGivesEmptyText() throws {
        let decoded = try #require(IconvConverter.decode([UInt8](), from: "GB18030"))
        #expect(decoded.text == "" && decoded.invalidBytes == 0)
        // A stateful charset's flush at the end writes nothing either.
        #expect(IconvConverter.decode([UInt8](), from: "BIG5-HKSCS")?.text == "")
    }

    @Test func unknownCharset() {
        #expect(IconvConverter.decode([0x41], from: "NO-SUCH-CHARSET") == nil)
        #expect(!IconvConverter.isSupported("NO-SUCH-CHARSET"))
        #expect(IconvConverter.isSupported("BIG5-HKSCS"))
        #expect(IconvConverter.isSupported("CP950"))
    }
}
