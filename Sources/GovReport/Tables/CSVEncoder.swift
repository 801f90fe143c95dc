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
        var line = ""
        line.reserveCapacity(256)
        for (index, cell) in row.enumerated() {
            if index > 0 { line.append(",") }
            line.append(field(cell))
        }
        line.append("\n")
        return line
    }

    /// One cell as it stands between the commas.
    public func field(_ cell: Cell) -> String {
        var text = cell.plainText
        if options.spreadsheetSafe, case .text = cell, let first = text.unicodeScalars.first,
           CSVEncoder.formulaStarts.contains(first) {
            text = "'" + text
        }
        return quoted(text)
    }

    /// A whole table in memory (small tables, tests); the writer streams line by line instead.
    public func encode(header: [String], rows: [TableRow]) -> [UInt8] {
        var bytes = preamble
        bytes.append(contentsOf: headerLine(header).utf8)
        for row in rows {
            bytes.append(contentsOf: line(row).utf8)
        }
        return bytes
    }

    func quoted(_ text: String) -> String {
        guard needsQuotes(text) else { return text }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out.append("\"") }
            out.append(scalar)
        }
        out.append("\"")
        return String(out)
    }

    private func needsQuotes(_ text: String) -> Bool {
        // Scalars, not Characters: "\r\n" is one Character and would not equal "\n".
        if text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return true
        }
        // Readers that trim unquoted fields would lose the spaces otherwise (U+3000 included).
        if let first = text.unicodeScalars.first, first.isWhiteSpace { return true }
        if let last = text.unicodeScalars.last, last.isWhiteSpace { return true }
        return false
    }
}
