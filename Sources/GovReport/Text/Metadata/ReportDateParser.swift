/// A calendar date as a report writes it, with the scalar range it occupies.
struct ReportCalendarDate: Equatable, Sendable {
    /// nil when the text omits the year (2月20日).
    var year: Int?
    var month: Int
    var day: Int
    /// Scalar range of the date in the text it was read from.
    var range: Range<Int>

    /// `2023-02-20`; with the year unknown the ISO 8601 form without year, `--02-20`.
    func iso(defaultYear: Int?) -> String {
        let month2 = month < 10 ? "0\(month)" : "\(month)"
        let day2 = day < 10 ? "0\(day)" : "\(day)"
        guard let year = year ?? defaultYear else { return "--\(month2)-\(day2)" }
        return "\(year)-\(month2)-\(day2)"
    }
}

/// Reads the dates of the genre: 2022年1月29日, 2023年10月08日, 2月20日, 2022年1月29 (a signature
/// without 日), 二〇二二年一月二十九日 (signatures in Chinese numerals) and 2022-01-29.
/// Foundation's date formatters do not read Chinese numerals or a missing 日, and the finders need
/// the scalar range of the date, so the reading is done here.
enum ReportDateParser {
    typealias Scalars = HanTextScan.Scalars

    private static let chineseDigits: ScalarMap<Int> = [
        "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// Reads a date that starts exactly at `index`. `dayMarkOptional` accepts `2022年1月29` when the
    /// number is not followed by another digit (used for signatures).
    static func parse(_ scalars: Scalars, at index: Int, dayMarkOptional: Bool = false) -> ReportCalendarDate? {
        guard index < scalars.count else { return nil }
        if index > 0, HanTextScan.isASCIIDigit(scalars[index - 1]) { return nil }
        if let numeric = parseNumeric(scalars, at: index) { return numeric }

        var position = index
        var year: Int?
        if let (value, end) = readYear(scalars, at: position), end < scalars.count, scalars[end] == "年" {
            year = value
            position = end + 1
        }
        guard let (month, monthEnd) = readSmallNumber(scalars, at: position),
              monthEnd < scalars.count, scalars[monthEnd] == "月" else { return nil }
        position = monthEnd + 1
        guard let (day, dayEnd) = readSmallNumber(scalars, at: position) else { return nil }
        var end = dayEnd
        if dayEnd < scalars.count, scalars[dayEnd] == "日" || scalars[dayEnd] == "号" {
            end = dayEnd + 1
        } else {
            guard dayMarkOptional else { return nil }
            if dayEnd < scalars.count, HanTextScan.isASCIIDigit(scalars[dayEnd]) { return nil }
        }
        guard isValid(year: year, month: month, day: day) else { return nil }
        return ReportCalendarDate(year: year, month: month, day: day, range: index..<end)
    }

    /// What a date can begin with: an Arabic digit, a Chinese digit or 十 (`parse` finds none
    /// starting anywhere else).
    static let dateStarts = ScalarSet(Array("0123456789十".unicodeScalars) + Array(chineseDigits.keys))

    /// Every date in the text that is not part of a longer number, in order.
    static func dates(in scalars: Scalars, dayMarkOptional: Bool = false) -> [ReportCalendarDate] {
        var found: [ReportCalendarDate] = []
        var index = 0
        while index < scalars.count {
            // Most positions cannot begin a date: one set lookup instead of trying each form
            // (which looked each character up in the numeral dictionary twice).
            if !dateStarts.contains(scalars[index]) {
                index += 1
                continue
            }
            if let date = parse(scalars, at: index, dayMarkOptional: dayMarkOptional) {
                found.append(date)
                index = date.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    static func isValid(year: Int?, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return false }
        if month == 2, day == 29, let year, !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) {
            return false
        }
        if let year, !(1949...2100).contains(year) { return false }
        return true
    }

    /// 2022-01-29, 2022.1.29, 2022/1/29 (four-digit year first).
    private static func parseNumeric(_ scalars: Scalars, at index: Int) -> ReportCalendarDate? {
        guard let (year, yearEnd) = readDigits(scalars, at: index), yearEnd - index == 4,
              yearEnd < scalars.count else { return nil }
        let separator = scalars[yearEnd]
        guard separator == "-" || separator == "." || separator == "/" else { return nil }
        guard let (month, monthEnd) = readDigits(scalars, at: yearEnd + 1), monthEnd - yearEnd - 1 <= 2,
              monthEnd < scalars.count, scalars[monthEnd] == separator,
              let (day, dayEnd) = readDigits(scalars, at: monthEnd + 1), dayEnd - monthEnd - 1 <= 2
        else { return nil }
        if dayEnd < scalars.count, HanTextScan.isASCIIDigit(scalars[dayEnd]) || scalars[dayEnd] == separator {
            return nil
        }
        guard isValid(year: year, month: month, day: day) else { return nil }
        return ReportCalendarDate(year: year, month: month, day: day, range: index..<dayEnd)
    }

    private static func readDigits(_ scalars: Scalars, at index: Int) -> (Int, Int)? {
        var end = index
        var value = 0
        while end < scalars.count, HanTextScan.isASCIIDigit(scalars[end]), end - index < 6 {
            value = value * 10 + Int(scalars[end].value - 0x30)
            end += 1
        }
        return end > index ? (value, end) : nil
    }

    /// A four-digit year in Arabic digits or in Chinese digit characters (二〇二二).
    private static func readYear(_ scalars: Scalars, at index: Int) -> (Int, Int)? {
        if let (value, end) = readDigits(scalars, at: index) {
            return end - index == 4 ? (value, end) : nil
        }
        var end = index
        var value = 0
        while end < scalars.count, let digit = chineseDigits[scalars[end]], end - index < 4 {
            value = value * 10 + digit
            end += 1
        }
        return end - index == 4 ? (value, end) : nil
    }

    /// A month or day number: 1–2 Arabic digits, or 一 … 十二, 二十九, 三十一.
    private static func readSmallNumber(_ scalars: Scalars, at index: Int) -> (Int, Int)? {
        if let (value, end) = readDigits(scalars, at: index) {
            return end - index <= 2 ? (value, end) : nil
        }
        var end = index
        var value = 0
        var tens = false
        while end < scalars.count, end - index < 3 {
            let scalar = scalars[end]
            if scalar == "十" {
                guard !tens else { break }
                value = (value == 0 ? 1 : value) * 10
                tens = true
            } else if let digit = chineseDigits[scalar], digit > 0 {
                if tens { value += digit } else if value == 0 { value = digit } else { break }
            } else {
                break
            }
            end += 1
        }
        return end > index ? (value, end) : nil
    }
}
