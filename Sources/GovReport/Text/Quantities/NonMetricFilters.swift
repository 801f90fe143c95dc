/// Why a number is not a metric (docs/metrics-guidelines.md, "Not a metric").
enum NonMetricReason: String, Sendable, Equatable {
    /// Inside 《…》, a quotation (“十四五”, “1+5+N”, “15分钟公共法律服务圈”) or a document number.
    case masked
    /// 2022-01-30, 2022.01.30, 十四五 and other runs that are not one number.
    case malformed
    /// 第八, 第3批.
    case ordinal
    /// Years, months, days, times of day, ages (2022年, 11月20日, 20219月).
    case date
    /// 1-12月, 2019—2021年, 3至5人.
    case range
    /// Hotline, phone, case and model numbers (12345热线, 110联动, 3.0系统, 5G).
    case code
    /// Outline markers (1、 1. (1)).
    case listMarker
    /// A duration or length that names something (24小时监控模式, 500米监测范围, 3日内办结).
    case fixedTerm
    /// A bare Chinese numeral below 十 (一名, 两类, 三项制度): optional by the guidelines, skipped here.
    case smallChineseCount
    /// A lone 十/百/千/万/亿 without 余/多 or a qualifier (千家万户, 十大成就, 百姓).
    case bareMagnitude
    /// No measure word and not at the end of a clause (二十大, 1310具体部署).
    case noUnit
    /// A penalty range quoted from a law (处5000元以上2万元以下罚款).
    case legalNorm
}

/// The rules that tell metrics from the other numbers of a report.
enum NonMetricFilters {
    // MARK: Zones where no number is a metric

    /// Marks the scalars inside 《…》 titles, short quotations and document numbers.
    static func maskedZones(_ text: ScalarText) -> [Bool] {
        var masked = [Bool](repeating: false, count: text.count)
        func mask(_ r: Range<Int>) {
            for k in max(0, r.lowerBound)..<min(text.count, r.upperBound) { masked[k] = true }
        }
        var i = 0
        while i < text.count {
            let c = text[i]!
            switch c {
            case "《":
                // Titles nest (《关于印发<…(2015-2020年)>的通知》); an unclosed one masks at most 80 scalars.
                // The close is looked for no further than a title can run, so that text run
                // together with many unclosed 《 stays linear.
                var depth = 0, k = i, end = min(text.count, i + 80)
                let limit = min(text.count, i + CitationExtractor.maxTitleScalars + 2)
                while k < limit {
                    if text[k] == "《" { depth += 1 }
                    if text[k] == "》" {
                        depth -= 1
                        if depth == 0 { end = k + 1; break }
                    }
                    k += 1
                }
                mask(i..<end)
                i = end
                continue
            case "“", "「", "‘", "\"":
                // A quotation names a programme, slogan or fixed term; long quoted speech is left alone.
                let close: Unicode.Scalar = c == "“" ? "”" : c == "「" ? "」" : c == "‘" ? "’" : "\""
                var k = i + 1
                while k < text.count, k - i <= 40, text[k] != close, !CharClass.isOneOf(text[k], "。；;\n") { k += 1 }
                if text[k] == close, k - i <= 40 {
                    mask(i..<(k + 1))
                    i = k + 1
                    continue
                }
            case "〔", "[", "［", "(", "（", "【":
                // Document numbers: 沪府办发〔2019〕20号, 闵民[2019]120号, 浙政办发(2021)3号.
                if let end = documentNumberEnd(text, bracketAt: i) {
                    var start = i
                    while start > 0, start > i - 10, CharClass.isHan(text[start - 1]) { start -= 1 }
                    mask(start..<end)
                    i = end
                    continue
                }
            default:
                break
            }
            i += 1
        }
        return masked
    }

    /// The end of `〔2019〕20号` when a year bracket at `i` opens a document number.
    static func documentNumberEnd(_ text: ScalarText, bracketAt i: Int) -> Int? {
        let closeFor: [Unicode.Scalar: Unicode.Scalar] = ["〔": "〕", "[": "]", "［": "］", "(": ")", "（": "）", "【": "】"]
        guard let open = text[i], let close = closeFor[open] else { return nil }
        guard (1...4).allSatisfy({ CharClass.isDigit(text[i + $0]) }), text[i + 5] == close else { return nil }
        var k = i + 6
        let numberStart = k
        while CharClass.isDigit(text[k]) { k += 1 }
        guard k > numberStart, text[k] == "号" else {
            // 〔2019〕 with no serial still names a document, not a quantity.
            return open == "〔" ? i + 6 : nil
        }
        return k + 1
    }

    // MARK: Rules for one number

    // Sets, not Strings: these are tested at every number of every report, and a set's lookup
    // is a bisection where a String's is a byte search.
    static let dateUnits = ScalarSet("年月日号时点岁秒")
    static let codeNeighbours = ScalarSet("-/:：#+·•×*_~～–—－=@")
    static let rangeConnectors = ScalarSet("-－~～–—")
    static let rangeConnectorsOrTo = rangeConnectors.union(toWords)
    static let yearOrMonth = ScalarSet("年月")
    static let toWords = ScalarSet("至到")
    static let listMarkerEnds = ScalarSet("、.．)）")
    static let listMarkerStarts = CharClass.clauseEnderSet.union(ScalarSet("(（"))
    static let numberEnders = ScalarSet("，,。；;！？!?")
    static let discourseWords = WordList("以下 如下 下列 上述")
    static let outlineNouns = WordList("方面")
    static let codeContext = WordList("电话 热线 号码 编号 代码 邮编 信箱 专线 手机 传真 微信号 账号 序号 文号 代号 版本 型号")
    /// After a duration or length, what may follow without turning it into a name (1800小时的, 90课时以上).
    static let measureFollowers = ScalarSet("的以左上余多之有，,。；;、）)！？")

    /// Nil when the token is a metric; otherwise why not.
    static func reason(for t: QuantityToken, in text: ScalarText, masked: [Bool]) -> NonMetricReason? {
        if masked[t.digitsRange.lowerBound] || masked[t.numberRange.lowerBound] { return .masked }
        if t.malformed { return .malformed }
        return positionReason(t, in: text)
            ?? (t.script == .arabic ? neighbourReason(t, in: text) : nil)
            ?? dateOrRangeReason(t, in: text)
            ?? (t.script == .chinese ? chineseReason(t) : nil)
            ?? (t.unitKind == .none ? noUnitReason(t, in: text) : nil)
            ?? (t.unitKind == .measure ? fixedTermReason(t, in: text) : nil)
    }

    /// What the words just before the number make of it: 第八, 满分100分, 以下3个方面, 前3名.
    static func positionReason(_ t: QuantityToken, in text: ScalarText) -> NonMetricReason? {
        let start = t.numberRange.lowerBound
        let before = text[start - 1]
        if before == "第" || (before == " " && text[start - 2] == "第") { return .ordinal }
        if text.matches(Array("满分".unicodeScalars), endingAt: start) { return .fixedTerm }
        if text.longestMatch(discourseWords, endingAt: start) != nil { return .listMarker }
        // 从4个方面入手: the outline of an argument, not a count of work.
        if text.longestMatch(outlineNouns, at: t.range.upperBound) != nil, t.unit == "个" { return .listMarker }
        if before == "前", CharClass.isOneOf(text[t.unitRange.lowerBound], "名位强"),
           !CharClass.isOneOf(text[start - 2], "提此之目当会年日") {
            return .ordinal
        }
        return nil
    }

    /// Digits glued to letters or code punctuation: 5G, H5, 3·15, 9:00, 0571-86001234, 1+5+N.
    static func neighbourReason(_ t: QuantityToken, in text: ScalarText) -> NonMetricReason? {
        let start = t.numberRange.lowerBound
        let before = text[start - 1]
        if CharClass.isASCIILetter(before) || CharClass.isDigit(before) || before == "." { return .code }
        if CharClass.isOneOf(before, rangeConnectors) {
            let earlier = text[start - 2]
            return CharClass.isDigit(earlier) || CharClass.isHan(earlier) ? .range : .code
        }
        if CharClass.isOneOf(before, codeNeighbours) { return .code }
        let next = text[t.digitsRange.upperBound]
        if CharClass.isASCIILetter(next) || CharClass.isOneOf(next, codeNeighbours) {
            return CharClass.isOneOf(next, rangeConnectors) ? .range : .code
        }
        return nil
    }

    /// Date parts (2022年1月29, 11月20日), ranges (3至5人, 1.5万—2万元, 5000元以上2万元以下) and penalty
    /// norms quoted from a law (处2万元以下罚款).
    static func dateOrRangeReason(_ t: QuantityToken, in text: ScalarText) -> NonMetricReason? {
        let start = t.numberRange.lowerBound
        let before = text[start - 1], earlier = text[start - 2]
        if CharClass.isOneOf(before, yearOrMonth), CharClass.isDigit(earlier) || ChineseNumerals.isNumeral(earlier) {
            return .date
        }
        if CharClass.isOneOf(before, toWords), CharClass.isDigit(earlier) { return .range }
        // The upper end of 罚款1000元至5000元: the lower end already carries its measure word.
        if CharClass.isOneOf(before, toWords), quantityEnds(in: text, at: start - 1) { return .range }
        let afterUnit = t.unitRange.upperBound
        if CharClass.isOneOf(text[afterUnit], rangeConnectorsOrTo), CharClass.isDigit(text[afterUnit + 1]) {
            return .range
        }
        let bounded = t.qualifier == .atLeast || t.qualifier == .atMost
        if bounded, t.range.upperBound > afterUnit,
           CharClass.isDigit(text[t.range.upperBound]) || ChineseNumerals.isNumeral(text[t.range.upperBound]) {
            return .range
        }
        if before == "上", earlier == "以", t.qualifier == .atMost { return .range }
        if t.unitKind == .money, bounded,
           text.matches(Array("罚款".unicodeScalars), at: t.range.upperBound)
            || text.matches(Array("的罚款".unicodeScalars), at: t.range.upperBound) {
            return .legalNorm
        }
        return nil
    }

    /// Whether a number with its measure word ends just before `end` (1000元, 1.5万元, 3个工作日).
    static func quantityEnds(in text: ScalarText, at end: Int) -> Bool {
        for length in 1...4 {
            let unitStart = end - length
            guard let unit = MeasureWords.unit(in: text, at: unitStart), unit.word.count == length else { continue }
            var k = unitStart - 1
            while k > 0, ChineseNumerals.isMagnitude(text[k]) || CharClass.isOneOf(text[k], "余多") { k -= 1 }
            if CharClass.isDigit(text[k]) { return true }
        }
        return false
    }

    /// Chinese numerals count only from 十 up, with a measure word or 余/多, and a lone magnitude
    /// only with 余/多 or a qualifier (千余次, 近万人).
    static func chineseReason(_ t: QuantityToken) -> NonMetricReason? {
        if t.value < 10 { return .smallChineseCount }
        if t.singleMagnitude && !t.approximate && !t.qualifiedBefore { return .bareMagnitude }
        if t.unitKind == .none && !t.approximate { return .noUnit }
        return nil
    }

    /// 24小时监控模式, 15分钟公共法律服务圈, 500米监测范围: the measure names a thing.
    /// 3个工作日内, 24小时内: a time limit, not a quantity of work.
    static func fixedTermReason(_ t: QuantityToken, in text: ScalarText) -> NonMetricReason? {
        guard t.range.upperBound == t.unitRange.upperBound, let next = text[t.range.upperBound],
              CharClass.isHan(next), !CharClass.isOneOf(next, measureFollowers) else { return nil }
        return .fixedTerm
    }

    /// A number with no measure word is a metric only where it ends a clause after a noun
    /// (有人民调解员60，); otherwise it is a year, a code or a name.
    static func noUnitReason(_ t: QuantityToken, in text: ScalarText) -> NonMetricReason? {
        let end = t.range.upperBound
        var next = text[end]
        if next == " " { next = text[end + 1] }
        if CharClass.isOneOf(next, dateUnits) { return .date }
        if CharClass.isOneOf(next, listMarkerEnds) {
            let b = text[t.numberRange.lowerBound - 1]
            if b == nil || CharClass.isSpace(b) || CharClass.isOneOf(b, listMarkerStarts) { return .listMarker }
        }
        guard next == nil || CharClass.isOneOf(next, numberEnders) else { return .noUnit }
        let before = text[t.range.lowerBound - 1]
        guard CharClass.isHan(before) else { return .noUnit }
        if text.longestMatch(codeContext, endingAt: t.range.lowerBound) != nil { return .code }
        let digitCount = t.digitsRange.count
        if t.script == .arabic && !t.decimal && !t.separated {
            if digitCount >= 7 { return .code }
            if digitCount == 4, (1900...2100).contains(Int(t.value)) { return .date }
        }
        return nil
    }
}
