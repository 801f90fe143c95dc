/// Reads an official document number (发文字号) at a position of a paragraph:
/// - issuer code, year in brackets, serial and 号: 沪府办发〔2019〕20号, 国发[2021]5号,
///   闵民(2019)120号, 京政办发【2020】第7号 — brackets 〔〕 [] ［］ 【】 () （） 〖〗, year 4 digits;
/// - an order number: 国务院令第713号, 上海市人民政府令第12号, 主席令第三十一号.
///
/// Hand-written rather than a regular expression because the caller needs Unicode-scalar offsets
/// and the code must be anchored to the position right after a 《…》 or its parenthesis.
enum DocumentNumberScanner {
    /// The number starting exactly at `start` and the offset just past it.
    static func match(_ scalars: [Unicode.Scalar], at start: Int) -> (number: String, end: Int)? {
        var codeEnd = start
        while codeEnd < scalars.count, codeEnd - start < maxCodeLength, CJKScalars.isHan(scalars[codeEnd]) {
            codeEnd += 1
        }
        guard codeEnd > start else { return nil }
        if let end = bracketedYearForm(scalars, codeEnd: codeEnd) {
            return (String(scalars: scalars[start..<end]), end)
        }
        if let end = orderForm(scalars, from: start, codeEnd: codeEnd) {
            return (String(scalars: scalars[start..<end]), end)
        }
        return nil
    }

    /// Issuer codes are short (国发, 沪府办发, 中共上海市闵行区委办公室); longer Han runs are prose.
    private static let maxCodeLength = 16
    private static let yearOpeners: ScalarSet = ["〔", "[", "［", "【", "(", "（", "〖"]
    private static let yearClosers: ScalarSet = ["〕", "]", "］", "】", ")", "）", "〗"]
    private static let numberMarks: ScalarSet = ["号", "號"]
    private static let chineseNumerals: ScalarSet = ["〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千"]

    /// 〔2019〕20号 after the issuer code; the end offset.
    private static func bracketedYearForm(_ scalars: [Unicode.Scalar], codeEnd: Int) -> Int? {
        var index = skipSpaces(scalars, codeEnd)
        guard index < scalars.count, yearOpeners.contains(scalars[index]) else { return nil }
        index = skipSpaces(scalars, index + 1)
        let yearEnd = skipDigits(scalars, index)
        guard yearEnd - index == 4 else { return nil }
        index = skipSpaces(scalars, yearEnd)
        guard index < scalars.count, yearClosers.contains(scalars[index]) else { return nil }
        index = skipSpaces(scalars, index + 1)
        if index < scalars.count, scalars[index] == "第" { index += 1 }
        let serialEnd = skipDigits(scalars, index)
        guard serialEnd > index, serialEnd - index <= 6, serialEnd < scalars.count,
              numberMarks.contains(scalars[serialEnd]) else { return nil }
        return serialEnd + 1
    }

    /// 国务院令第713号: the code's Han run swallows Chinese numerals and 号, so 令第 is looked
    /// for inside it.
    private static func orderForm(_ scalars: [Unicode.Scalar], from start: Int, codeEnd: Int) -> Int? {
        guard let di = (start + 1..<codeEnd).first(where: { scalars[$0] == "第" && scalars[$0 - 1] == "令" }) else {
            return nil
        }
        var index = di + 1
        let digitsEnd = skipDigits(scalars, index)
        if digitsEnd > index {
            index = digitsEnd
        } else {
            while index < scalars.count, chineseNumerals.contains(scalars[index]) { index += 1 }
            guard index > di + 1 else { return nil }
        }
        guard index < scalars.count, numberMarks.contains(scalars[index]) else { return nil }
        return index + 1
    }

    private static func skipDigits(_ scalars: [Unicode.Scalar], _ start: Int) -> Int {
        var index = start
        while index < scalars.count, CJKScalars.isDigit(scalars[index]) { index += 1 }
        return index
    }

    static func skipSpaces(_ scalars: [Unicode.Scalar], _ start: Int) -> Int {
        var index = start
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\u{3000}" { index += 1 }
        return index
    }
}
