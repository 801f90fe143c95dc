/// The numbers outline markers count with: Chinese numerals 一 … 九十九 and short runs of
/// ASCII or full-width digits (normalize usually folds the latter, but not always).
enum OutlineOrdinal {
    static let chineseDigits: ScalarMap<Int> = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    static func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
        chineseDigits[scalar] != nil || scalar == "十"
    }

    /// Parses the longest run of numeral characters at `offset` (D, 十, 十D, D十, D十D).
    static func chinese(_ s: [Unicode.Scalar], at offset: Int) -> (value: Int, length: Int)? {
        var end = offset
        while end < s.count, end - offset < 4, isChineseNumeral(s[end]) { end += 1 }
        let run = Array(s[offset..<end])
        switch run.count {
        case 1:
            if run[0] == "十" { return (10, 1) }
            return chineseDigits[run[0]].map { ($0, 1) }
        case 2:
            if run[0] == "十", let unit = chineseDigits[run[1]] { return (10 + unit, 2) }
            if let tens = chineseDigits[run[0]], run[1] == "十" { return (tens * 10, 2) }
            return nil
        case 3:
            if let tens = chineseDigits[run[0]], run[1] == "十", let unit = chineseDigits[run[2]] { return (tens * 10 + unit, 3) }
            return nil
        default:
            return nil
        }
    }

    static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }

    /// The number at `offset` if it has at most `maxDigits` digits (a longer run is rejected).
    static func arabic(_ s: [Unicode.Scalar], at offset: Int, maxDigits: Int) -> (value: Int, length: Int)? {
        var value = 0
        var end = offset
        while end < s.count, let d = digit(s[end]) {
            guard end - offset < maxDigits else { return nil }
            value = value * 10 + d
            end += 1
        }
        return end > offset ? (value, end - offset) : nil
    }
}
