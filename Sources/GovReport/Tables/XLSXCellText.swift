/// What text and date cells become in the workbook.
struct XLSXCellText: Sendable, Equatable {
    var spreadsheetSafe: Bool

    /// The text as the CSV has it: with a leading `'` when it starts like a formula and the
    /// workbook is spreadsheet-safe (the same rule as `CSVEncoder`).
    func neutralised(_ text: String) -> String {
        if spreadsheetSafe, let first = text.unicodeScalars.first, CSVEncoder.formulaStarts.contains(first) {
            return "'" + text
        }
        return text
    }

    /// The string handed to `worksheet_write_string`, and whether it had to be cut to Excel's
    /// 32,767 characters (between characters, so that none is split).
    ///
    /// Also escapes what the sheet's XML cannot carry as is: spreadsheet XML (ECMA-376
    /// ST_Xstring) reads `_xHHHH_` as the character U+HHHH, so an underscore that starts such a
    /// pattern is written `_x005F_` to come back as itself in Excel and LibreOffice; U+FFFE and
    /// U+FFFF are not allowed in XML and become U+FFFD, as does NUL, which would end the C string.
    /// libxlsxwriter escapes the other control characters itself.
    func cellString(_ text: String) -> (string: String, truncated: Bool) {
        let text = neutralised(text)
        let limit = XLSXWorkbook.cellTextLimit
        if text.utf16.count <= limit, !text.unicodeScalars.contains(where: XLSXCellText.mayNeedEscape) {
            return (text, false)
        }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var keptUnits = 0    // UTF-16 units of the text kept: what Excel counts
        var resultScalars = 0  // what libxlsxwriter counts, escapes included
        var offset = 0
        for character in text {
            var piece = String.UnicodeScalarView()
            for scalar in character.unicodeScalars {
                switch scalar {
                case "_" where XLSXCellText.startsEscape(scalars, at: offset):
                    piece.append(contentsOf: "_x005F_".unicodeScalars)
                case "\u{FFFE}", "\u{FFFF}", "\u{0}":
                    piece.append("\u{FFFD}")
                default:
                    piece.append(scalar)
                }
                offset += 1
            }
            let units = character.utf16.count
            let added = piece.count
            if keptUnits + units > limit || resultScalars + added > limit {
                return (String(result), true)
            }
            result.append(contentsOf: piece)
            keptUnits += units
            resultScalars += added
        }
        return (String(result), false)
    }

    private static func mayNeedEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "\u{FFFE}" || scalar == "\u{FFFF}" || scalar == "\u{0}"
    }

    /// True when `_` at `i` begins `_xHHHH_`.
    private static func startsEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x" || scalars[i + 1] == "X", scalars[i + 6] == "_" else {
            return false
        }
        return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}

/// A date or date-time a spreadsheet can hold as a date cell.
struct XLSXDate: Sendable, Equatable {
    var year: Int, month: Int, day: Int
    var hour = 0, minute = 0
    var second = 0.0
    var hasTime = false

    /// Parses `yyyy-mm-dd`, and with `allowTime` also `yyyy-mm-ddThh:mm[:ss[.fff]]` (T or a
    /// space). Nil for anything else, for impossible dates, for a time zone (a cell has none) and
    /// for years before 1900, which Excel's dates do not reach: those stay text.
    ///
    /// Hand-written: Foundation's ISO8601DateFormatter turns a date into an instant in a time
    /// zone, while a cell wants the calendar fields as written.
    init?(_ iso: String, allowTime: Bool) {
        let s = Array(iso.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            var value = 0
            for byte in s[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard s.count >= 10, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1900...9999).contains(year), (1...12).contains(month),
              (1...XLSXDate.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        if s.count == 10 { return }

        guard allowTime, s.count >= 16, s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " "),
              s[13] == UInt8(ascii: ":"), let hour = number(11..<13), let minute = number(14..<16),
              hour < 24, minute < 60 else { return nil }
        hasTime = true
        self.hour = hour
        self.minute = minute
        if s.count == 16 { return }
        guard s.count >= 19, s[16] == UInt8(ascii: ":"), let whole = number(17..<19), whole < 60 else { return nil }
        second = Double(whole)
        if s.count == 19 { return }
        guard s[19] == UInt8(ascii: "."), s.count > 20, number(20..<s.count) != nil,
              let fraction = Double("0." + String(decoding: s[20...], as: UTF8.self)) else { return nil }
        second += fraction
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
