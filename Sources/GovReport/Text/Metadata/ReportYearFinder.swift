/// Finds the year a report covers.
///
/// In order: the title (2021年度…, 关于2024年度…的报告, 2023年…情况报告); the opening (2023年，…;
/// 2020年是…之年; 现将2023年…; 2023年法治政府建设…); as a last resort the year before the
/// publish date (reports appear in the first months of the following year). Years of periods
/// (《…(2021—2025年)》, 2019年至今) and years inside 《…》 never count.
enum ReportYearFinder {
    typealias Scalars = HanTextScan.Scalars

    struct YearToken: Equatable {
        var year: Int
        /// The digits and 年.
        var range: Range<Int>
    }

    private static let rangeMarks = HanTextScan.set("—–-~～－至到")
    private static let topicWords = HanTextScan.words([
        "法治政府建设", "法治建设", "依法行政", "推进法治", "法治工作", "全面依法", "依法治",
    ])
    private static let reportVerbs = HanTextScan.words(["现将", "现就", "特将", "现把"])

    static func find(title: String, openingParagraphs: [String], publishDate: String) -> Int? {
        if let year = fromTitle(title) { return year }
        if let year = fromOpening(openingParagraphs) { return year }
        return yearBefore(publishDate)
    }

    static func fromTitle(_ title: String) -> Int? {
        yearTokens(in: HanTextScan.scalars(title)).first?.year
    }

    /// The first paragraph that states the year: one that starts with it (2023年，/2020年是),
    /// or a 现将2023年… / 2023年(度)法治政府建设 phrase.
    static func fromOpening(_ paragraphs: [String]) -> Int? {
        for paragraph in paragraphs {
            let scalars = HanTextScan.scalars(HanTextScan.trimmed(paragraph))
            let tokens = yearTokens(in: scalars)
            if let first = tokens.first, first.range.lowerBound == 0, startsStatement(scalars, after: first) {
                return first.year
            }
            for token in tokens {
                if isAfterReportVerb(scalars, token) || isBeforeTopic(scalars, token) { return token.year }
            }
        }
        return nil
    }

    static func yearBefore(_ isoDate: String) -> Int? {
        let digits = isoDate.unicodeScalars.prefix(4)
        guard digits.count == 4, digits.allSatisfy(HanTextScan.isASCIIDigit),
              let year = Int(HanTextScan.string(digits)) else { return nil }
        return year - 1
    }

    /// Four-digit years written `YYYY年`, outside 《…》 and not the ends of a period.
    static func yearTokens(in scalars: Scalars) -> [YearToken] {
        let titles = HanTextScan.bookTitleMask(scalars)
        var tokens: [YearToken] = []
        var index = 0
        while index + 4 < scalars.count {
            guard (0..<4).allSatisfy({ HanTextScan.isASCIIDigit(scalars[index + $0]) }),
                  scalars[index + 4] == "年",
                  index == 0 || !HanTextScan.isASCIIDigit(scalars[index - 1]) else {
                index += 1
                continue
            }
            let year = Int(HanTextScan.string(scalars, index..<(index + 4)))!
            let end = index + 5
            let opensPeriod = end < scalars.count && rangeMarks.contains(scalars[end])
            let closesPeriod = index > 0 && rangeMarks.contains(scalars[index - 1])
            if (1990...2100).contains(year), !titles[index], !opensPeriod, !closesPeriod {
                tokens.append(YearToken(year: year, range: index..<end))
            }
            index = end
        }
        return tokens
    }

    /// 2023年，… / 2020年是… / 2023年以来… / 2023年度… / 2023年我街… — but not a date (2023年3月).
    private static func startsStatement(_ scalars: Scalars, after token: YearToken) -> Bool {
        let end = token.range.upperBound
        guard end < scalars.count else { return false }
        return !HanTextScan.isASCIIDigit(scalars[end])
    }

    private static func isAfterReportVerb(_ scalars: Scalars, _ token: YearToken) -> Bool {
        let start = token.range.lowerBound
        // 现将2023年… or 现将我街2023年… (a few characters between).
        for gap in 0...4 where start - gap >= 2 {
            if HanTextScan.firstMatch(scalars, endingAt: start - gap, in: reportVerbs) != nil { return true }
        }
        return false
    }

    private static func isBeforeTopic(_ scalars: Scalars, _ token: YearToken) -> Bool {
        var position = token.range.upperBound
        if position < scalars.count, scalars[position] == "度" { position += 1 }
        return HanTextScan.firstMatch(scalars, at: position, in: topicWords) != nil
    }
}
