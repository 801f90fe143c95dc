/// How a stated number relates to the true one (docs/metrics-guidelines.md, "qualifier").
public enum Qualifier: String, Sendable, Codable, CaseIterable {
    case exact
    case moreThan = "more_than"
    case atLeast = "at_least"
    case lessThan = "less_than"
    case atMost = "at_most"
    case approx
}

/// The words that qualify a number, before it (超过1800小时) or after it (100人以上).
/// Exact markers (达, 达到, 共计) are not qualifiers: they stay out of `raw` and the subject finder
/// drops them.
enum QualifierMarks {
    static let before: [([Unicode.Scalar], Qualifier)] = table([
        ("超过", .moreThan), ("多于", .moreThan), ("大于", .moreThan), ("高于", .moreThan), ("逾", .moreThan),
        ("超", .moreThan),
        ("不少于", .atLeast), ("至少", .atLeast), ("不低于", .atLeast), ("最少", .atLeast), ("不下于", .atLeast),
        ("将近", .lessThan), ("接近", .lessThan), ("近", .lessThan), ("不到", .lessThan), ("不足", .lessThan),
        ("少于", .lessThan), ("低于", .lessThan), ("不满", .lessThan),
        ("不超过", .atMost), ("最多", .atMost), ("至多", .atMost), ("不多于", .atMost), ("不高于", .atMost),
        ("最高", .atMost),
        ("大约", .approx), ("约为", .approx), ("约", .approx), ("大概", .approx), ("大致", .approx),
    ])

    static let after: [([Unicode.Scalar], Qualifier)] = table([
        ("以上", .atLeast), ("以下", .atMost), ("以内", .atMost), ("之内", .atMost),
        ("左右", .approx), ("上下", .approx), ("有余", .moreThan),
    ])

    /// Characters that, right before a one-character mark, make it part of another word:
    /// 最近 (recently), 节约 (save), 赶超 (catch up).
    static let blockedBefore: [String: String] = [
        "近": "最附临接亲靠将",
        "约": "节制签预相邀公条契合违履特婚践赴誓",
        "超": "赶高",
        "逾": "",
        "约为": "节制签预相",
    ]

    private static func table(_ rows: [(String, Qualifier)]) -> [([Unicode.Scalar], Qualifier)] {
        rows.map { (Array($0.0.unicodeScalars), $0.1) }.sorted { $0.0.count > $1.0.count }
    }

    private static let beforeLasts = ScalarSet(before.map { $0.0[$0.0.count - 1] })

    /// The qualifier written just before `end` (one space allowed between it and the number).
    static func before(in text: ScalarText, endingAt end: Int) -> (range: Range<Int>, qualifier: Qualifier)? {
        var end = end
        if text[end - 1] == " " { end -= 1 }
        // Most numbers follow no mark: one lookup of the character before, not a try of each mark.
        guard let last = text[end - 1], beforeLasts.contains(last) else { return nil }
        for (word, q) in before where text.matches(word, endingAt: end) {
            let start = end - word.count
            if let blocked = blockedBefore[String(scalars: word)],
               CharClass.isOneOf(text[start - 1], blocked) {
                continue
            }
            return (start..<end, q)
        }
        return nil
    }

    /// Adverbs that qualify a number across a short verb phrase (每月至少开展1次, 每村最多配备3名).
    static let detached: [([Unicode.Scalar], Qualifier)] = table([
        ("至少", .atLeast), ("最少", .atLeast), ("最多", .atMost), ("至多", .atMost),
    ])

    private static let notInVerbPhrase = ScalarSet("的是为有")

    /// A detached qualifier up to four characters of verb phrase before `end` (至少到村坐班2次); not across
    /// 的/是 (反映最多的是邻里纠纷12起 names the largest group, it does not bound the number).
    static func detached(in text: ScalarText, endingAt end: Int) -> Qualifier? {
        for gap in 1...4 {
            let verbStart = end - gap
            guard (verbStart..<end).allSatisfy({
                CharClass.isHan(text[$0]) && !ChineseNumerals.isNumeral(text[$0]) && !CharClass.isOneOf(text[$0], notInVerbPhrase)
            }) else { return nil }
            if let (_, q) = detached.first(where: { text.matches($0.0, endingAt: verbStart) }) { return q }
        }
        return nil
    }

    /// The qualifier written at `i`, right after a number or its measure word.
    static func after(in text: ScalarText, at i: Int) -> (range: Range<Int>, qualifier: Qualifier)? {
        for (word, q) in after where text.matches(word, at: i) {
            return (i..<(i + word.count), q)
        }
        return nil
    }
}
