/// Folds the full-width forms that later stages parse as numbers, codes and formulas (２０２３年,
/// １００％, ＡＰＰ, １＋Ｎ, ２０２１－２０２５) to ASCII, one scalar for one scalar, so offsets stay valid.
///
/// Chinese punctuation (，。；：、“”《》（）！？［］) is kept as written: the outline and sentence
/// parsers read it, and ( ) and （ ） both stand in reports. NFKC would do the folding but also
/// rewrite that punctuation and change lengths (…, ㎡), so the mapping is listed here.
public enum WidthNormalizer {
    /// The text with each scalar mapped to exactly one scalar.
    public static func normalize(_ text: String) -> String {
        let scalars = text.scalarArray
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\u{FF0E}" {
                // ． is a decimal point only between digits (３．５ → 3.5); elsewhere it may be
                // a list marker's or a sentence's stop, which the outline parser reads as written.
                let between = index > 0 && index + 1 < scalars.count
                    && CJKScalars.isDigit(scalars[index - 1]) && CJKScalars.isDigit(scalars[index + 1])
                result.append(between ? "." : scalar)
            } else {
                result.append(fold(scalar))
            }
        }
        return String(scalars: result)
    }

    /// The context-free part of the mapping.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            // The full-width block mirrors ASCII at a fixed distance.
            return Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0xFF05: return "%"
        case 0xFF0F: return "/"
        case 0xFF0B: return "+"
        case 0xFF1D: return "="
        case 0xFF0D: return "-"
        case 0xFF1C: return "<"
        case 0xFF1E: return ">"
        case 0x3000: return " "
        default: return scalar
        }
    }
}
