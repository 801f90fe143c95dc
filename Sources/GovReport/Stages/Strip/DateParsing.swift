/// Dates as Chinese pages write them: 2024-01-26, 2024/01/26, 2024.1.26, 2024年1月26日
/// (the 日 often dropped), with or without a time after, in ASCII or full-width digits.
/// Hand-written because the date has to be found inside a line ("发布时间：2024-01-26 10:30
/// 来源：…"), which Foundation's formatters cannot do, and a scan is cheaper than a regex.
enum DateParsing {
    /// The first valid date in `text`, as ISO `yyyy-mm-dd`. With `startingWithin`, the date
    /// must begin within that many characters of the start of `text`.
    static func firstISODate<S: StringProtocol>(in text: S, startingWithin limit: Int? = nil) -> String? {
        let scalars = Array(text.unicodeScalars)
        var k = 0
        while k + 4 <= scalars.count {
            if let limit, k > limit { return nil }
            if digit(scalars[k]) != nil, k == 0 || digit(scalars[k - 1]) == nil,
               let date = date(in: scalars, at: k) {
                return date
            }
            k += 1
        }
        return nil
    }

    /// The date that starts exactly at `start`, as ISO `yyyy-mm-dd`.
    static func isoDate(in s: [Unicode.Scalar], at start: Int) -> String? {
        guard start < s.count, start == 0 || digit(s[start - 1]) == nil else { return nil }
        return date(in: s, at: start)
    }

    private static func date(in s: [Unicode.Scalar], at start: Int) -> String? {
        var k = start
        guard let year = number(s, &k, digits: 4...4), (1949...2100).contains(year) else { return nil }
        guard separator(s, &k, allowed: "-/.年－／．") else { return nil }
        guard let month = number(s, &k, digits: 1...2), (1...12).contains(month) else { return nil }
        guard separator(s, &k, allowed: "-/.月－／．") else { return nil }
        guard let day = number(s, &k, digits: 1...2), (1...daysIn(month, year)).contains(day) else { return nil }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func number(_ s: [Unicode.Scalar], _ k: inout Int, digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while k < s.count, let d = digit(s[k]) {
            count += 1
            guard count <= digits.upperBound else { return nil }
            value = value * 10 + d
            k += 1
        }
        return count >= digits.lowerBound ? value : nil
    }

    private static func separator(_ s: [Unicode.Scalar], _ k: inout Int, allowed: String) -> Bool {
        while k < s.count, s[k] == " " { k += 1 }
        guard k < s.count, allowed.unicodeScalars.contains(s[k]) else { return false }
        k += 1
        while k < s.count, s[k] == " " { k += 1 }
        return true
    }

    @inline(__always)
    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
        default: return nil
        }
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
