/// Character classes and whitespace collapsing for text lines. Pure text functions.
enum InlineText {
    /// Whitespace as pages use it: ASCII and Unicode spaces, no-break space (&nbsp;),
    /// the ideographic space used to indent Chinese paragraphs, zero-width space and BOM.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0xA0, 0x3000, 0x200B, 0xFEFF: return true
        case 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x1680, 0x85: return true
        default: return false
        }
    }

    /// Characters of Chinese text, across which a line break in the markup means nothing:
    /// ideographs, CJK and full-width punctuation, curly quotes, dashes and ellipsis.
    @inline(__always)
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        case 0x2010...0x2027: return true
        default: return false
        }
    }

    /// ，。；：、！？ and their half-width-looking cousins used in Chinese prose.
    @inline(__always)
    static func isClausePunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0x3001, 0xFF01, 0xFF1F: return true
        default: return false
        }
    }

    /// Collapses each run of whitespace to one space and trims the ends. With `markupBreaks`,
    /// a run that holds a line break or tab (the indentation of HTML source) vanishes when it
    /// touches Chinese text, so "开展\n      法治讲堂" reads "开展法治讲堂"; a plain space
    /// or &nbsp; the author typed stays one space.
    static func collapse(_ raw: String, markupBreaks: Bool) -> String {
        // Scalars gathered in an array and encoded once: appending to a String.UnicodeScalarView
        // costs hundreds of instructions a scalar (see String(scalars:)).
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        var pendingBreak = false
        var previous: Unicode.Scalar? = nil
        for scalar in raw.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = true
                if markupBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { pendingBreak = true }
                continue
            }
            if pendingSpace, let prev = previous {
                if !(pendingBreak && (isWide(prev) || isWide(scalar))) { out.append(" ") }
            }
            pendingSpace = false
            pendingBreak = false
            out.append(scalar)
            previous = scalar
        }
        return String(scalars: out)
    }

    /// Non-space characters in `text`.
    static func visibleCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where !isSpace(scalar) { count += 1 }
        return count
    }

    /// Whether `needle` occurs in `text`, by UTF-8 bytes (valid for UTF-8 substrings). Used on
    /// hot paths instead of Foundation's `contains`, which bridges to NSString on every call.
    static func contains<S: StringProtocol>(_ text: S, _ needle: String) -> Bool {
        contains(bytes: Array(text.utf8), Array(needle.utf8))
    }

    /// Whether `needle` occurs in `hay`, byte for byte.
    static func contains(bytes hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= hay.count else { return needle.isEmpty }
        for start in 0...(hay.count - needle.count) where hay[start] == needle[0] {
            if hay[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
