/// Character classes and whitespace collapsing for text lines. Pure text functions.
enum InlineText {
    /// Whitespace as pages use it: ASCII and Unicode spaces, no-break space (&nbsp;),
    /// the ideographic space used to indent Chinese paragraphs, zero-width space and BOM.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        // Printable ASCII and the CJK ranges answer in two comparisons: the strip stage asks
        // for every scalar of every page, and the switch tests its cases one after another.
        let v = s.value
        if v > 0x20 && v < 0x85 { return false }
        if v > 0x3000 && v < 0xFEFF { return false }
        switch v {
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
        // By UTF-8 bytes into the new string's storage: gathering scalars in an array and
        // encoding them again (String(scalars:)) was 57 M instructions of a 1,078 M strip run.
        // The result is never longer than `raw`: a run of spaces becomes at most one byte.
        UTF8Scalars.withBytes(raw) { collapse(bytes: $0, markupBreaks: markupBreaks) }
    }

    /// `collapse` of UTF-8 bytes (a page line gathered from its text nodes).
    static func collapse(bytes: UnsafeBufferPointer<UInt8>, markupBreaks: Bool) -> String {
        let length = bytes.count
        guard length > 0, let base = bytes.baseAddress else { return "" }
        return String(unsafeUninitializedCapacity: length) { out in
            var n = 0
            var i = 0
            var pendingSpace = false
            var pendingBreak = false
            // Where the last scalar written starts in `bytes`; read again only when a space is
            // pending before the next one.
            var previousStart: Int? = nil
            /// Before the scalar starting at `start`: the one space a pending run leaves.
            func settle(before start: Int) {
                defer { pendingSpace = false; pendingBreak = false }
                guard pendingSpace, var j = previousStart else { return }
                let previous = UTF8Scalars.decode(bytes, &j)
                var k = start
                let next = UTF8Scalars.decode(bytes, &k)
                if !(pendingBreak && (isWide(previous) || isWide(next))) {
                    out[n] = 0x20
                    n += 1
                }
            }
            while i < length {
                let start = i
                if Self.isPlainLead(bytes[i]) {
                    // A run of printable ASCII and ideographs U+4000–U+9FFF, none of them a
                    // space: most of every page, copied at once rather than scalar by scalar.
                    var last = i
                    repeat {
                        last = i
                        i += bytes[i] < 0x80 ? 1 : 3
                    } while i < length && Self.isPlainLead(bytes[i])
                    settle(before: start)
                    (out.baseAddress! + n).update(from: base + start, count: i - start)
                    n += i - start
                    previousStart = last
                    continue
                }
                let scalar = UTF8Scalars.decode(bytes, &i)
                if isSpace(scalar) {
                    pendingSpace = true
                    if markupBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { pendingBreak = true }
                    continue
                }
                settle(before: start)
                for k in start..<i {
                    out[n] = bytes[k]
                    n += 1
                }
                previousStart = start
            }
            return n
        }
    }

    /// A lead byte of a scalar that is never a space (`isSpace`) and whose length it tells alone:
    /// printable ASCII (one byte) or E4–E9, U+4000–U+9FFF (three bytes).
    @inline(__always)
    static func isPlainLead(_ byte: UInt8) -> Bool {
        (byte > 0x20 && byte < 0x7F) || (byte >= 0xE4 && byte <= 0xE9)
    }

    /// Non-space characters in `text`.
    static func visibleCount(_ text: String) -> Int {
        // By UTF-8 bytes: the scalar view's iterator was most of this count's cost. Printable
        // ASCII and ideographs (most of a paragraph) are counted by their lead byte alone.
        UTF8Scalars.withBytes(text) { bytes in
            var count = 0
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                if isPlainLead(lead) {
                    count += 1
                    i += lead < 0x80 ? 1 : 3
                } else if !isSpace(UTF8Scalars.decode(bytes, &i)) {
                    count += 1
                }
            }
            return count
        }
    }

    /// Whether `text` holds the ASCII `mark` or its full-width form (U+FF01–U+FF5E are the
    /// ASCII marks moved up by 0xFEE0), by UTF-8 bytes. A cheap test that lets the callers
    /// skip work on the many lines without a colon, comma or bar: neither form has a
    /// canonical equivalent, so a line without their bytes holds neither as a Character.
    static func containsMark(_ text: String, _ mark: Unicode.Scalar) -> Bool {
        let wide = mark.value + 0xFEE0
        let (b0, b1, b2) = (UInt8(0xE0 | (wide >> 12)), UInt8(0x80 | ((wide >> 6) & 0x3F)), UInt8(0x80 | (wide & 0x3F)))
        return UTF8Scalars.withBytes(text) { bytes in
            UTF8Scalars.anyIndex(of: UInt8(mark.value), in: bytes) { _ in true }
                || UTF8Scalars.anyIndex(of: b0, in: bytes) { at in
                    at + 2 < bytes.count && bytes[at + 1] == b1 && bytes[at + 2] == b2
                }
        }
    }

    /// Whether `needle` occurs in `text`, by UTF-8 bytes (valid for UTF-8 substrings). Used on
    /// hot paths instead of Foundation's `contains`, which bridges to NSString on every call.
    static func contains<S: StringProtocol>(_ text: S, _ needle: String) -> Bool {
        contains(bytes: Array(text.utf8), Array(needle.utf8))
    }

    /// Whether `needle` occurs in `hay` (an array or bytes in place), byte for byte.
    static func contains<Bytes: RandomAccessCollection<UInt8>>(bytes hay: Bytes, _ needle: [UInt8]) -> Bool
    where Bytes.Index == Int {
        guard !needle.isEmpty, needle.count <= hay.count else { return needle.isEmpty }
        for start in hay.startIndex...(hay.endIndex - needle.count) where hay[start] == needle[0] {
            if hay[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
