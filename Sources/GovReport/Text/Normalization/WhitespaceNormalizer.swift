/// Whitespace and invisible characters of a paragraph taken from a web page.
public enum WhitespaceNormalizer {
    /// The text with invisible characters removed, every run of whitespace (tabs, line breaks,
    /// no-break and ideographic spaces) collapsed to one ASCII space, spaces next to Chinese
    /// characters removed, and the ends trimmed.
    ///
    /// A space beside a Chinese character or Chinese punctuation is typographic (indentation
    /// with 　, 盘古之白 around Latin and digits, a stray space from the page's markup as in
    /// 开展 “法治讲堂”), never a word boundary, so it goes: later stages then see one form
    /// (共发放资料2000余份, not 共发放资料 2000 余份). Spaces between Latin words and digits stay.
    /// `extra` lists further characters to drop (a site's icon glyphs).
    ///
    /// The exception is a whole report flattened onto one line (see `isFlattenedReport`): there a
    /// space is a lost line break, the only thing that ends a run-in heading (`(一)健全工作机制 镇党委…`)
    /// or the last sentence before a signature, so every run becomes one space.
    public static func normalize(_ text: String, dropping extra: ScalarSet = []) -> String {
        let keepBreaks = isFlattenedReport(text.scalarArray)
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar.isWhiteSpace {
                pendingSpace = previous != nil
                continue
            }
            if isInvisible(scalar) || extra.contains(scalar) { continue }
            if pendingSpace, let last = previous, keepBreaks
                || !CJKScalars.isWide(WidthNormalizer.fold(last)) && !CJKScalars.isWide(WidthNormalizer.fold(scalar)) {
                result.append(" ")
            }
            pendingSpace = false
            result.append(scalar)
            previous = scalar
        }
        return String(scalars: result)
    }

    /// Whether the paragraph is a report flattened onto one line: at least two top-level outline
    /// markers (`一、`, `(一)`) that stand after whitespace, as the line breaks of the page left them.
    static func isFlattenedReport(_ scalars: [Unicode.Scalar]) -> Bool {
        var markers = 0
        for offset in scalars.indices.dropFirst() where scalars[offset - 1].isWhiteSpace {
            guard let marker = OutlineMarkerRecognizer.marker(in: scalars, at: offset), marker.level <= 2 else { continue }
            markers += 1
            if markers >= 2 { return true }
        }
        return false
    }

    /// Characters that carry no text: format controls (zero-width spaces and joiners, soft
    /// hyphen, byte order mark, direction marks), other control characters, private-use code
    /// points (icon-font glyphs), noncharacters, variation selectors and the object replacement
    /// character (an embedded image). U+FFFD is kept: it marks bytes the decoder lost.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Printable ASCII and the CJK Unified Ideographs block, nearly every character of a
        // report, skip the property lookups (each a search of the Unicode tables).
        if (0x20 ..< 0x7F).contains(v) || (0x4E00 ... 0x9FFF).contains(v) { return false }
        switch scalar.properties.generalCategory {
        case .format, .control, .privateUse, .surrogate:
            return true
        default:
            break
        }
        return isNoncharacter(v) || isVariationSelector(v) || v == 0xFFFC
    }

    /// Unicode's noncharacters: U+FDD0…U+FDEF and the last two code points of every plane
    /// (what `isNoncharacterCodePoint` reads from its tables).
    static func isNoncharacter(_ v: UInt32) -> Bool {
        (0xFDD0 ... 0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
    }

    /// Mongolian free variation selectors, VS1–16 and VS17–256 (`isVariationSelector`).
    static func isVariationSelector(_ v: UInt32) -> Bool {
        (0x180B ... 0x180D).contains(v) || v == 0x180F || (0xFE00 ... 0xFE0F).contains(v) || (0xE0100 ... 0xE01EF).contains(v)
    }
}
