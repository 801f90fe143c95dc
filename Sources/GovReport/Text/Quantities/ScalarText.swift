/// A paragraph as an array of Unicode scalars. Every offset in the quantity rules is a scalar
/// offset (the project's offset unit), and Chinese words are matched scalar by scalar, which keeps
/// the look-behind and look-ahead rules simple and free of String.Index arithmetic.
struct ScalarText: Sendable {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = text.scalarArray
    }

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    var count: Int { scalars.count }

    /// The scalar at `i`, or nil outside the text (so look-arounds need no bounds checks).
    subscript(_ i: Int) -> Unicode.Scalar? {
        i >= 0 && i < scalars.count ? scalars[i] : nil
    }

    func text(_ range: Range<Int>) -> String {
        String(scalars: slice(range))
    }

    /// The scalars of `range`, clipped to the text.
    func slice(_ range: Range<Int>) -> ArraySlice<Unicode.Scalar> {
        let lower = max(0, range.lowerBound), upper = min(count, range.upperBound)
        guard lower < upper else { return [] }
        return scalars[lower..<upper]
    }

    func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= scalars.count else { return false }
        for (k, w) in word.enumerated() where scalars[i + k] != w { return false }
        return true
    }

    func matches(_ word: [Unicode.Scalar], endingAt end: Int) -> Bool {
        matches(word, at: end - word.count)
    }

    /// The longest word of `list` that starts at `i`.
    func longestMatch(_ list: WordList, at i: Int) -> [Unicode.Scalar]? {
        list.first(in: scalars, at: i)
    }

    /// The longest word of `list` that ends just before `end`.
    func longestMatch(_ list: WordList, endingAt end: Int) -> [Unicode.Scalar]? {
        list.first(in: scalars, endingAt: end)
    }
}

/// Character classes used by the rules.
enum CharClass {
    static func isHan(_ c: Unicode.Scalar?) -> Bool {
        guard let v = c?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FA1F).contains(v)
    }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let v = c?.value else { return false }
        return (0x30...0x39).contains(v)
    }

    static func isASCIILetter(_ c: Unicode.Scalar?) -> Bool {
        guard let v = c?.value else { return false }
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }

    static func isSpace(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c.isWhiteSpace
    }

    /// Whether `c` is one of the scalars of `set`. Compared as UTF-8 bytes: UTF-8 is
    /// self-synchronising, so the bytes of `c` occur in `set` only where `c` itself stands,
    /// and a byte scan costs a fraction of decoding `set` scalar by scalar at every call.
    static func isOneOf(_ c: Unicode.Scalar?, _ set: String) -> Bool {
        guard let c else { return false }
        var set = set
        return set.withUTF8 { bytes in
            let v = c.value
            if v < 0x80 { return bytes.contains(UInt8(v)) }
            var encoded: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            let length: Int
            if v < 0x800 {
                encoded = (UInt8(0xC0 | (v >> 6)), UInt8(0x80 | (v & 0x3F)), 0, 0); length = 2
            } else if v < 0x10000 {
                encoded = (UInt8(0xE0 | (v >> 12)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F)), 0); length = 3
            } else {
                encoded = (UInt8(0xF0 | (v >> 18)), UInt8(0x80 | ((v >> 12) & 0x3F)), UInt8(0x80 | ((v >> 6) & 0x3F)),
                           UInt8(0x80 | (v & 0x3F))); length = 4
            }
            guard bytes.count >= length else { return false }
            var i = 0
            while i + length <= bytes.count {
                if bytes[i] == encoded.0, bytes[i + 1] == encoded.1,
                   length < 3 || bytes[i + 2] == encoded.2, length < 4 || bytes[i + 3] == encoded.3 {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// Whether `c` is in `set`: for the loops that test every character of a clause, where even
    /// the byte scan of the `String` form shows in profiles.
    @inline(__always)
    static func isOneOf(_ c: Unicode.Scalar?, _ set: ScalarSet) -> Bool {
        guard let c else { return false }
        return set.contains(c)
    }

    /// The sets of the hot loops: the punctuation below, and the marks that end a full sentence.
    static let clauseEnderSet = ScalarSet(clauseEnders)
    static let openParenSet = ScalarSet(openParens)
    static let closeParenSet = ScalarSet(closeParens)
    static let fullStops = ScalarSet("。！？!?\n")

    /// Punctuation that ends a clause (the unit in which a subject is looked for).
    static let clauseEnders = "，,；;。！？!?：:\n\r\t"
    /// Punctuation that ends a sentence (the context of a metric).
    static let sentenceEnders = "。！？!?；;\n\r"
    static let openParens = "(（"
    static let closeParens = ")）"
}
