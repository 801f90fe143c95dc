/// Character classes of Chinese text by Unicode property and block; the standard library has
/// `isIdeographic` but no notion of "Chinese punctuation" or "full-width form".
enum CJKScalars {
    /// Han ideographs (including 〇 and the compatibility ideographs).
    /// The common block, everything below U+3006, the brackets 〈〉《》「」【】〔〕 (U+3008–U+3020)
    /// and the full-width forms ，：（）；！ (U+FF00–U+FFEF) are answered without the property
    /// table: the extractors ask this of every scalar, and the lookup was a few per cent of a
    /// run. (None of those is ideographic but the common block, all of which is; the test
    /// checks every scalar against the property.)
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x4E00 && value <= 0x9FFF { return true }
        if value < 0x3006 || (value >= 0x3008 && value <= 0x3020) || (value >= 0xFF00 && value <= 0xFFEF) { return false }
        return scalar.properties.isIdeographic
    }

    /// Characters that set wide in Chinese text: ideographs, radicals, CJK punctuation and
    /// symbols (、。〔〕《》…), kana and bopomofo, vertical and full-width forms (，；：（）).
    /// A space next to one of these is typographic spacing, not a word boundary.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if isHan(scalar) { return true }
        switch scalar.value {
        case 0x2E80...0x2FFF,   // CJK and Kangxi radicals, ideographic description
             0x3000...0x303F,   // CJK symbols and punctuation
             0x3040...0x31FF,   // kana, bopomofo, Hangul compatibility jamo, strokes
             0xFE10...0xFE1F,   // vertical forms
             0xFE30...0xFE4F,   // CJK compatibility forms
             0xFF01...0xFF60,   // full-width ASCII variants and brackets
             0xFFE0...0xFFE6:   // full-width signs ￥ ￡ …
            return true
        default:
            return false
        }
    }

    /// ASCII digits and their full-width forms.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }
}
