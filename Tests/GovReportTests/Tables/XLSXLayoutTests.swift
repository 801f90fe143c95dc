import Foundation
import Testing
@testable import GovReport

/// The workbook's pure rules: widths, sheet names, dates, and the text handed to libxlsxwriter.
@Suite struct XLSXLayoutTests {
    @Test func chineseCharactersAndFullWidthPunctuationCountDouble() {
        #expect(XLSXLayout.displayWidth("临河区司法局") == 12)
        #expect(XLSXLayout.displayWidth("doc_id") == 6)
        #expect(XLSXLayout.displayWidth("（一）健全依法决策机制") == 22)
        #expect(XLSXLayout.displayWidth("沪府办发〔2019〕20号") == 2 * 7 + 6)
        #expect(XLSXLayout.displayWidth("1.2万余份，涉及金额400余万元") == 2 * 11 + 6)
        // The longest line of a multi-line cell counts.
        #expect(XLSXLayout.displayWidth("调处矛盾纠纷208起\n（材料来源：区司法局）") == 22)
        #expect(XLSXLayout.displayWidth("𠀀") == 2)       // CJK extension B
        #expect(XLSXLayout.displayWidth("e\u{301}") == 1) // combining accent
    }

    @Test func sheetNamesFitExcelsRules() {
        #expect(XLSXLayout.sheetName("metrics", part: 1) == "metrics")
        #expect(XLSXLayout.sheetName("metrics", part: 2) == "metrics (2)")
        #expect(XLSXLayout.sheetName("a/b[c]:d*e?f\\g", part: 1) == "a_b_c__d_e_f_g")
        #expect(XLSXLayout.sheetName("'quoted'", part: 1) == "quoted")
        let long = "indicators_by_province_and_year_of_report"
        #expect(XLSXLayout.sheetName(long, part: 1) == String(long.prefix(31)))
        #expect(XLSXLayout.sheetName(long, part: 12) == String(long.prefix(26)) + " (12)")
        #expect(XLSXLayout.sheetName(long, part: 12).count == 31)
    }

    @Test func datesBecomeDateCellsOnlyWhenASpreadsheetCanHoldThem() {
        let date = XLSXDate("2024-03-28", allowTime: false)
        #expect(date?.year == 2024 && date?.month == 3 && date?.day == 28 && date?.hasTime == false)
        #expect(XLSXDate("2024-02-29", allowTime: false) != nil)
        #expect(XLSXDate("2023-02-29", allowTime: false) == nil)
        #expect(XLSXDate("2000-02-29", allowTime: false) != nil)
        #expect(XLSXDate("1900-02-29", allowTime: false) == nil)
        #expect(XLSXDate("2023-04-31", allowTime: false) == nil)
        #expect(XLSXDate("2023-13-01", allowTime: false) == nil)
        #expect(XLSXDate("1899-12-31", allowTime: false) == nil)  // before Excel's dates
        #expect(XLSXDate("2024-03-28T09:30:15", allowTime: false) == nil)
        let time = XLSXDate("2024-03-28T09:30:15.25", allowTime: true)
        #expect(time?.day == 28 && time?.hour == 9 && time?.minute == 30 && time?.second == 15.25 && time?.hasTime == true)
        #expect(XLSXDate("2024-03-28 09:30", allowTime: true)?.minute == 30)
        #expect(XLSXDate("2024-03-28T09:30:15+08:00", allowTime: true) == nil)  // a cell has no time zone
        #expect(XLSXDate("2024-03-28T24:00", allowTime: true) == nil)
        #expect(XLSXDate("二〇二四年三月", allowTime: true) == nil)
    }

    @Test func textIsNeutralisedLikeTheCSV() {
        let safe = XLSXCellText(spreadsheetSafe: true)
        let csv = CSVEncoder()
        for text in ["=HYPERLINK(\"http://example.invalid\",\"点击\")", "+86 10 1234", "-3.2个百分点", "@临河区",
                     "\t缩进", "\r\n换行", "临河区司法局", "'已有引号"] {
            // The CSV quotes some fields; the text inside the quotes is the same.
            let field = csv.field(.text(text))
            let unquoted = field.hasPrefix("\"") ? String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : field
            #expect(safe.cellString(text).string == unquoted, "\(text)")
        }
        #expect(XLSXCellText(spreadsheetSafe: false).cellString("=SUM(A1:A9)").string == "=SUM(A1:A9)")
    }

    @Test func textIsEscapedForTheSheetsXML() {
        let text = XLSXCellText(spreadsheetSafe: true)
        #expect(text.cellString("编号_x0041_示例").string == "编号_x005F_x0041_示例")
        #expect(text.cellString("snake_case_x_y").string == "snake_case_x_y")
        #expect(text.cellString("坏\u{FFFE}字\u{0}符").string == "坏\u{FFFD}字\u{FFFD}符")
    }

    @Test func textLongerThanACellHoldsIsCutBetweenCharacters() {
        let text = XLSXCellText(spreadsheetSafe: true)
        let paragraph = String(repeating: "全面推进依法行政，", count: 4_000)  // 36,000 characters
        let (cut, truncated) = text.cellString(paragraph)
        #expect(truncated && cut.count == 32_767 && paragraph.hasPrefix(cut))
        // Characters outside the BMP count twice, as in Excel; none is split.
        let rare = String(repeating: "𠀀", count: 20_000)
        let (rareCut, rareTruncated) = text.cellString(rare)
        #expect(rareTruncated && rareCut.count == 16_383 && rareCut.utf16.count == 32_766)
        let exact = String(repeating: "法", count: 32_767)
        #expect(text.cellString(exact).string == exact && !text.cellString(exact).truncated)
        // The neutralising quote counts too.
        let formula = "=" + String(repeating: "法", count: 32_766)
        #expect(text.cellString(formula).truncated && text.cellString(formula).string.count == 32_767)
    }
}
