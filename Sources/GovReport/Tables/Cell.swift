/// One typed value of a table. The type decides how the value is written (numbers exactly,
/// booleans as `true`/`false`) and whether spreadsheet-safety applies (only to text).
public enum Cell: Sendable, Equatable, Hashable {
    case text(String)
    case integer(Int)
    case number(Double)
    /// An ISO 8601 date (`2023-03-31`), or date-time for `datetime` columns.
    case date(String)
    case bool(Bool)
    /// A missing value, written as an empty field.
    case null

    /// `.null` for nil, `.integer` otherwise (optional ids, years).
    public init(_ value: Int?) {
        self = value.map(Cell.integer) ?? .null
    }

    /// `.null` for nil, `.number` otherwise.
    public init(_ value: Double?) {
        self = value.map(Cell.number) ?? .null
    }

    /// `.null` for an empty string (records use "" for "unknown"), `.date` otherwise.
    public static func date(orNull iso: String) -> Cell {
        iso.isEmpty ? .null : .date(iso)
    }

    /// True for values a spreadsheet must read as numbers: never prefixed, never quoted.
    public var isNumeric: Bool {
        switch self {
        case .integer, .number: return true
        default: return false
        }
    }

    /// True for `.null` and empty text, which `datapackage.json` declares as missing values.
    public var isMissing: Bool {
        switch self {
        case .null: return true
        case .text(let s), .date(let s): return s.isEmpty
        default: return false
        }
    }

    /// The value as it goes into a CSV field, before quoting and spreadsheet-safety.
    public var plainText: String {
        switch self {
        case .text(let s), .date(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return Cell.numberText(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        }
    }

    /// A `number` column's field: `plainDecimal` with a decimal point always (4000000 →
    /// `4000000.0`), so that DuckDB's and pandas' type sniffing read the column as a float even
    /// when every value in it happens to be whole (they would say BIGINT/int64 otherwise).
    public static func numberText(_ value: Double) -> String {
        let text = plainDecimal(value)
        guard value.isFinite, !text.utf8.contains(UInt8(ascii: ".")) else { return text }
        return text + ".0"
    }

    /// The shortest decimal that reads back as exactly `value`, without exponent:
    /// 4000000 → `4000000`, 1.5 → `1.5`, 1e21 → `1000000000000000000000`, 1e-7 → `0.0000001`.
    /// Non-finite values use the Frictionless spellings `NaN`, `INF`, `-INF`.
    ///
    /// Hand-written because Foundation has no shortest-round-trip formatter without exponents
    /// (NumberFormatter rounds to a fixed number of digits); Swift's `description` gives the
    /// shortest digits, and this only moves its decimal point.
    public static func plainDecimal(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        if value == 0 { return "0" }  // also -0, which no analyst wants to see
        // Whole values below 10^15 (most figures) print as their integer: what the rest gives
        // for them, without formatting and rescanning a description.
        if value.magnitude < 1e15, value == value.rounded(.towardZero) { return String(Int64(value)) }

        var text = value.magnitude.description  // "1.5", "4000000.0", "1e+21", "1.5e-07"
        let sign = value < 0 ? "-" : ""
        // Without an exponent the description is already the plain decimal, but for a ".0".
        if !text.utf8.contains(UInt8(ascii: "e")) {
            if text.hasSuffix(".0") { text.removeLast(2) }
            return sign + text
        }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!  // "+21" and "-07" both parse
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let digits = Array(parts[0] + (parts.count > 1 ? parts[1] : ""))
        // Position of the decimal point within `digits` once the exponent is applied.
        let point = parts[0].count + exponent

        var integerPart: String
        var fractionPart: String
        if point <= 0 {
            integerPart = "0"
            fractionPart = String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            integerPart = String(digits) + String(repeating: "0", count: point - digits.count)
            fractionPart = ""
        } else {
            integerPart = String(digits[..<point])
            fractionPart = String(digits[point...])
        }
        while integerPart.count > 1 && integerPart.hasPrefix("0") { integerPart.removeFirst() }
        while fractionPart.hasSuffix("0") { fractionPart.removeLast() }

        return fractionPart.isEmpty ? sign + integerPart : sign + integerPart + "." + fractionPart
    }
}

/// One table row: a cell per column, in the schema's column order. (Not `Row`, which is
/// GRDB's row type in the same library.)
public typealias TableRow = [Cell]
