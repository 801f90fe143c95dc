/// A set of words matched at positions of a scalar array, longest first so that 场次 wins over
/// 场 and 人次 over 人. The first and last scalars of all the words are kept as sets: most
/// positions of a text can start or end none of the words, and are passed over with one
/// lookup instead of a comparison with every word.
struct WordList: Sendable {
    let words: [[Unicode.Scalar]]
    let firsts: ScalarSet
    let lasts: ScalarSet

    init(_ spaceSeparated: String) {
        self.init(spaceSeparated.split(separator: " ").map(String.init))
    }

    init(_ list: [String]) {
        self.init(scalarWords: list.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count })
    }

    /// The words in the order given (tried in that order).
    init(scalarWords: [[Unicode.Scalar]]) {
        words = scalarWords.filter { !$0.isEmpty }
        firsts = ScalarSet(words.map { $0[0] })
        lasts = ScalarSet(words.map { $0[$0.count - 1] })
    }

    func contains(_ word: [Unicode.Scalar]) -> Bool {
        words.contains(word)
    }

    /// The first word (in order) that stands in `scalars` at `index`.
    @inline(__always)
    func first(in scalars: [Unicode.Scalar], at index: Int) -> [Unicode.Scalar]? {
        guard index >= 0, index < scalars.count, firsts.contains(scalars[index]) else { return nil }
        return words.first { Self.matches(scalars, at: index, $0) }
    }

    /// The first word (in order) that ends in `scalars` just before `end`.
    @inline(__always)
    func first(in scalars: [Unicode.Scalar], endingAt end: Int) -> [Unicode.Scalar]? {
        guard end > 0, end <= scalars.count, lasts.contains(scalars[end - 1]) else { return nil }
        return words.first { Self.matches(scalars, at: end - $0.count, $0) }
    }

    static func matches(_ scalars: [Unicode.Scalar], at index: Int, _ word: [Unicode.Scalar]) -> Bool {
        guard index >= 0, index + word.count <= scalars.count else { return false }
        var offset = 0
        while offset < word.count {
            if scalars[index + offset] != word[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Both lists, this one's words tried first.
    static func + (lhs: WordList, rhs: WordList) -> WordList {
        WordList(scalarWords: lhs.words + rhs.words)
    }
}
