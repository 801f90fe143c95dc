/// An outline marker found in a paragraph: `一、`, `（一）`, `1.`, `（1）` or `一是`.
///
/// `level` is the marker's style as the official outline ranks it (1 for 一、 … 5 for 一是); how
/// deep the section sits in a given report is decided by `OutlineParser`, since reports skip levels.
public struct OutlineMarker: Sendable, Equatable {
    /// 1 `一、` `一．` `一.`; 2 `（一）` `(一)`; 3 `1.` `1、` `1．`; 4 `（1）` `(1)`; 5 `一是`.
    public var level: Int
    /// The number the marker counts with (`三、` → 3, `（12）` → 12).
    public var ordinal: Int
    /// The marker as written (full-width or ASCII brackets kept).
    public var text: String
    /// Unicode-scalar offset of the marker in the text it was found in.
    public var start: Int
    /// Length in Unicode scalars.
    public var length: Int

    public var end: Int { start + length }
}

/// Recognises outline markers at a given offset, rejecting look-alikes that open body text:
/// numbers (`1.5万`, `2.0版`, `12.4`), ranges and lists of numbers (`3、4月份`, `一、二季度`), `一是否`.
///
/// Hand-written because no library knows this genre's outline conventions; the grammar is
/// small and fixed.
public enum OutlineMarkerRecognizer {
    /// The longest ordinal a marker may carry; bigger numbers are quantities, not list items.
    static let maxOrdinal = 99

    /// The marker that starts exactly at `offset`, or nil.
    public static func marker(in scalars: [Unicode.Scalar], at offset: Int) -> OutlineMarker? {
        guard offset < scalars.count else { return nil }
        let first = scalars[offset]
        if first == "(" || first == "（" { return parenthesised(scalars, at: offset) }
        if let numeral = OutlineOrdinal.chinese(scalars, at: offset) {
            return chineseLed(scalars, at: offset, numeral: numeral)
        }
        if OutlineOrdinal.digit(first) != nil { return arabicLed(scalars, at: offset) }
        return nil
    }

    /// `（一）` `(一)` → level 2, `（1）` `(1)` → level 4; mixed bracket widths are accepted.
    private static func parenthesised(_ s: [Unicode.Scalar], at offset: Int) -> OutlineMarker? {
        let inner = offset + 1
        let level: Int
        let value: Int
        let length: Int
        if let numeral = OutlineOrdinal.chinese(s, at: inner) {
            (level, value, length) = (2, numeral.value, numeral.length)
        } else if let number = OutlineOrdinal.arabic(s, at: inner, maxDigits: 2) {
            (level, value, length) = (4, number.value, number.length)
        } else {
            return nil
        }
        let close = inner + length
        guard close < s.count, s[close] == ")" || s[close] == "）", value > 0 else { return nil }
        return make(s, level: level, ordinal: value, start: offset, end: close + 1)
    }

    /// `一、` `一．` `一.` → level 1; `一是` → level 5.
    private static func chineseLed(_ s: [Unicode.Scalar], at offset: Int,
                                   numeral: (value: Int, length: Int)) -> OutlineMarker? {
        let sep = offset + numeral.length
        guard sep < s.count else { return nil }
        let after = sep + 1
        switch s[sep] {
        case "、", "．", ".":
            // `一、2024年…` is a heading; `一.5` is not.
            if s[sep] != "、", after < s.count, OutlineOrdinal.digit(s[after]) != nil { return nil }
            if startsNumeralList(s, at: after) { return nil }
            return make(s, level: 1, ordinal: numeral.value, start: offset, end: after)
        case "是":
            // 是否 ("whether") is a verb phrase, not an enumeration.
            if after < s.count, s[after] == "否" { return nil }
            return make(s, level: 5, ordinal: numeral.value, start: offset, end: after)
        default:
            return nil
        }
    }

    /// `1.` `1、` `1．` → level 3.
    private static func arabicLed(_ s: [Unicode.Scalar], at offset: Int) -> OutlineMarker? {
        // Three or more digits are a quantity or a year (`2024.`, `12345`), never a list item.
        guard let number = OutlineOrdinal.arabic(s, at: offset, maxDigits: 2),
              number.value > 0 else { return nil }
        let sep = offset + number.length
        guard sep < s.count, s[sep] == "." || s[sep] == "、" || s[sep] == "．" else { return nil }
        let after = sep + 1
        if after < s.count, OutlineOrdinal.digit(s[after]) != nil, !startsYear(s, at: after) { return nil }
        return make(s, level: 3, ordinal: number.value, start: offset, end: after)
    }

    /// `二季度`, `二、三月`, `三级`: the marker was the first item of a list of numbers.
    private static func startsNumeralList(_ s: [Unicode.Scalar], at offset: Int) -> Bool {
        guard let next = OutlineOrdinal.chinese(s, at: offset) else { return false }
        let follow = offset + next.length
        guard follow < s.count else { return false }
        if numeralListFollowers.contains(s[follow]) { return true }
        return s[follow] == "年" && follow + 1 < s.count && s[follow + 1] == "级"
    }

    /// Characters that, after a bare Chinese numeral, make it a count or a range.
    static let numeralListFollowers: ScalarSet = [
        "、", "，", ",", "季", "月", "级", "类", "等", "档", "批", "期", "号", "星", "产", "线", "轮", "届", "至", "到",
    ]

    /// `1、2024年以来…`: a marker followed by a four-digit year is still a marker.
    private static func startsYear(_ s: [Unicode.Scalar], at offset: Int) -> Bool {
        guard let number = OutlineOrdinal.arabic(s, at: offset, maxDigits: 4), number.length == 4 else { return false }
        let follow = offset + 4
        return follow < s.count && s[follow] == "年"
    }

    private static func make(_ s: [Unicode.Scalar], level: Int, ordinal: Int, start: Int, end: Int) -> OutlineMarker? {
        guard ordinal <= maxOrdinal else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: s[start..<end])
        return OutlineMarker(level: level, ordinal: ordinal, text: String(text), start: start, length: end - start)
    }
}
