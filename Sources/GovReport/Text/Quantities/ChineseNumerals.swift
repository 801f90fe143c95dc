/// Chinese numerals: 一…九, 两, 〇/零, 十 百 千 万 亿 (and the financial forms 壹 贰 … 拾 佰 仟).
///
/// Hand-written because no library on the platform reads them (ICU's rule-based spellout parses
/// only its own spellings and is not exposed by Foundation on Linux); the grammar is small.
public enum ChineseNumerals {
    static let digitValues: ScalarMap<Int> = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
    ]
    static let unitValues: ScalarMap<Int> = ["十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000]
    /// Magnitudes that also scale an Arabic number (1.5万, 400余万元, 3千人).
    static let magnitudeExponents: ScalarMap<Int> = ["十": 1, "百": 2, "千": 3, "万": 4, "亿": 8]

    /// Every numeral scalar: the quantity scanner asks about each character of every paragraph,
    /// and a sorted-array lookup costs a fraction of two dictionary probes.
    static let numerals = ScalarSet(digitValues.keys + unitValues.keys + ["万", "亿"])

    public static func isNumeral(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return numerals.contains(c)
    }

    static func isMagnitude(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return unitValues[c] != nil || c == "万" || c == "亿"
    }

    /// The value of a numeral such as 一百二十三, 两千, 十二, 三万五千, 一千零五, 千 (=1000), 万 (=10000).
    /// Nil for digit strings and malformed runs (二〇二三, 十四五, 一三五, 万一), which are names,
    /// years or slogans rather than numbers.
    public static func value(of numeral: String) -> Double? {
        value(of: Array(numeral.unicodeScalars)[...])
    }

    static func value(of run: ArraySlice<Unicode.Scalar>) -> Double? {
        guard !run.isEmpty else { return nil }
        var total = 0.0       // completed 亿/万 groups
        var section = 0.0     // the group below 万 being read
        var pending: Int?     // a digit waiting for its unit
        var lastUnit = Int.max
        var sawZero = false
        var lastBig = Int.max
        for (offset, c) in run.enumerated() {
            if let d = digitValues[c] {
                if d == 0 {
                    // 零 only stands between two non-zero parts (一千零五); a leading or doubled 零 is a digit string.
                    if offset == 0 || pending != nil || sawZero { return nil }
                    sawZero = true
                    continue
                }
                if pending != nil { return nil }
                if c == "两", offset + 1 == run.count, offset > 0 { return nil }
                pending = d
            } else if let u = unitValues[c] {
                if u >= lastUnit { return nil }
                if pending == nil && (offset > 0 && !sawZero) { return nil }
                section += Double(pending ?? 1) * Double(u)
                pending = nil
                lastUnit = u
                sawZero = false
            } else if c == "万" || c == "亿" {
                let big = c == "万" ? 10_000 : 100_000_000
                if big >= lastBig && !(big == 10_000 && lastBig == 100_000_000) { return nil }
                let group = section + Double(pending ?? 0)
                if c == "亿" {
                    total = (total + (group == 0 && total == 0 ? 1 : group)) * Double(big)
                } else {
                    // 万 alone means ten thousand (万余人); after 亿 it scales only its own group.
                    total += (group == 0 && total == 0 ? 1 : group) * Double(big)
                }
                section = 0
                pending = nil
                lastUnit = Int.max
                lastBig = big
                sawZero = false
            } else {
                return nil
            }
        }
        // 三万五 / 万一: a bare digit after 万 or 亿 is colloquial shorthand or a word, not a number we read.
        if pending != nil, lastUnit == Int.max, lastBig != Int.max, !sawZero { return nil }
        return total + section + Double(pending ?? 0)
    }

    /// Decimal digits written as 一 二 … after 点 (九十五点五 → "5").
    static func decimalDigits(of run: ArraySlice<Unicode.Scalar>) -> String? {
        var out = ""
        for c in run {
            guard let d = digitValues[c], c != "两" else { return nil }
            out += String(d)
        }
        return out.isEmpty ? nil : out
    }
}
