import Foundation

/// Reading the metadata lines of a report page: publish date, issuer, breadcrumb, the
/// site-name suffix of a <title>, and whether a line looks like a report title.
/// Pure text functions: they know nothing of HTML.
enum PageMetadata {
    static let dateLabels = [
        "发布时间", "发布日期", "發布時間", "發佈時間", "發布日期", "发布于", "發布於", "成文日期",
        "发文日期", "更新时间", "更新日期", "日期", "时间", "時間",
    ]
    static let issuerLabels = [
        "信息来源", "文章来源", "稿件来源", "信息來源", "文章來源", "发布机构", "發布機構", "发文机关",
        "發文機關", "发布单位", "發布單位", "来源", "來源",
    ]
    /// Where an issuer value ends: the next label on the same line.
    static let issuerStops = [
        "作者", "字体", "字體", "字号", "字號", "浏览", "瀏覽", "阅读", "閱讀", "点击", "點擊", "访问",
        "訪問", "发布时间", "發布時間", "发布日期", "發布日期", "日期", "时间", "時間", "责任编辑",
        "責任編輯", "编辑", "編輯", "分享", "打印", "【", "[", "〔", "|", "｜", "丨",
    ]
    static let breadcrumbLabels = [
        "您现在所在的位置", "您现在的位置", "您当前的位置", "您当前位置", "您的位置", "当前的位置",
        "当前位置", "所在位置", "您現在的位置", "您當前的位置", "當前位置", "當前的位置",
    ]
    static let homeWords = ["网站首页", "網站首頁", "首页", "首頁", "主页", "主頁"]
    static let breadcrumbSeparators: ScalarSet = [">", "＞", "»", "›", "→", "/", "／", "〉"]
    static let titleSeparators: ScalarSet = ["_", "|", "｜", "-", "－", "–", "—", "丨"]
    static let siteSuffixes = [
        "人民政府", "政府", "网站", "门户网站", "门户", "政府网", "官网", "网", "平台", "網站", "門戶網站",
        "門戶", "網", "政府網",
    ]
    static let reportWords = ["报告", "情况", "总结", "报吿", "報告", "情況", "總結", "工作要点", "工作要點"]

    // MARK: labels
    // Lines are searched as arrays of scalars: Foundation's range(of:) bridges every call and
    // costs more than the whole rest of the stage on a long page.

    typealias Scalars = [Unicode.Scalar]
    static let dateLabelScalars = dateLabels.map { Scalars($0.unicodeScalars) }
    static let issuerLabelScalars = issuerLabels.map { Scalars($0.unicodeScalars) }
    static let issuerStopScalars = issuerStops.map { Scalars($0.unicodeScalars) }
    static let breadcrumbLabelScalars = breadcrumbLabels.map { Scalars($0.unicodeScalars) }

    /// Where `needle` first occurs in `hay` at or after `from`.
    static func find(_ needle: Scalars, in hay: Scalars, from: Int = 0, before end: Int? = nil) -> Int? {
        let limit = (end ?? hay.count) - needle.count
        guard let first = needle.first, from <= limit else { return nil }
        var k = from
        outer: while k <= limit {
            if hay[k] == first {
                for j in 1..<needle.count where hay[k + j] != needle[j] { k += 1; continue outer }
                return k
            }
            k += 1
        }
        return nil
    }

    /// Where the value after `label` and its colon starts, where `label` stands as a label: at
    /// the start of the line or after a non-ideograph ("发布时间：… 来源：…"), not inside a
    /// word ("经费来源：").
    static func valueAfterLabel(_ label: Scalars, in line: Scalars, colonRequired: Bool) -> Int? {
        var from = 0
        while let at = find(label, in: line, from: from) {
            from = at + 1
            if at > 0, isIdeograph(line[at - 1]) { continue }
            var k = at + label.count
            while k < line.count, InlineText.isSpace(line[k]) { k += 1 }
            if k < line.count, line[k] == ":" || line[k] == "：" {
                k += 1
                while k < line.count, InlineText.isSpace(line[k]) { k += 1 }
            } else if colonRequired {
                continue
            }
            return k
        }
        return nil
    }

    /// The date after a 发布时间/发布日期/日期/时间 label, as ISO `yyyy-mm-dd`.
    static func labeledDate(in line: String) -> String? {
        // A date needs digits: most lines have none and are passed over by their bytes.
        guard hasDigit(line) else { return nil }
        let scalars = line.scalarArray
        for label in dateLabelScalars {
            if let value = valueAfterLabel(label, in: scalars, colonRequired: false),
               let date = DateParsing.isoDate(in: scalars, at: value) {
                return date
            }
        }
        return nil
    }

    /// The issuer after a 来源/发布机构/信息来源/发文机关 label, up to the next label.
    static func labeledIssuer(in line: String) -> String? {
        // Every issuer label needs its colon: most lines have none and are passed over.
        guard InlineText.containsMark(line, ":") else { return nil }
        let scalars = line.scalarArray
        for label in issuerLabelScalars {
            guard let start = valueAfterLabel(label, in: scalars, colonRequired: true) else { continue }
            var end = scalars.count
            for stop in issuerStopScalars {
                if let at = find(stop, in: scalars, from: start, before: end) { end = at }
            }
            // A date right after the issuer ("来源：某局 2024-01-26") is not part of it.
            if let digit = scalars[start..<end].firstIndex(where: { DateParsing.digit($0) != nil }),
               DateParsing.isoDate(in: scalars, at: digit) != nil {
                end = digit
            }
            let issuer = trimmed(scalars[start..<end])
            if !issuer.isEmpty, issuer.count <= 60 { return issuer }
        }
        return nil
    }

    /// Breadcrumb items if `line` is a breadcrumb: "当前位置：首页 > 政务公开 > …" or a chain
    /// starting with 首页 and holding a separator. A labelled line may give a single item when
    /// the page drew its separators as images.
    static func breadcrumb(in line: String) -> [String]? {
        // The labels need their colon: lines without one (most) skip the label searches, and
        // decode their scalars only when they start with a home word.
        var scalars: Scalars = []
        var chainStart: Int? = nil
        if InlineText.containsMark(line, ":") {
            scalars = line.scalarArray
            for label in breadcrumbLabelScalars {
                if let value = valueAfterLabel(label, in: scalars, colonRequired: true) { chainStart = value; break }
            }
            if chainStart == nil, hasPrefix(line, "位置") {
                chainStart = valueAfterLabel(Scalars("位置".unicodeScalars), in: scalars, colonRequired: true)
            }
        }
        if chainStart == nil, let home = homeWords.first(where: { hasPrefix(line, $0) }) {
            if scalars.isEmpty { scalars = line.scalarArray }
            var k = home.unicodeScalars.count
            while k < scalars.count, InlineText.isSpace(scalars[k]) { k += 1 }
            if k < scalars.count, breadcrumbSeparators.contains(scalars[k]) { chainStart = 0 }
        }
        guard let chainStart else { return nil }
        return splitBreadcrumb(scalars[chainStart...])
    }

    /// "首页 > 政务公开 » 规划计划" → items, trimmed, empty ones dropped.
    static func splitBreadcrumb<C: Collection<Unicode.Scalar>>(_ chain: C) -> [String] {
        var items: [String] = []
        var current: [Unicode.Scalar] = []
        for scalar in chain {
            if breadcrumbSeparators.contains(scalar) {
                items.append(trimmed(current[...]))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(scalar)
            }
        }
        items.append(trimmed(current[...]))
        return items.filter { !$0.isEmpty }
    }

    static func splitBreadcrumb(_ chain: String) -> [String] { splitBreadcrumb(chain.unicodeScalars) }

    // MARK: titles

    /// Splits a <title> into the article part and the site part: "报告标题_栏目_某区人民政府"
    /// gives ("报告标题", "某区人民政府"). The site part is the end segment that reads like a
    /// site name (else the end opposite the longest segment); the article part the longest of
    /// the others. A hyphen between digits ("2021-2025年") and a doubled dash ("——") do not split.
    static func splitTitle(_ title: String) -> (article: String, site: String) {
        let scalars = title.scalarArray
        var segments: [String] = []
        var current: [Unicode.Scalar] = []
        for (k, s) in scalars.enumerated() {
            var splits = titleSeparators.contains(s)
            if splits, s == "-" || s == "－", k > 0, k + 1 < scalars.count,
               DateParsing.digit(scalars[k - 1]) != nil || isASCIILetter(scalars[k - 1]),
               DateParsing.digit(scalars[k + 1]) != nil || isASCIILetter(scalars[k + 1]) {
                splits = false
            }
            if splits, s == "—", (k > 0 && scalars[k - 1] == "—") || (k + 1 < scalars.count && scalars[k + 1] == "—") {
                splits = false
            }
            if splits {
                segments.append(String(scalars: current))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(s)
            }
        }
        segments.append(String(scalars: current))
        segments = segments.map { InlineText.collapse($0, markupBreaks: false) }.filter { !$0.isEmpty }
        guard let last = segments.last else { return ("", "") }
        if segments.count == 1 { return looksLikeSiteName(last) ? ("", last) : (last, "") }
        let siteIndex: Int
        if looksLikeSiteName(last) {
            siteIndex = segments.count - 1
        } else if looksLikeSiteName(segments[0]) {
            siteIndex = 0
        } else {
            // No end reads like a site: the longest segment is the article, the other end the site.
            let longest = segments.indices.max { segments[$0].count < segments[$1].count }!
            siteIndex = longest == segments.count - 1 ? 0 : segments.count - 1
        }
        let others = segments.enumerated().filter { $0.offset != siteIndex }.map(\.element)
        let article = others.max { $0.count < $1.count } ?? ""
        return (article, segments[siteIndex])
    }

    static func looksLikeSiteName(_ text: String) -> Bool {
        InlineText.contains(text.lowercased(), "www.") || siteSuffixes.contains { text.hasSuffix($0) }
    }

    /// A plain-text line that reads like the report's title: short, names a report (报告,
    /// 情况, 总结), no outline marker, no sentence or clause punctuation at its end.
    static func looksLikeReportTitle(_ line: String) -> Bool {
        let count = line.count
        guard count >= 6, count <= 60, reportWords.contains(where: { InlineText.contains(line, $0) }) else { return false }
        return looksLikeHeadline(line)
    }

    /// A line that could be a headline: not a sentence, not a section heading.
    static func looksLikeHeadline(_ line: String) -> Bool {
        guard line.count <= 80, !startsWithOutlineMarker(line) else { return false }
        if hasComma(line) { return false }
        guard let last = line.unicodeScalars.last else { return false }
        return !"。：:；;！!".unicodeScalars.contains(last)
    }

    /// 一、 / （一） / 1. / 1、 / 一是 at the start of a line.
    static func startsWithOutlineMarker(_ line: String) -> Bool {
        // The first scalar settles most lines, and the first eight are decoded from the bytes:
        // Array(unicodeScalars.prefix(8)) made this 12.7 M instructions in 4,267 calls.
        guard let first = line.unicodeScalars.first,
              first == "（" || first == "(" || isChineseNumeral(first) || DateParsing.digit(first) != nil else { return false }
        let s = UTF8Scalars.withBytes(line) { bytes in
            var s: [Unicode.Scalar] = []
            s.reserveCapacity(8)
            var i = 0
            while i < bytes.count, s.count < 8 { s.append(UTF8Scalars.decode(bytes, &i)) }
            return s
        }
        var k = 0
        if first == "（" || first == "(" {
            k = 1
            let start = k
            while k < s.count, isChineseNumeral(s[k]) || DateParsing.digit(s[k]) != nil { k += 1 }
            return k > start && k < s.count && (s[k] == "）" || s[k] == ")")
        }
        if isChineseNumeral(first) {
            while k < s.count, isChineseNumeral(s[k]) { k += 1 }
            return k < s.count && (s[k] == "、" || s[k] == "是" || s[k] == "．" || s[k] == ".")
        }
        if DateParsing.digit(first) != nil {
            while k < s.count, DateParsing.digit(s[k]) != nil { k += 1 }
            guard k <= 2, k < s.count else { return false }
            // "1." but not "2024." (a year) and not "1.5万" (a decimal)
            if s[k] == "、" || s[k] == "．" { return true }
            if s[k] == "." { return k + 1 >= s.count || DateParsing.digit(s[k + 1]) == nil }
        }
        return false
    }

    /// Dice coefficient of the character bigrams of two strings (spaces ignored).
    static func similarity(_ a: String, _ b: String) -> Double {
        // Sets of two-Character Strings cost 45 M instructions in 336 calls (each bigram a
        // String, hashed after normalisation). When both texts are made only of scalars that
        // are each a Character of their own and equal only to themselves (`isPlainScalar`), a
        // bigram is a pair of scalar values, and the same sets are counted as sorted numbers.
        if let x = plainBigrams(a), let y = plainBigrams(b) {
            guard !x.isEmpty, !y.isEmpty else { return 0 }
            var common = 0, i = 0, j = 0
            while i < x.count, j < y.count {
                if x[i] == y[j] { common += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
            }
            return 2 * Double(common) / Double(x.count + y.count)
        }
        return similarityByCharacters(a, b)
    }

    /// The distinct bigrams of `text` without its white space, as sorted pairs of scalar
    /// values (a text of one Character gives that one with an impossible second value), or
    /// nil when a scalar other than white space is not `isPlainScalar`.
    static func plainBigrams(_ text: String) -> [UInt64]? {
        UTF8Scalars.withBytes(text) { bytes -> [UInt64]? in
            var pairs: [UInt64] = []
            var previous: UInt32? = nil
            var i = 0
            while i < bytes.count {
                let scalar = UTF8Scalars.decode(bytes, &i)
                // White space scalars are whole Characters here (an extending mark after one
                // would not be plain), and a Character's isWhitespace is its scalar's.
                if scalar.isWhiteSpace { continue }
                guard isPlainScalar(scalar) else { return nil }
                if let previous { pairs.append(UInt64(previous) << 32 | UInt64(scalar.value)) }
                previous = scalar.value
            }
            if pairs.isEmpty, let previous { return [UInt64(previous) << 32 | 0xFFFF_FFFF] }
            pairs.sort()
            var distinct = 0
            for k in pairs.indices where k == 0 || pairs[k] != pairs[k - 1] {
                pairs[distinct] = pairs[k]
                distinct += 1
            }
            pairs.removeLast(pairs.count - distinct)
            return pairs
        }
    }

    /// Scalars that are always a Character of their own (no joining or extending either way)
    /// and canonically equivalent to nothing else, alone or beside one another (in NFC, with
    /// combining class 0, composing with nothing): printable ASCII, CJK ideographs, CJK and
    /// general punctuation, full-width forms. A string of them is equal to another only byte
    /// for byte. A test checks the properties for every scalar of these ranges.
    @inline(__always)
    static func isPlainScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x21...0x7E, 0xB7, 0x2010...0x2027, 0x3001...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60:
            return true
        default:
            return false
        }
    }

    /// `similarity` over Characters: sets of two-Character strings.
    static func similarityByCharacters(_ a: String, _ b: String) -> Double {
        func bigrams(_ text: String) -> Set<String> {
            let chars = Array(text.filter { !$0.isWhitespace })
            guard chars.count >= 2 else { return chars.isEmpty ? [] : [String(chars)] }
            return Set((0..<(chars.count - 1)).map { String(chars[$0...$0 + 1]) })
        }
        let x = bigrams(a), y = bigrams(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return 2 * Double(x.intersection(y).count) / Double(x.count + y.count)
    }

    // MARK: helpers

    /// Punctuation around labels and values: colons, bars, brackets, commas.
    static let edgePunctuation = ScalarSet(":：|｜丨,，;；、】[]【〕〔()（）")

    /// The scalars as a string without spaces and label punctuation at either end.
    static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        let drop: (Unicode.Scalar) -> Bool = { InlineText.isSpace($0) || edgePunctuation.contains($0) }
        guard let first = scalars.firstIndex(where: { !drop($0) }),
              let last = scalars.lastIndex(where: { !drop($0) }) else { return "" }
        return String(scalars: scalars[first...last])
    }

    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    static func isChineseNumeral(_ s: Unicode.Scalar) -> Bool {
        chineseNumerals.contains(s)
    }

    private static let chineseNumerals = ScalarSet("一二三四五六七八九十百零〇两")

    /// `line.hasPrefix(prefix)` for a prefix of plain scalars (`isPlainScalar`), by bytes when
    /// the line's scalars up to the prefix's length (and the one after) are plain or white
    /// space: then a plain one is a Character of its own, equal to another only byte for byte,
    /// and a Character that starts with white space equals no plain one (nor do the bytes).
    /// String.hasPrefix compares Characters and cost 8.5 M instructions in 7,204 calls from
    /// `breadcrumb`.
    static func hasPrefix(_ line: String, _ prefix: String) -> Bool {
        assert(prefix.unicodeScalars.allSatisfy(isPlainScalar), "hasPrefix: \(prefix) is not plain")
        let byBytes = UTF8Scalars.withBytes(line) { bytes in
            UTF8Scalars.withBytes(prefix) { wanted -> Bool? in
                var i = 0
                while i <= wanted.count, i < bytes.count {
                    let scalar = UTF8Scalars.decode(bytes, &i)
                    guard isPlainScalar(scalar) || scalar.isWhiteSpace else { return nil }
                }
                return bytes.count >= wanted.count && UnsafeBufferPointer(rebasing: bytes[..<wanted.count]).elementsEqual(wanted)
            }
        }
        return byBytes ?? line.hasPrefix(prefix)
    }

    /// Whether the line holds the Character "，" or ",". Searching the Characters (grapheme
    /// breaking over the whole line) cost about 19k instructions a line, so the scalars are
    /// read first: neither comma has a canonical equivalent, so a line without one holds
    /// neither Character, and a comma between plain scalars or white space (or at an end of
    /// the line) is a Character of its own. Only a comma beside anything else (a combining mark
    /// that may extend it) is left to the Character search.
    static func hasComma(_ line: String) -> Bool {
        guard InlineText.containsMark(line, ",") else { return false }
        // true: a comma stands alone; false: there is none; nil: only Characters can tell.
        let found = UTF8Scalars.withBytes(line) { bytes -> Bool? in
            func standsAlone(_ s: Unicode.Scalar?) -> Bool { s.map { isPlainScalar($0) || $0.isWhiteSpace } ?? true }
            var undecided = false
            var previous: Unicode.Scalar? = nil
            var i = 0
            while i < bytes.count {
                let scalar = UTF8Scalars.decode(bytes, &i)
                if scalar == "，" || scalar == "," {
                    var j = i
                    let next = j < bytes.count ? UTF8Scalars.decode(bytes, &j) : nil
                    if standsAlone(previous), standsAlone(next) { return true }
                    undecided = true
                }
                previous = scalar
            }
            return undecided ? nil : false
        }
        return found ?? (line.contains("，" as Character) || line.contains("," as Character))
    }

    /// Whether an ASCII or full-width digit (U+FF10–U+FF19) occurs, by UTF-8 bytes.
    static func hasDigit(_ line: String) -> Bool {
        UTF8Scalars.withBytes(line) { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte >= 0x30 && byte <= 0x39 { return true }
                if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBC, bytes[i + 2] >= 0x90 && bytes[i + 2] <= 0x99 {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value)
    }

}
