/// One charset tried on a document's bytes: the text it gives and how much that reads like text.
struct TrialDecode {
    let encoding: String
    let text: String
    let invalidBytes: Int
    /// `invalidBytes` over the bytes that could be invalid: the non-ASCII ones, since ASCII
    /// reads the same in every ASCII-compatible charset (all bytes for UTF-16 and UTF-32).
    let invalidShare: Double
    let plausibility: TextPlausibility

    /// Nil when iconv does not know `encoding`.
    init?(_ bytes: [UInt8], encoding: String) {
        guard let decoded = IconvConverter.decode(bytes, from: encoding) else { return nil }
        self.encoding = encoding
        self.text = decoded.text
        self.invalidBytes = decoded.invalidBytes
        let exposed = EncodingNames.isWide(encoding) ? bytes.count : bytes.lazy.filter { $0 >= 0x80 }.count
        self.invalidShare = exposed == 0 ? (decoded.invalidBytes > 0 ? 1 : 0)
                                         : Double(decoded.invalidBytes) / Double(exposed)
        self.plausibility = TextPlausibility.measure(decoded.text)
    }

    var score: Double { plausibility.score }

    /// Better by plausibility, then by fewer invalid bytes; ties keep the earlier candidate.
    func isBetter(than other: TrialDecode) -> Bool {
        if score != other.score { return score > other.score }
        return invalidBytes < other.invalidBytes
    }
}
