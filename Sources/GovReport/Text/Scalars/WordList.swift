/// A set of words matched at positions of a scalar array, longest first so that 场次 wins over
/// 场 and 人次 over 人. The words are also kept grouped by their first and by their last scalar:
/// most positions of a text can start or end none of the words and are passed over with one
/// lookup, and at the others only the words with that first (or last) scalar are compared, not
/// the whole list (some lists hold two hundred words, and the measure words are tried after
/// every number).
struct WordList: Sendable {
    let words: [[Unicode.Scalar]]
    /// Indexes into `words`, grouped by first scalar (`byFirst`) and by last scalar (`byLast`),
    /// each group in the order of `words`; the maps give each group's range in its array.
    private let firstOrder: [Int]
    private let byFirst: ScalarMap<Range<Int>>
    private let lastOrder: [Int]
    private let byLast: ScalarMap<Range<Int>>

    init(_ spaceSeparated: String) {
        self.init(spaceSeparated.split(separator: " ").map(String.init))
    }

    init(_ list: [String]) {
        self.init(scalarWords: list.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count })
    }

    /// The words in the order given (tried in that order).
    init(scalarWords: [[Unicode.Scalar]]) {
        words = scalarWords.filter { !$0.isEmpty }
        (firstOrder, byFirst) = Self.group(words) { $0[0] }
        (lastOrder, byLast) = Self.group(words) { $0[$0.count - 1] }
    }

    private static func group(_ words: [[Unicode.Scalar]],
                              by key: ([Unicode.Scalar]) -> Unicode.Scalar) -> ([Int], ScalarMap<Range<Int>>) {
        var groups: [Unicode.Scalar: [Int]] = [:]
        for (index, word) in words.enumerated() { groups[key(word), default: []].append(index) }
        var order: [Int] = []
        var ranges: [Unicode.Scalar: Range<Int>] = [:]
        for (scalar, indexes) in groups {
            ranges[scalar] = order.count..<(order.count + indexes.count)
            order += indexes
        }
        return (order, ScalarMap(ranges))
    }

    func contains(_ word: [Unicode.Scalar]) -> Bool {
        words.contains(word)
    }

    /// Where the words that begin with `scalar` stand in `firstOrder` (empty when none does). A
    /// range, not a slice: this is looked up at every position tried, and a slice retains.
    @inline(__always)
    private func firstGroup(_ scalar: Unicode.Scalar) -> Range<Int> {
        byFirst[scalar] ?? 0..<0
    }

    /// The indexes in `words` of the words that begin with `scalar`, in order.
    func indexes(startingWith scalar: Unicode.Scalar) -> ArraySlice<Int> {
        firstOrder[firstGroup(scalar)]
    }

    /// The first word (in order) that stands in `scalars` at `index`.
    @inline(__always)
    func first(in scalars: [Unicode.Scalar], at index: Int) -> [Unicode.Scalar]? {
        guard index >= 0, index < scalars.count else { return nil }
        for position in firstGroup(scalars[index]) {
            let word = words[firstOrder[position]]
            if Self.matches(scalars, at: index, word) { return word }
        }
        return nil
    }

    /// The first word (in order) that ends in `scalars` just before `end`.
    @inline(__always)
    func first(in scalars: [Unicode.Scalar], endingAt end: Int) -> [Unicode.Scalar]? {
        guard end > 0, end <= scalars.count, let group = byLast[scalars[end - 1]] else { return nil }
        for position in group {
            let word = words[lastOrder[position]]
            if Self.matches(scalars, at: end - word.count, word) { return word }
        }
        return nil
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
