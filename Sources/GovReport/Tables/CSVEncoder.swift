import Foundation

/// Writes rows as RFC 4180 CSV: comma-separated, `\n` line ends, fields quoted with `"` when
/// they hold a comma, quote, CR or LF or begin or end with whitespace, quotes doubled inside.
///
/// Hand-written: Foundation has no CSV writer, and these few rules are the whole format.
public struct CSVEncoder: Sendable, Equatable {
    public struct Options: Sendable, Equatable {
        /// Prefix `'` to text cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
        /// tab, CR at the start). Numbers, dates and booleans are never changed.
        public var spreadsheetSafe: Bool
        /// Start the output with a UTF-8 byte order mark, which Excel needs to see UTF-8.
        public var excelBOM: Bool

        public init(spreadsheetSafe: Bool = true, excelBOM: Bool = false) {
            self.spreadsheetSafe = spreadsheetSafe
            self.excelBOM = excelBOM
        }
    }

    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// Leading characters that make Excel, LibreOffice or Sheets evaluate a cell (CSV injection).
    /// Scalars, not Characters, so that a leading "\r\n" counts as CR.
    /// ASCII only (the check in `appendField` reads one byte).
    static let formulaStarts: ScalarSet = ["=", "+", "-", "@", "\t", "\r"]

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// What goes before the header: the byte order mark, if asked for.
    public var preamble: [UInt8] {
        options.excelBOM ? CSVEncoder.byteOrderMark : []
    }

    /// The header line, with its line end.
    public func headerLine(_ names: [String]) -> String {
        names.map(quoted).joined(separator: ",") + "\n"
    }

    /// One row, with its line end.
    public func line(_ row: TableRow) -> String {
        var bytes: [UInt8] = []
        appendLine(row, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one row, with its line end, as UTF-8. The writers stream bytes: building each
    /// line as a String and copying it out cost a String append per cell and a copy per line.
    public func appendLine(_ row: TableRow, to bytes: inout [UInt8]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(cell, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// One cell as it stands between the commas.
    public func field(_ cell: Cell) -> String {
        var bytes: [UInt8] = []
        appendField(cell, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendField(_ cell: Cell, to bytes: inout [UInt8]) {
        // An integer is its digits, which need no quotes and no guard: written straight into the
        // line, without the String that `plainText` makes (ids and offsets are most of the
        // cells of a table).
        if case .integer(let value) = cell {
            Self.appendDecimal(value, to: &bytes)
            return
        }
        let text = cell.plainText
        var guarded = false
        // The marks are ASCII, so the first byte tells (a multi-byte scalar's lead byte is not
        // ASCII), without decoding a scalar for every text cell written.
        if options.spreadsheetSafe, case .text = cell, let first = text.utf8.first, first < 0x80,
           CSVEncoder.formulaStarts.contains(Unicode.Scalar(first)) {
            guarded = true
        }
        // A guarded cell starts with the `'`, so its own first character no longer matters.
        Self.appendQuoted(text, prefix: guarded ? UInt8(ascii: "'") : nil, to: &bytes)
    }

    /// A whole table in memory (small tables, tests); the writer streams line by line instead.
    public func encode(header: [String], rows: [TableRow]) -> [UInt8] {
        var bytes = preamble
        bytes.append(contentsOf: headerLine(header).utf8)
        for row in rows {
            appendLine(row, to: &bytes)
        }
        return bytes
    }

    func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        Self.appendQuoted(text, prefix: nil, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `prefix` + `text`, in quotes with quotes doubled when the field needs them. One pass over
    /// the contiguous bytes decides and copies: the UTF8View's own `contains` and `append` walk
    /// index by index at several times the cost, and most cells need no quotes.
    private static func appendQuoted(_ text: String, prefix: UInt8?, to bytes: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        var contiguous = text
        contiguous.withUTF8 { utf8 in
            guard needsQuotes(utf8, of: text, leadingChecked: prefix == nil) else {
                if let prefix { bytes.append(prefix) }
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(quote)
            if let prefix { bytes.append(prefix) }
            for byte in utf8 {
                if byte == quote { bytes.append(quote) }
                bytes.append(byte)
            }
            bytes.append(quote)
        }
    }

    /// `value` in decimal, as `String(value)` writes it.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Whether `text` (whose UTF-8 is `utf8`) must be quoted. Bytes, not Characters: "\r\n" is
    /// one Character and would not equal "\n"; the four special bytes are ASCII, and no byte of a
    /// multi-byte UTF-8 sequence is ASCII.
    private static func needsQuotes(_ utf8: UnsafeBufferPointer<UInt8>, of text: String, leadingChecked: Bool) -> Bool {
        if utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) { return true }
        guard let first = utf8.first, let last = utf8.last else { return false }
        // ASCII's White_Space characters: tab, LF, VT, FF, CR and space.
        func asciiSpace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 }
        // Readers that trim unquoted fields would lose the spaces otherwise (U+3000 included).
        if leadingChecked, first < 0x80 ? asciiSpace(first) : text.unicodeScalars.first!.isWhiteSpace { return true }
        return last < 0x80 ? asciiSpace(last) : text.unicodeScalars.last!.isWhiteSpace
    }
}
