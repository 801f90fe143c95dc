import Foundation
import Testing
@testable import GovReport

@Suite("decode stage")
struct DecodeStageTests {
    typealias F = DecodeFixtures

    @Test func utf8PageWithMetaCharset() throws {
        let page = F.page(head: #"<meta charset="utf-8">"#)
        let result = try F.decode(F.raw(Array(page.utf8), contentType: "text/html"))
        #expect(result.text == page)
        #expect(result.encodingDetected == "UTF-8")
        #expect(result.encodingDeclared == "UTF-8")
        #expect(result.evidence == "meta")
        #expect(result.invalidBytes == 0)
        #expect(result.isHTML)
    }

    @Test func utf8WithByteOrderMarkLosesTheMark() throws {
        let text = F.reportParagraphs
        let result = try F.decode(F.raw([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        #expect(result.text == text)
        #expect(result.text.unicodeScalars.first == "2")
        #expect(result.evidence == "bom")
        #expect(result.encodingDetected == "UTF-8")
        #expect(result.encodingDeclared == "")
        #expect(!result.isHTML)
    }

    @Test(arguments: [
        #"<meta charset="gb2312">"#,
        #"<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />"#,
        #"<META content="text/html; charset=GB2312" http-equiv=Content-Type>"#,
    ])
    func gbkPageDeclaredGB2312InMeta(head: String) throws {
        let page = F.page(head: head)
        let result = try F.decode(F.raw(try F.encoded(page, "GBK")))
        #expect(result.text == page)
        #expect(result.text.contains("调解成功率达97.9%"))
        #expect(result.encodingDeclared == "GB2312")
        #expect(result.encodingDetected == "GB18030")
        #expect(result.evidence == "meta")
        #expect(result.invalidBytes == 0)
        #expect(result.isHTML)
    }

    @Test func gb18030TextWithoutDeclaration() throws {
        let text = F.gb18030Report
        let bytes = try F.encoded(text, "GB18030")
        #expect(IconvConverter.convert(Array(text.utf8), from: "UTF-8", to: "GBK", replacement: [0x3F])!.invalidBytes > 0)
        let result = try F.decode(F.raw(bytes))
        #expect(result.text == text)
        #expect(result.text.contains("联合𠮷家村等12个村"))
        #expect(result.encodingDetected == "GB18030")
        #expect(result.encodingDeclared == "")
        #expect(["uchardet", "trial"].contains(result.evidence))
        #expect(result.invalidBytes == 0)
    }

    @Test func big5TraditionalDeclaredBig5() throws {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\"></head><body>\n"
            + F.traditionalReport + "\n</body></html>"
        let result = try F.decode(F.raw(try F.encoded(page, "BIG5")))
        #expect(result.text == page)
        #expect(result.text.contains("罰沒金額296萬餘元"))
        #expect(result.encodingDeclared == "BIG5")
        #expect(result.encodingDetected == "BIG5-HKSCS")
        #expect(result.evidence == "meta")
    }

    @Test func big5TraditionalUndeclaredIsNotReadAsGBK() throws {
        let text = F.traditionalReport
        let result = try F.decode(F.raw(try F.encoded(text, "BIG5")))
        #expect(result.text == text)
        #expect(result.encodingDetected == "BIG5-HKSCS")
        #expect(["uchardet", "trial"].contains(result.evidence))
    }

    @Test func big5WithTheEuroSignFallsBackToCP950() throws {
        let text = "（二）經費保障：全年投入普法經費€12萬元，用於購置法治宣傳資料和組織法律知識競賽。"
        let result = try F.decode(F.raw(try F.encoded(text, "CP950"), declared: "big5"))
        #expect(result.text == text)
        #expect(result.encodingDetected == "CP950")
        #expect(result.invalidBytes == 0)
        #expect(result.evidence == "declared")
    }

    @Test func mislabelledUTF8MetaOnGBKBytes() throws {
        let page = F.page(head: #"<meta charset="utf-8">"#)
        let result = try F.decode(F.raw(try F.encoded(page, "GBK")))
        #expect(result.text == page)
        #expect(result.encodingDeclared == "UTF-8")
        #expect(result.encodingDetected == "GB18030")
        #expect(result.evidence != "meta")
        #expect(["uchardet", "trial"].contains(result.evidence))
        #expect(result.invalidBytes == 0)
    }

    @Test func utf8PageWithStaleGB2312Meta() throws {
        // A site converted to UTF-8 that kept its old declaration: GB18030 reads these bytes
        // almost without an error, but as rare characters in random order.
        let page = F.page(head: #"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#)
        let result = try F.decode(F.raw(Array(page.utf8)))
        #expect(result.text == page)
        #expect(result.encodingDeclared == "GB2312")
        #expect(result.encodingDetected == "UTF-8")
        #expect(result.evidence != "meta")
    }

    @Test func sourceCharsetWinsOverMeta() throws {
        let page = F.page(head: #"<meta charset="gb2312">"#)
        let result = try F.decode(F.raw(try F.encoded(page, "GBK"), declared: "gbk", contentType: "text/html"))
        #expect(result.text == page)
        #expect(result.encodingDeclared == "GBK")
        #expect(result.encodingDetected == "GB18030")
        #expect(result.evidence == "declared")
    }

    @Test func wrongSourceCharsetGivesWayToAnAgreeingMeta() throws {
        // A server that labels every page UTF-8 in its header, over a GBK page that says so.
        let page = F.page(head: #"<meta http-equiv="Content-Type" content="text/html; charset=gbk">"#)
        let result = try F.decode(F.raw(try F.encoded(page, "GBK"), declared: "utf-8"))
        #expect(result.text == page)
        #expect(result.encodingDeclared == "UTF-8")
        #expect(result.encodingDetected == "GB18030")
        #expect(result.evidence == "meta")
    }

    @Test func sourceCharsetIsRecordedButNotTrustedWhenSwitchedOff() throws {
        var options = DecodeOptions()
        options.trustDeclared = false
        let text = F.reportParagraphs
        let result = try F.decode(F.raw(try F.encoded(text, "GBK"), declared: "gb2312"), options: options)
        #expect(result.text == text)
        #expect(result.encodingDeclared == "GB2312")
        #expect(result.encodingDetected == "GB18030")
        #expect(result.evidence != "declared")
    }

    @Test func shortGBKTextWithoutDeclaration() throws {
        let text = F.shortParagraph
        let bytes = try F.encoded(text, "GBK")
        #expect(bytes.count < 300)
        let result = try F.decode(F.raw(bytes))
        #expect(result.text == text)
        #expect(result.encodingDetected == "GB18030")
        #expect(result.invalidBytes == 0)
    }

    @Test(arguments: ["WINDOWS-1252", "ISO-8859-2", "IBM852", "WINDOWS-1256", "BIG5", "SHIFT_JIS"])
    func wrongStatisticalGuessOnShortGBKIsOverruled(guess: String) throws {
        // uchardet answers such charsets for some short Chinese texts; they convert the bytes
        // with few or no errors, but into mojibake.
        let text = F.shortParagraph + "\n" + "（二）深化法治宣传教育，开展“宪法宣传周”活动。"
        let bytes = try F.encoded(text, "GBK")
        #expect(bytes.count < 300)
        let detector = EncodingDetector(options: DecodeOptions(), guessCharset: { _ in guess })
        let detection = try detector.detect(bytes, declaredCharset: nil)
        #expect(detection.text == text)
        #expect(detection.encodingDetected == "GB18030")
        #expect(detection.evidence == "trial")
        #expect(detection.invalidBytes == 0)
    }

    @Test func wrongStatisticalGuessOnBig5IsOverruled() throws {
        let detector = EncodingDetector(options: DecodeOptions(), guessCharset: { _ in "GB18030" })
        let detection = try detector.detect(try F.encoded(F.traditionalReport, "BIG5"), declaredCharset: nil)
        #expect(detection.text == F.traditionalReport)
        #expect(detection.encodingDetected == "BIG5-HKSCS")
        #expect(detection.evidence == "trial")
    }

    @Test func shortGBKTextDeclaredLatin1IsNotMojibake() throws {
        // ISO-8859-1 converts any byte without an error; the declaration must still lose.
        let text = F.shortParagraph
        let result = try F.decode(F.raw(try F.encoded(text, "GBK"), declared: "iso-8859-1"))
        #expect(result.text == text)
        #expect(result.encodingDeclared == "ISO-8859-1")
        #expect(result.encodingDetected == "GB18030")
        #expect(result.evidence != "declared")
    }

    @Test func invalidBytesAreReplacedAndCounted() throws {
        let page = F.page(head: #"<meta charset="utf-8">"#)
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // A stray 0xFF, a lone continuation byte 0x80, and a lead byte 0xE5 before ASCII.
        let damaged = [10, 14, 17]
        var bytes: [UInt8] = []
        var expected: [String] = []
        for (number, line) in lines.enumerated() {
            var lineBytes = Array(line.utf8)
            var expectedLine = line
            if let which = damaged.firstIndex(of: number) {
                let cut = line.index(line.startIndex, offsetBy: 5)
                let bad: [UInt8] = [[0xFF], [0x80], [0xE5]][which]
                lineBytes = Array(line[..<cut].utf8) + bad + Array(line[cut...].utf8)
                expectedLine = String(line[..<cut]) + "\u{FFFD}" + String(line[cut...])
            }
            bytes += lineBytes + (number < lines.count - 1 ? [0x0A] : [])
            expected.append(expectedLine)
        }
        let result = try F.decode(F.raw(bytes))
        #expect(result.invalidBytes == 3)
        #expect(result.text == expected.joined(separator: "\n"))
        #expect(result.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 3)
        #expect(result.encodingDetected == "UTF-8")
        #expect(result.evidence == "meta")
    }

    @Test func truncatedGBKCharacterAtTheEnd() throws {
        let text = F.reportParagraphs
        let bytes = try F.encoded(text, "GBK")
        // Cut the final "。" (A1 A3) after its first byte.
        let result = try F.decode(F.raw(Array(bytes.dropLast(1)), declared: "gbk"))
        #expect(result.invalidBytes == 1)
        #expect(result.text == String(text.dropLast()) + "\u{FFFD}")
        #expect(result.encodingDetected == "GB18030")
        #expect(result.evidence == "declared")
    }

    @Test func truncatedUTF8CharacterAtTheEnd() throws {
        let text = F.reportParagraphs
        // The final "。" is E3 80 82: two of its bytes remain, each one replacement.
        let result = try F.decode(F.raw(Array(Array(text.utf8).dropLast(1))))
        #expect(result.invalidBytes == 2)
        #expect(result.text == String(text.dropLast()) + "\u{FFFD}\u{FFFD}")
        #expect(result.encodingDetected == "UTF-8")
    }

    @Test func utf16LEWithoutByteOrderMark() throws {
        let text = F.reportParagraphs
        let result = try F.decode(F.raw(try F.encoded(text, "UTF-16LE")))
        #expect(result.text == text)
        #expect(result.encodingDetected == "UTF-16LE")
        #expect(result.evidence == "trial")
        #expect(result.invalidBytes == 0)
    }

    @Test func utf16BEWithoutByteOrderMarkDeclaredUTF16() throws {
        let page = F.page(head: "")
        let result = try F.decode(F.raw(try F.encoded(page, "UTF-16BE"), declared: "utf-16"))
        #expect(result.text == page)
        #expect(result.encodingDetected == "UTF-16BE")
        #expect(result.evidence == "declared")
        #expect(result.isHTML)
    }

    @Test func utf16LEWithByteOrderMark() throws {
        let text = F.traditionalReport
        let result = try F.decode(F.raw([0xFF, 0xFE] + (try F.encoded(text, "UTF-16LE"))))
        #expect(result.text == text)
        #expect(result.encodingDetected == "UTF-16LE")
        #expect(result.evidence == "bom")
    }

    @Test func utf32BEWithByteOrderMark() throws {
        let text = F.shortParagraph
        let result = try F.decode(F.raw([0x00, 0x00, 0xFE, 0xFF] + (try F.encoded(text, "UTF-32BE"))))
        #expect(result.text == text)
        #expect(result.encodingDetected == "UTF-32BE")
        #expect(result.evidence == "bom")
    }

    @Test func pngIsBinary() throws {
        let header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D,
                               0x49, 0x48, 0x44, 0x52]
        let failure = try #require(F.failure(F.raw(header + F.noise(count: 4000, seed: 7))))
        #expect(failure.code == "decode.binary")
        #expect(failure.message.contains("PNG image"))
    }

    @Test func pdfIsBinary() throws {
        let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".utf8)
            + F.noise(count: 2000, seed: 11)
        let failure = try #require(F.failure(F.raw(pdf, contentType: "text/html")))
        #expect(failure.code == "decode.binary")
        #expect(failure.message.contains("PDF document"))
    }

    @Test func elfIsBinary() throws {
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 8)
            + F.noise(count: 1000, seed: 3)
        let failure = try #require(F.failure(F.raw(elf)))
        #expect(failure.code == "decode.binary")
        #expect(failure.message.contains("ELF executable"))
    }

    @Test func docxIsBinary() throws {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8)
            + F.noise(count: 500, seed: 5)
        let failure = try #require(F.failure(F.raw(zip)))
        #expect(failure.code == "decode.binary")
        #expect(failure.message.contains("ZIP archive"))
    }

    @Test func unknownBinaryIsToldByItsNulBytes() throws {
        let failure = try #require(F.failure(F.raw(F.noise(count: 3000, seed: 42))))
        #expect(failure.code == "decode.binary")
        #expect(failure.message.contains("NUL bytes"))
    }

    @Test func emptyDocument() throws {
        let failure = try #require(F.failure(F.raw([])))
        #expect(failure.code == "decode.empty")
    }

    @Test func undecodableWhenNoCandidateConverts() throws {
        // A UTF-8-only configuration meets a Latin-1 file.
        var options = DecodeOptions()
        options.candidates = ["UTF-8"]
        options.useUchardet = false
        let text = "Rapport annuel: la municipalité a réalisé 12 séances de médiation, à l'été, près du marché."
        let failure = try #require(F.failure(F.raw(try F.encoded(text, "ISO-8859-1")), options: options))
        #expect(failure.code == "decode.undecodable")
        #expect(failure.message.contains("UTF-8"))
        #expect(failure.message.contains("maxInvalidShare"))
    }

    @Test func lineEndsAreNormalised() throws {
        let windows = F.reportParagraphs.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n落款：青岚县人民政府\r2024年1月26日\r\n"
        let result = try F.decode(F.raw(try F.encoded(windows, "GBK"), declared: "gb2312"))
        #expect(result.text == F.reportParagraphs + "\n落款：青岚县人民政府\n2024年1月26日\n")
        #expect(!result.text.unicodeScalars.contains("\r"))
    }

    @Test func plainTextContentTypeWithoutMarkupIsNotHTML() throws {
        let result = try F.decode(F.raw(Array(F.reportParagraphs.utf8), contentType: "text/plain"))
        #expect(!result.isHTML)
        let fragment = "<div class=\"article\">\n<p>" + F.shortParagraph + "</p>\n</div>"
        let html = try F.decode(F.raw(Array(fragment.utf8), contentType: "text/plain"))
        #expect(html.isHTML)
        #expect(html.text == fragment)
    }

    @Test func asciiOnlyPageIsUTF8() throws {
        let page = "<html><body><p>Annual report on law-based government, 2023.</p></body></html>"
        let result = try F.decode(F.raw(Array(page.utf8)))
        #expect(result.text == page)
        #expect(result.encodingDetected == "UTF-8")
        #expect(result.invalidBytes == 0)
    }
}
