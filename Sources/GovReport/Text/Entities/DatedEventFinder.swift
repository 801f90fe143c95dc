/// Finds dated events: a day-precise date followed by what happened (2月20日召开…, 7月1日起，将…),
/// or a 截至 date with the statement it dates (截至11月20日止，我街共…).
///
/// `text` runs from the date phrase (with 截至/截止/自/从 and 起/止/以来) to the end of the
/// clause that states the action, which is the next clause when the date phrase stands alone
/// before a comma. `normalized` is the ISO date, the report's year filled in when the text omits it.
/// Dates inside 《…》 and dates with no action (a signature) are not events.
enum DatedEventFinder {
    typealias Scalars = HanTextScan.Scalars

    struct Found: Equatable {
        var range: Range<Int>
        var date: ReportCalendarDate
    }

    /// Included in the text: they say how the date bounds the statement.
    private static let includedPrefixes = HanTextScan.words(["截止到", "截至到", "截至", "截止", "自", "从"])
    private static let cutoffPrefixes = HanTextScan.words(["截止到", "截至到", "截至", "截止"])
    /// Prepositions before a date that are not part of it, but still let it open a clause.
    private static let excludedPrefixes = HanTextScan.words(["今年", "于", "在"])
    private static let rangeMarks = HanTextScan.set("至到—–-~～")
    private static let markers = HanTextScan.words(["以来", "上午", "下午", "晚上", "起", "止", "前", "后", "晚"])
    /// Verbs that make a date mid-clause an event's date (于3月15日召开…).
    private static let actionVerbs = HanTextScan.words([
        "召开", "举办", "开展", "组织", "举行", "成立", "印发", "出台", "启动", "召集", "签订", "签署", "签约",
        "发布", "审议", "参加", "参与", "联合", "邀请", "深入", "走进", "前往", "迎接", "接受", "完成",
        "揭牌", "挂牌", "正式", "上线", "实施", "施行", "开始", "集中", "专题", "部署", "制定", "出席",
        "主持", "率队", "带队", "接待", "听取", "开通", "启用", "投入", "通过", "顺利", "如期", "首次",
        "再次", "全面", "依法", "对", "赴", "到", "在", "向", "与", "由",
    ])
    /// A date in brackets ((2023年3月1日起施行)) ends with them.
    private static let closingBrackets = HanTextScan.set(")）]】")
    /// The most characters of action text kept after the date phrase.
    private static let maxActionLength = 50

    static func find(in scalars: Scalars, skipping skip: [Bool]) -> [Found] {
        var found: [Found] = []
        var searchFrom = 0
        for date in ReportDateParser.dates(in: scalars) where date.range.lowerBound >= searchFrom && !skip[date.range.lowerBound] {
            guard let range = eventRange(scalars, date) else { continue }
            found.append(Found(range: range, date: date))
            searchFrom = range.upperBound
        }
        return found
    }

    private static func eventRange(_ scalars: Scalars, _ date: ReportCalendarDate) -> Range<Int>? {
        var start = date.range.lowerBound
        var isCutoff = false
        var clauseOpener = start
        if let prefix = HanTextScan.firstMatch(scalars, endingAt: start, in: includedPrefixes) {
            isCutoff = cutoffPrefixes.contains(prefix)
            start -= prefix.count
            clauseOpener = start
        } else if let prefix = HanTextScan.firstMatch(scalars, endingAt: start, in: excludedPrefixes) {
            clauseOpener = start - prefix.count
        }
        let opensClause = clauseOpener == 0 || HanTextScan.clauseEnds.contains(scalars[clauseOpener - 1])
            || HanTextScan.isWhitespace(scalars[clauseOpener - 1]) || scalars[clauseOpener - 1] == "、"

        var end = date.range.upperBound
        // 3月1日至3月31日 / 3月1日至5日: the range stays in the date phrase.
        if end < scalars.count, rangeMarks.contains(scalars[end]) {
            if let second = ReportDateParser.parse(scalars, at: end + 1) {
                end = second.range.upperBound
            } else if let day = dayOnly(scalars, at: end + 1) {
                end = day
            }
        }
        var marker: HanTextScan.Scalars?
        if let word = HanTextScan.firstMatch(scalars, at: end, in: markers) {
            marker = word
            end += word.count
        }
        guard end < scalars.count else { return nil }
        let next = scalars[end]
        if next == "，" || next == "," {
            // The date phrase is an adverbial: the action is the next clause.
            guard opensClause || isCutoff || marker != nil else { return nil }
            guard let actionEnd = clauseEnd(scalars, from: end + 1), actionEnd > end + 1 else { return nil }
            return start..<actionEnd
        }
        // 11月9日是全国消防日: a date that is defined, not an event.
        guard HanTextScan.isHan(next) || next == "“", next != "是", next != "为" else { return nil }
        let startsAction = HanTextScan.firstMatch(scalars, at: end, in: actionVerbs) != nil
        guard isCutoff || marker != nil || startsAction || opensClause else { return nil }
        guard let actionEnd = clauseEnd(scalars, from: end) else { return nil }
        return start..<actionEnd
    }

    /// The end of the clause starting at `from`, at most `maxActionLength` scalars on.
    private static func clauseEnd(_ scalars: Scalars, from: Int) -> Int? {
        guard from < scalars.count else { return nil }
        var end = from
        while end < scalars.count, end - from < maxActionLength, !HanTextScan.clauseEnds.contains(scalars[end]),
              !closingBrackets.contains(scalars[end]) {
            end += 1
        }
        return end
    }

    /// `5日` after a range mark.
    private static func dayOnly(_ scalars: Scalars, at index: Int) -> Int? {
        var end = index
        while end < scalars.count, HanTextScan.isASCIIDigit(scalars[end]), end - index < 2 { end += 1 }
        guard end > index, end < scalars.count, scalars[end] == "日" else { return nil }
        return end + 1
    }
}
