/// Which offsets of a text lie inside quotes or brackets (“…” 《…》 （…） 〔…〕 …), so that a
/// 。 inside a quoted slogan or a document title does not end a sentence or a heading.
///
/// Only matched pairs count: a stray opener (common in scraped text) would otherwise swallow
/// the rest of the paragraph. Pairs longer than `maxSpan` are ignored for the same reason: a
/// mis-paired quote far away is likelier than a quotation that long.
struct EnclosureMap: Sendable {
    static let maxSpan = 250

    static let pairs: [Unicode.Scalar: Unicode.Scalar] = [
        "“": "”", "‘": "’", "《": "》", "〈": "〉", "<": ">", "（": "）", "(": ")",
        "〔": "〕", "［": "］", "[": "]", "【": "】", "「": "」", "『": "』", "｛": "｝", "{": "}",
    ]
    /// Quotes that open and close with the same character.
    static let toggles: ScalarSet = ["\"", "＂"]

    /// `depth[i]`: how many matched pairs strictly contain offset `i` (opener < i < closer,
    /// i.e. the closer itself counts as inside, the opener does not).
    private let depth: [Int]

    /// Closer → opener.
    static let closers = Dictionary(uniqueKeysWithValues: pairs.map { ($0.value, $0.key) })
    /// Every opener, closer and toggle: the other scalars (nearly all of a text) are passed over
    /// with one lookup rather than two dictionary probes.
    static let marks = ScalarSet(Array(pairs.keys) + Array(pairs.values) + Array(toggles))

    init(_ scalars: [Unicode.Scalar]) {
        // A text without brackets or quotes has nothing enclosed: no tables to build.
        guard let firstMark = scalars.firstIndex(where: Self.marks.contains) else {
            depth = []
            return
        }
        let closers = Self.closers
        var open: [Unicode.Scalar: [Int]] = [:]
        var delta = [Int](repeating: 0, count: scalars.count + 1)
        func close(_ opener: Unicode.Scalar, at i: Int) -> Bool {
            guard let o = open[opener]?.popLast() else { return false }
            if i - o <= Self.maxSpan {
                delta[o + 1] += 1
                delta[i + 1] -= 1
            }
            return true
        }
        for i in firstMark..<scalars.count where Self.marks.contains(scalars[i]) {
            let scalar = scalars[i]
            if Self.toggles.contains(scalar) {
                if !close(scalar, at: i) { open[scalar, default: []].append(i) }
            } else if let opener = closers[scalar] {
                _ = close(opener, at: i)
            } else if Self.pairs[scalar] != nil {
                open[scalar, default: []].append(i)
            }
        }
        var running = 0
        depth = delta.dropLast().map { running += $0; return running }
    }

    func isEnclosed(_ offset: Int) -> Bool {
        offset >= 0 && offset < depth.count && depth[offset] > 0
    }
}
