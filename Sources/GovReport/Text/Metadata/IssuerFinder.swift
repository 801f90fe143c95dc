/// Finds the body that issued a report: from the title (广州市海珠区人民政府江南中街道办事处关于…的报告;
/// 清河区柳湾街道2023年法治政府建设情况报告; 2021年度新开铺街道法治政府建设情况报告), from the subject of
/// the opening sentence (…，兴泾镇人民政府坚持…), or from the signature (新开铺街道办事处).
enum IssuerFinder {
    typealias Scalars = HanTextScan.Scalars

    /// How the name of an issuing body ends. Administrative suffixes are checked by parsing the
    /// whole name as a place chain instead.
    private static let bodySuffixes = HanTextScan.words([
        "人民政府", "政府", "办事处", "管理委员会", "管委会", "委员会", "办公室", "局", "厅", "委", "院", "中心",
    ])
    private static let titleTopics = HanTextScan.words([
        "法治政府建设", "法治建设", "依法行政", "推进法治", "法治工作", "全面依法", "年度法治",
    ])
    /// What follows the subject of an opening sentence (翠苑街道在区委…; 兴泾镇人民政府坚持…).
    private static let subjectVerbs = HanTextScan.words([
        "坚持", "深入", "高度", "认真", "全面", "积极", "紧紧", "始终", "以", "在", "围绕", "按照", "持续",
        "不断", "着力", "切实", "大力", "严格", "进一步", "聚焦", "立足", "紧扣", "把", "将", "坚决", "扎实",
        "主动", "结合", "依法", "贯彻", "落实", "推进", "根据", "秉持", "紧密", "充分", "统筹", "精心",
        "强化", "加强", "全力", "牢固", "树立", "对标", "锚定", "紧跟", "深化", "努力", "始终坚持", "按",
    ])
    private static let leadingTimeWords = HanTextScan.words(["今年以来", "今年", "近年来", "一年来", "本年度", "全年"])

    static func fromTitle(_ title: String) -> String? {
        let scalars = HanTextScan.scalars(HanTextScan.trimmed(title))
        if let about = HanTextScan.occurrences(of: HanTextScan.scalars("关于"), in: scalars).first,
           let name = bodyName(scalars, 0..<about) {
            return name
        }
        if let token = ReportYearFinder.yearTokens(in: scalars).first {
            // 关于禾丰镇2023年度…的报告: the body stands between 关于 and the year.
            let lead = HanTextScan.matches(scalars, at: 0, HanTextScan.scalars("关于")) ? 2 : 0
            if let name = bodyName(scalars, lead..<token.range.lowerBound) { return name }
            var start = token.range.upperBound
            if start < scalars.count, scalars[start] == "度" { start += 1 }
            if let end = topicStart(scalars, from: start), let name = bodyName(scalars, start..<end) {
                return name
            }
            return nil
        }
        if let end = topicStart(scalars, from: 0) { return bodyName(scalars, 0..<end) }
        return nil
    }

    /// The subject of one of the first sentences of the opening paragraph, when it is a body
    /// followed by a verb.
    static func fromOpening(_ paragraph: String) -> String? {
        let scalars = HanTextScan.scalars(paragraph)
        var clauseStart = 0
        var sentences = 0
        for index in 0...scalars.count {
            let atEnd = index == scalars.count
            guard atEnd || HanTextScan.clauseEnds.contains(scalars[index]) else { continue }
            if let name = subject(scalars, clauseStart..<index) { return name }
            if atEnd { break }
            if HanTextScan.sentenceEnds.contains(scalars[index]) {
                sentences += 1
                if sentences == 3 { break }
            }
            clauseStart = index + 1
        }
        return nil
    }

    /// The body named in the signature lines (the line ending in 人民政府 or 办事处 preferred when
    /// a party committee and the government sign together).
    static func fromSignature(_ paragraphs: [String]) -> String? {
        var candidates: [String] = []
        for line in SignatureDateFinder.signatureLines(paragraphs) {
            let text = SignatureDateFinder.trailingDate(of: line)?.1 ?? line
            let parts = text.unicodeScalars.split(whereSeparator: HanTextScan.isWhitespace).map(HanTextScan.string)
            for part in parts.reversed() {
                let scalars = HanTextScan.scalars(part)
                if let name = bodyName(scalars, 0..<scalars.count) { candidates.append(name) }
            }
        }
        return candidates.first { $0.hasSuffix("人民政府") || $0.hasSuffix("办事处") } ?? candidates.first
    }

    /// `scalars[range]` (trimmed) when it is the name of a body: a place chain covering all of it
    /// (清河区柳湾街道, 兴泾镇人民政府), or Han name characters ending in a body suffix.
    static func bodyName(_ scalars: Scalars, _ range: Range<Int>) -> String? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, HanTextScan.isWhitespace(scalars[lower]) { lower += 1 }
        while upper > lower, HanTextScan.isWhitespace(scalars[upper - 1]) { upper -= 1 }
        let name = Array(scalars[lower..<upper])
        guard name.count >= 2, name.count <= 40 else { return nil }
        if let chain = PlaceParser.chain(in: name, at: 0), chain.bodyEnd == name.count {
            return HanTextScan.string(name)
        }
        let allNameChars = name.allSatisfy { HanTextScan.isHan($0) || HanTextScan.isWhitespace($0) }
        guard allNameChars, name.count >= 3,
              HanTextScan.firstMatch(name, endingAt: name.count, in: bodySuffixes) != nil else { return nil }
        // A body's name starts with a place or a proper name, not with a generic word (区政府 is not an issuer's full name).
        if let first = name.first, HanTextScan.set("区县市镇乡街各本我全该").contains(first), name.count <= 4 { return nil }
        return HanTextScan.string(name)
    }

    private static func topicStart(_ scalars: Scalars, from start: Int) -> Int? {
        guard start < scalars.count else { return nil }
        return (start..<scalars.count).first { HanTextScan.firstMatch(scalars, at: $0, in: titleTopics) != nil }
    }

    /// A clause that opens with a body's name followed by a verb: the name.
    private static func subject(_ scalars: Scalars, _ clause: Range<Int>) -> String? {
        var start = clause.lowerBound
        while start < clause.upperBound, HanTextScan.isWhitespace(scalars[start]) { start += 1 }
        // 2023年翠苑街道坚持… / 今年以来，…: skip a leading year or time word.
        if start + 5 <= clause.upperBound, (0..<4).allSatisfy({ HanTextScan.isASCIIDigit(scalars[start + $0]) }),
           scalars[start + 4] == "年" {
            start += 5
            if start < clause.upperBound, scalars[start] == "度" { start += 1 }
        }
        if let time = HanTextScan.firstMatch(scalars, at: start, in: leadingTimeWords) { start += time.count }
        let limit = min(clause.upperBound, start + 24)
        var end = start + 2
        while end < limit {
            let previous = scalars[end - 1]
            guard HanTextScan.isHan(previous), !NameBoundary.stopChars.contains(previous) else { return nil }
            if HanTextScan.firstMatch(scalars, at: end, in: subjectVerbs) != nil,
               let name = bodyName(scalars, start..<end) {
                return name
            }
            end += 1
        }
        return nil
    }
}
