import Foundation

/// A workbook that could not be written, with libxlsxwriter's reason where it gave one.
public struct XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "cannot write workbook \(path): \(message)" }
}

/// Writes the tables as one Excel workbook (`govreport.xlsx`) with libxlsxwriter: a `README` sheet
/// describing every table and column (from the same `TableSchema` as `datapackage.json`), then one
/// sheet per table with a bold, frozen, filterable header row and cells of the column's type
/// (numbers, dates, booleans, text). Text is always written as a string, never as a formula.
///
/// With `spreadsheetSafe`, text that starts with `=`, `+`, `-`, `@`, tab or CR keeps the same
/// leading `'` as in the CSV files, so a cell reads the same in both and stays inert when a user
/// edits it or saves the sheet as CSV.
///
/// A table with more rows than a sheet holds continues on `name (2)`, `name (3)`, … after its
/// first sheet; such splits, cells cut to Excel's size limit and values that had to become text
/// are returned as notes for the run report.
public enum XLSXWorkbook {
    public static let fileName = "govreport.xlsx"
    public static let readmeSheetName = "README"
    /// Rows in one Excel sheet, header row included.
    public static let sheetRowLimit = 1_048_576
    /// Columns in one Excel sheet.
    public static let sheetColumnLimit = 16_384
    /// Characters (UTF-16 code units) Excel keeps in one cell.
    public static let cellTextLimit = 32_767

    public struct Options: Sendable, Equatable {
        /// Prefix `'` to text that a spreadsheet would run as a formula, as `CSVEncoder` does.
        public var spreadsheetSafe: Bool
        /// Rows per sheet including the header, at most `sheetRowLimit`; smaller in tests.
        public var rowsPerSheet: Int
        /// Where libxlsxwriter keeps each sheet's XML while it writes (constant-memory mode) and
        /// assembles the file; nil for the directory of the workbook itself, which has room for
        /// the output anyway (a tmpfs `/tmp` may not); libxlsxwriter falls back to the system's
        /// temporary directory when it cannot create files there. They are unlinked as they are made.
        public var temporaryDirectory: String?
        /// The creation time stored in the workbook's properties. Fixed by default so that the
        /// same tables always give the same bytes (libxlsxwriter would put in the current time).
        public var created: Date

        public init(spreadsheetSafe: Bool = true, rowsPerSheet: Int = XLSXWorkbook.sheetRowLimit,
                    temporaryDirectory: String? = nil, created: Date = XLSXWorkbook.fixedCreationDate) {
            self.spreadsheetSafe = spreadsheetSafe
            self.rowsPerSheet = rowsPerSheet
            self.temporaryDirectory = temporaryDirectory
            self.created = created
        }
    }

    /// 1980-01-01T00:00:00Z, the time libxlsxwriter also gives every entry of the zip container.
    public static let fixedCreationDate = Date(timeIntervalSince1970: 315_532_800)

    /// One sheet holding (part of) a table.
    public struct Sheet: Sendable, Equatable {
        public var name: String
        public var table: String
        /// Index in the table's rows of the sheet's first data row.
        public var firstRow: Int
        public var rowCount: Int

        public init(name: String, table: String, firstRow: Int, rowCount: Int) {
            self.name = name
            self.table = table
            self.firstRow = firstRow
            self.rowCount = rowCount
        }
    }

    /// What was written: the table sheets in order (after `README`), and what the run report
    /// should tell about the workbook (empty when nothing out of the ordinary happened).
    public struct Summary: Sendable, Equatable {
        public var sheets: [Sheet]
        public var notes: [String]

        public init(sheets: [Sheet], notes: [String]) {
            self.sheets = sheets
            self.notes = notes
        }
    }

    /// Checks the rows against their schemas, then writes the workbook to `path` (replacing any
    /// file there). Throws `TableWriterError` for rows that do not fit, `XLSXError` otherwise.
    @discardableResult
    public static func write(_ tables: [TableWriter.Table], to path: String,
                             options: Options = Options()) throws -> Summary {
        for table in tables {
            for problem in table.schema.problems() {
                throw TableWriterError(table: table.schema.name, message: problem)
            }
            try TableWriter.validate(table)
        }
        return try writeValidated(tables, to: path, options: options)
    }

    /// `write` for tables `TableWriter` has already validated.
    static func writeValidated(_ tables: [TableWriter.Table], to path: String,
                               options: Options) throws -> Summary {
        guard (2...sheetRowLimit).contains(options.rowsPerSheet) else {
            throw XLSXError(path: path, message: "\(options.rowsPerSheet) rows per sheet is not between 2 "
                            + "(a header and a row) and Excel's \(sheetRowLimit)")
        }
        for table in tables where table.schema.fields.count > sheetColumnLimit {
            throw XLSXError(path: path, message: "table \(table.schema.name) has \(table.schema.fields.count) "
                            + "columns, more than a sheet holds (\(sheetColumnLimit))")
        }
        let sheets = try XLSXLayout.sheets(for: tables, rowsPerSheet: options.rowsPerSheet, path: path)
        var notes = XLSXLayout.splitNotes(sheets, rowsPerSheet: options.rowsPerSheet)

        let totalRows = tables.reduce(0) { $0 + $1.rows.count }
        let directory = (path as NSString).deletingLastPathComponent
        var document = try XLSXDocument(
            path: path, temporaryDirectory: options.temporaryDirectory ?? (directory.isEmpty ? "." : directory),
            created: options.created, title: DataPackage.packageTitle,
            // ZIP64 lifts the 4 GiB limit on each part of the file; only turned on for large
            // workbooks, since some older readers reject it.
            zip64: totalRows > 1_000_000)
        let text = XLSXCellText(spreadsheetSafe: options.spreadsheetSafe)

        let readme = XLSXReadme.table(for: tables, sheets: sheets)
        try document.addSheet(named: readmeSheetName, table: readme, rows: readme.rows[...], text: text)
        for table in tables {
            var counts = XLSXDocument.Counts()
            let widths = XLSXLayout.columnWidths(table, text: text)
            for sheet in sheets where sheet.table == table.schema.name {
                let rows = table.rows[sheet.firstRow..<(sheet.firstRow + sheet.rowCount)]
                counts += try document.addSheet(named: sheet.name, table: table, rows: rows, text: text,
                                                widths: widths)
            }
            notes += counts.notes(table: table.schema.name)
        }
        try document.close()
        return Summary(sheets: sheets, notes: notes)
    }
}
