import Foundation
import Testing
@testable import GovReport

@Suite struct CSVEncoderTests {
    let header = ["doc_id", "paragraph_no", "text"]

    @Test func quotesOnlyWhatRFC4180Needs() {
        let encoder = CSVEncoder()
        #expect(encoder.field(.text("全年共办理行政复议案件46件")) == "全年共办理行政复议案件46件")
        #expect(encoder.field(.text("调处矛盾纠纷208起,其中邻里纠纷47起")) == "\"调处矛盾纠纷208起,其中邻里纠纷47起\"")
        #expect(encoder.field(.text("开展\"法律进社区\"活动")) == "\"开展\"\"法律进社区\"\"活动\"")
        #expect(encoder.field(.text("第一行\n第二行")) == "\"第一行\n第二行\"")
        #expect(encoder.field(.text("第一行\r\n第二行")) == "\"第一行\r\n第二行\"")
        #expect(encoder.field(.text(" 前导空格")) == "\" 前导空格\"")
        #expect(encoder.field(.text("尾随空格 ")) == "\"尾随空格 \"")
        #expect(encoder.field(.text("\u{3000}\u{3000}全面推进依法行政")) == "\"\u{3000}\u{3000}全面推进依法行政\"")
        #expect(encoder.field(.text("全面推进依法行政\u{3000}")) == "\"全面推进依法行政\u{3000}\"")
        // Short texts are stored inside the String value itself, not in a buffer: the same rules.
        #expect(encoder.field(.text("a,b")) == "\"a,b\"" && encoder.field(.text(" ab")) == "\" ab\"" && encoder.field(.text("县")) == "县")
        // Chinese full-width commas and quotes are ordinary characters.
        #expect(encoder.field(.text("健全依法决策机制，落实“三项制度”")) == "健全依法决策机制，落实“三项制度”")
        #expect(encoder.field(.null) == "")
    }

    /// Integers are written digit by digit, as `String(_:)` writes them, guarded or not.
    @Test func integersAreWrittenAsTheirDecimal() {
        var generator = SystemRandomNumberGenerator()
        var values = [0, 1, -1, 9, 10, 99, 100, -100, 2023, Int.max, Int.min, Int.max - 1, Int.min + 1]
        values += (0..<2_000).map { _ in Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0...63, using: &generator) }
        for encoder in [CSVEncoder(), CSVEncoder(options: .init(spreadsheetSafe: false, excelBOM: false))] {
            for value in values {
                #expect(encoder.field(.integer(value)) == String(value))
            }
            var line: [UInt8] = []
            encoder.appendLine([.integer(-5), .text("a,b"), .integer(42), .null], to: &line)
            #expect(String(decoding: line, as: UTF8.self) == "-5,\"a,b\",42,\n")
        }
    }

    @Test func spreadsheetSafetyTouchesOnlyTextCells() {
        let encoder = CSVEncoder()
        #expect(encoder.field(.text("=HYPERLINK(\"http://example.invalid\",\"查看全文\")"))
                == "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"查看全文\"\")\"")
        #expect(encoder.field(.text("+86 0571 12348")) == "'+86 0571 12348")
        #expect(encoder.field(.text("-同比下降3.2个百分点")) == "'-同比下降3.2个百分点")
        #expect(encoder.field(.text("@临河司法")) == "'@临河司法")
        #expect(encoder.field(.text("\t制表符开头")) == "'\t制表符开头")
        #expect(encoder.field(.text("\r\n回车开头")) == "\"'\r\n回车开头\"")
        #expect(encoder.field(.text("a=b")) == "a=b")
        // The `'` goes inside the quotes; a trailing space still needs them, a leading tab no longer.
        #expect(encoder.field(.text("-3.2个百分点 ")) == "\"'-3.2个百分点 \"")
        #expect(encoder.field(.text("\t 制表符和空格开头")) == "'\t 制表符和空格开头")
        // Numbers, integers, dates and booleans keep their exact form.
        #expect(encoder.field(.number(-12.5)) == "-12.5")
        #expect(encoder.field(.integer(-3)) == "-3")
        #expect(encoder.field(.number(4_000_000)) == "4000000.0")
        #expect(encoder.field(.date("2024-03-28")) == "2024-03-28")
        #expect(encoder.field(.bool(false)) == "false")

        let unsafe = CSVEncoder(options: .init(spreadsheetSafe: false))
        #expect(unsafe.field(.text("=SUM(A1:A9)")) == "=SUM(A1:A9)")
        #expect(unsafe.field(.text("-同比下降")) == "-同比下降")
    }

    @Test func wholeTableWithAndWithoutBOM() {
        let rows: [TableRow] = [
            [.text("a1b2"), .integer(0), .text("2023年，临河区坚持以习近平法治思想为指导。")],
            [.text("a1b2"), .integer(1), .text("（一）健全依法决策机制\n严格落实重大行政决策程序。")],
        ]
        let expected = "doc_id,paragraph_no,text\n"
            + "a1b2,0,2023年，临河区坚持以习近平法治思想为指导。\n"
            + "a1b2,1,\"（一）健全依法决策机制\n严格落实重大行政决策程序。\"\n"
        let plain = CSVEncoder().encode(header: header, rows: rows)
        #expect(plain == Array(expected.utf8))
        let withBOM = CSVEncoder(options: .init(excelBOM: true)).encode(header: header, rows: rows)
        #expect(withBOM == [0xEF, 0xBB, 0xBF] + Array(expected.utf8))
    }
}
