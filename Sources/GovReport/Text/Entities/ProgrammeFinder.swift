/// Finds quoted programme names and slogans: “枫桥经验”, “一网通办”, “谁执法谁普法”, “法律明白人”.
///
/// A quoted term counts when it is 2–20 characters, has a Han character that is not a numeral,
/// and is not quoted speech (no ，。；！？ inside). Codes and numbers (“1310”, “1+5+N”, “12.4”,
/// “3·15”) are not names, nor are numeral codes (“十四五”, “八五”), except the campaign they
/// name when 普法 follows: “八五”普法 gives 八五普法. (“十四五”规划 is a plan, left to citations.)
///
/// `text` is the span with its quotation marks; `normalized` is the name without them.
enum ProgrammeFinder {
    typealias Scalars = HanTextScan.Scalars

    struct Found: Equatable {
        var range: Range<Int>
        var normalized: String
    }

    private static let openers: ScalarMap<Unicode.Scalar> = ["“": "”", "「": "」", "\"": "\""]
    private static let speechMarks = HanTextScan.set("，。；！？,;!?：:")
    private static let numeralChars = HanTextScan.set("一二三四五六七八九十百千万两〇零")
    private static let campaignWords = HanTextScan.words(["普法"])

    static func find(in scalars: Scalars, skipping skip: [Bool]) -> [Found] {
        var found: [Found] = []
        var index = 0
        while index < scalars.count {
            guard let closer = openers[scalars[index]], !skip[index],
                  let close = (index + 1..<scalars.count).first(where: { scalars[$0] == closer || scalars[$0] == "\n" }),
                  scalars[close] == closer else {
                index += 1
                continue
            }
            let inner = Array(scalars[(index + 1)..<close])
            if let programme = programme(scalars, inner: inner, open: index, close: close) {
                found.append(programme)
            }
            index = close + 1
        }
        return found
    }

    private static func programme(_ scalars: Scalars, inner: Scalars, open: Int, close: Int) -> Found? {
        guard (2...20).contains(inner.count), !inner.contains(where: { speechMarks.contains($0) }) else { return nil }
        let hasName = inner.contains { HanTextScan.isHan($0) && !numeralChars.contains($0) }
        if hasName {
            return Found(range: open..<(close + 1), normalized: HanTextScan.string(inner))
        }
        let isNumeralCode = inner.allSatisfy { numeralChars.contains($0) }
        if isNumeralCode, let word = HanTextScan.firstMatch(scalars, at: close + 1, in: campaignWords) {
            return Found(range: open..<(close + 1 + word.count), normalized: HanTextScan.string(inner + word))
        }
        return nil
    }
}
