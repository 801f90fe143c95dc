/// A paragraph as an array of Unicode scalars. Every offset in the quantity rules is a scalar
/// offset (the project's offset unit), and Chinese words are matched scalar by scalar, which keeps
/// the look-behind and look-ahead rules simple and free of String.Index arithmetic.
struct ScalarText: Sendable {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var count: Int { scalars.count }

    /// The scalar at `i`, or nil outside the text (so look-arounds need no bounds checks).
    subscript(_ i: Int) -> Unicode.Scalar? {
        i >= 0 && i < scalars.count ? scalars[i] : nil
    }

    func text(_ range: Range<Int>) -> String {
        let lower = max(0, range.lowerBound), upper = min(count, range.upperBound)
        guard lower < upper else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[lower..<upper])
        return String(out)
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
        list.words.first { matches($0, at: i) }
    }

    /// The longest word of `list` that ends just before `end`.
    func longestMatch(_ list: WordList, endingAt end: Int) -> [Unicode.Scalar]? {
        list.words.first { matches($0, endingAt: end) }
    }
}

/// A set of words, longest first so that 场次 wins over 场 and 人次 over 人.
struct WordList: Sendable {
    let words: [[Unicode.Scalar]]

    init(_ spaceSeparated: String) {
        self.init(spaceSeparated.split(separator: " ").map(String.init))
    }

    init(_ list: [String]) {
        words = list.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }

    func contains(_ word: [Unicode.Scalar]) -> Bool {
        words.contains(word)
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
        return c.properties.isWhitespace
    }

    static func isOneOf(_ c: Unicode.Scalar?, _ set: String) -> Bool {
        guard let c else { return false }
        return set.unicodeScalars.contains(c)
    }

    /// Punctuation that ends a clause (the unit in which a subject is looked for).
    static let clauseEnders = "，,；;。！？!?：:\n\r\t"
    /// Punctuation that ends a sentence (the context of a metric).
    static let sentenceEnders = "。！？!?；;\n\r"
    static let openParens = "(（"
    static let closeParens = ")）"
}
