/// How the number itself is written.
enum NumeralScript: Sendable, Equatable {
    case arabic       // 1,200  98.6  1.5万
    case chinese      // 一百二十三  千余  二十多
    case percentWords // 百分之五十七  百分之百
}

/// A number as written, with its magnitude, approximation mark, measure word and qualifier marks,
/// before the non-metric rules decide whether it is a metric.
struct QuantityToken: Sendable, Equatable {
    var value: Double
    var unit: String
    var unitKind: UnitKind
    var qualifier: Qualifier
    /// The quantity as it stands: qualifier marks, number, measure word (超过1800小时, 1万余份, 100%).
    var range: Range<Int>
    /// The digits or numerals alone (1 in 1万余份, 一百二十三, 五十七 in 百分之五十七).
    var digitsRange: Range<Int>
    /// Digits plus magnitude and 余/多, before the measure word (1万余 in 1万余份).
    var numberRange: Range<Int>
    /// The measure word's range, empty at `numberRange.upperBound` when there is none.
    var unitRange: Range<Int>
    var script: NumeralScript
    /// Written with 余 or 多 (1万余份, 20多场).
    var approximate: Bool
    /// A qualifier mark stands before the number (超过, 近, 不少于).
    var qualifiedBefore: Bool
    /// 2022.01.30, 1.2.3, or a run of Chinese numerals that is not a number (十四五, 二〇二三).
    var malformed: Bool
    /// A lone magnitude character (千 in 千余次, 万 in 万人).
    var singleMagnitude: Bool
    /// Written with a thousands separator or a decimal point.
    var separated: Bool
    var decimal: Bool
}

/// Finds every number in a paragraph and reads it: Arabic digits with separators and decimals,
/// Chinese numerals, magnitudes (万 ×10⁴, 亿 ×10⁸, 千, 百) folded into the value, 余/多, the measure
/// word (longest first), and qualifier marks before and after.
enum QuantityParser {
    static let percentWords: [Unicode.Scalar] = Array("百分之".unicodeScalars)

    /// All numbers outside the masked zones, in reading order.
    static func scan(_ text: ScalarText, masked: [Bool]) -> [QuantityToken] {
        var tokens: [QuantityToken] = []
        var i = 0
        while i < text.count {
            if masked[i] {
                i += 1
                continue
            }
            var token: QuantityToken?
            if text.matches(percentWords, at: i) {
                token = readPercentWords(text, at: i)
            } else if CharClass.isDigit(text[i]), !CharClass.isDigit(text[i - 1]) {
                token = readArabic(text, at: i)
            } else if ChineseNumerals.isNumeral(text[i]), !ChineseNumerals.isNumeral(text[i - 1]) {
                token = readChinese(text, at: i)
            }
            if let token {
                tokens.append(token)
                // Past the measure word too, so 个百分点 is not read again as 百.
                i = max(i + 1, token.numberRange.upperBound, token.unitRange.upperBound)
            } else {
                i += 1
            }
        }
        return tokens
    }

    // MARK: Numbers

    static func readArabic(_ text: ScalarText, at start: Int) -> QuantityToken {
        var j = start
        var digits = ""
        while let c = text[j], CharClass.isDigit(c) {
            digits.unicodeScalars.append(c)
            j += 1
        }
        var separated = false
        // Thousands separators (1,200 / 1，200): a group of three digits that is followed by a magnitude,
        // 余/多 or a measure word; otherwise the comma is the clause break of 调解员60，120人参加….
        while CharClass.isOneOf(text[j], ",，"), separated || digits.count <= 3,
              (1...3).allSatisfy({ CharClass.isDigit(text[j + $0]) }), !CharClass.isDigit(text[j + 4]),
              continuesNumber(text, at: j + 4) {
            for k in 1...3 { digits.unicodeScalars.append(text[j + k]!) }
            j += 4
            separated = true
        }
        var decimal = false
        var malformed = false
        if text[j] == ".", CharClass.isDigit(text[j + 1]) {
            decimal = true
            digits += "."
            j += 1
            while let c = text[j], CharClass.isDigit(c) {
                digits.unicodeScalars.append(c)
                j += 1
            }
            // 2022.01.30, 1.2.3: a date or a version, not a number.
            while text[j] == ".", CharClass.isDigit(text[j + 1]) {
                malformed = true
                j += 1
                while CharClass.isDigit(text[j]) { j += 1 }
            }
        }
        var token = readTail(text, digitsRange: start..<j, script: .arabic) { exponent in
            Double(digits + "e" + String(exponent)) ?? 0
        }
        token.separated = separated
        token.decimal = decimal
        token.malformed = token.malformed || malformed
        return token
    }

    static func readChinese(_ text: ScalarText, at start: Int) -> QuantityToken {
        var j = start
        while ChineseNumerals.isNumeral(text[j]) { j += 1 }
        let run = text.scalars[start..<j]
        let base = ChineseNumerals.value(of: run)
        var token = readTail(text, digitsRange: start..<j, script: .chinese) { exponent in
            (base ?? 0) * pow10(exponent)
        }
        token.malformed = base == nil
        token.singleMagnitude = run.count == 1 && ChineseNumerals.isMagnitude(run.first)
        // 上千人, 上万人: "as many as" a lone magnitude.
        if token.singleMagnitude, !token.qualifiedBefore, text[start - 1] == "上", text[start - 2] != "以" {
            token.qualifiedBefore = true
            token.range = (start - 1)..<token.range.upperBound
            if !token.approximate { token.qualifier = .atLeast }
        }
        return token
    }

    /// 百分之五十七, 百分之百, 百分之九十五点五, 百分之57.
    static func readPercentWords(_ text: ScalarText, at start: Int) -> QuantityToken? {
        let numStart = start + percentWords.count
        var j = numStart
        var value: Double?
        if CharClass.isDigit(text[j]) {
            var digits = ""
            while let c = text[j], CharClass.isDigit(c) || (c == "." && CharClass.isDigit(text[j + 1])) {
                digits.unicodeScalars.append(c)
                j += 1
            }
            value = Double(digits)
        } else {
            while ChineseNumerals.isNumeral(text[j]) { j += 1 }
            if var whole = ChineseNumerals.value(of: text.scalars[numStart..<j]) {
                if text[j] == "点" {
                    var k = j + 1
                    while ChineseNumerals.digitValues[text[k] ?? " "] != nil { k += 1 }
                    if let frac = ChineseNumerals.decimalDigits(of: text.scalars[(j + 1)..<k]),
                       let v = Double(String(Int(whole)) + "." + frac) {
                        whole = v
                        j = k
                    }
                }
                value = whole
            }
        }
        guard let value, j > numStart else { return nil }
        let pre = QualifierMarks.before(in: text, endingAt: start)
        let post = QualifierMarks.after(in: text, at: j)
        return QuantityToken(
            value: value, unit: "%", unitKind: .ratio,
            qualifier: post?.qualifier ?? pre?.qualifier ?? .exact,
            range: (pre?.range.lowerBound ?? start)..<(post?.range.upperBound ?? j),
            digitsRange: numStart..<j, numberRange: start..<j, unitRange: j..<j, script: .percentWords,
            approximate: false, qualifiedBefore: pre != nil, malformed: false, singleMagnitude: false,
            separated: false, decimal: false)
    }

    // MARK: Magnitude, 余/多, measure word, qualifiers

    /// Reads what follows the digits: [余|多] magnitudes [余|多] [space] measure-word [以上|左右…],
    /// and the qualifier mark before the digits. `value` turns the magnitude exponent into the value.
    static func readTail(_ text: ScalarText, digitsRange: Range<Int>, script: NumeralScript,
                         value: (Int) -> Double) -> QuantityToken {
        var k = digitsRange.upperBound
        var exponent = 0
        var approximate = false
        func takeApproximation() {
            guard !approximate, let c = text[k], c == "余" || c == "多" else { return }
            // 多 must end the number (20多场, 100多万): in 3多部门 it starts a word.
            if c == "多", let next = text[k + 1], CharClass.isHan(next), !ChineseNumerals.isMagnitude(next),
               MeasureWords.unit(in: text, at: k + 1) == nil, QualifierMarks.after(in: text, at: k + 1) == nil {
                return
            }
            approximate = true
            k += 1
        }
        takeApproximation()
        while let c = text[k], let e = ChineseNumerals.magnitudeExponents[c],
              !(script == .arabic && c == "十"), !(script == .chinese && !approximate) {
            // 千米, 千克 and 百分点 are measure words, not magnitudes.
            if let u = MeasureWords.unit(in: text, at: k), u.word.count >= 2 { break }
            exponent += e
            k += 1
        }
        takeApproximation()
        let numberEnd = k
        var unitStart = numberEnd
        if text[unitStart] == " ", MeasureWords.unit(in: text, at: unitStart + 1) != nil { unitStart += 1 }
        let unit = MeasureWords.unit(in: text, at: unitStart)
        let unitRange = unit.map { unitStart..<(unitStart + $0.word.count) } ?? numberEnd..<numberEnd
        let post = QualifierMarks.after(in: text, at: unitRange.upperBound)
        let pre = QualifierMarks.before(in: text, endingAt: digitsRange.lowerBound)
        let detached = pre == nil ? QualifierMarks.detached(in: text, endingAt: digitsRange.lowerBound) : nil
        let qualifier: Qualifier = approximate ? .moreThan : (pre?.qualifier ?? detached ?? post?.qualifier ?? .exact)
        return QuantityToken(
            value: value(exponent),
            unit: unit.map { String(scalars: $0.word) } ?? "",
            unitKind: unit?.kind ?? .none,
            qualifier: qualifier,
            range: (pre?.range.lowerBound ?? digitsRange.lowerBound)..<(post?.range.upperBound ?? unitRange.upperBound),
            digitsRange: digitsRange, numberRange: digitsRange.lowerBound..<numberEnd, unitRange: unitRange,
            script: script, approximate: approximate, qualifiedBefore: pre != nil, malformed: false,
            singleMagnitude: false, separated: false, decimal: false)
    }

    /// Whether a number goes on at `i` (a magnitude, 余/多 or a measure word), which is what tells
    /// a thousands separator from a clause break.
    static func continuesNumber(_ text: ScalarText, at i: Int) -> Bool {
        guard let c = text[i] else { return false }
        if ChineseNumerals.isMagnitude(c) || c == "余" || c == "多" { return true }
        if c == ".", CharClass.isDigit(text[i + 1]) {
            var k = i + 1
            while CharClass.isDigit(text[k]) { k += 1 }
            return continuesNumber(text, at: k)
        }
        guard let unit = MeasureWords.unit(in: text, at: i) else { return false }
        return unit.kind != .ratio
    }

    static func pow10(_ exponent: Int) -> Double {
        var v = 1.0
        for _ in 0..<max(0, exponent) { v *= 10 }
        return v
    }
}
