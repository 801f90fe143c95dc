import Foundation

/// A row or schema that does not fit: nothing is written when the writer throws this.
public struct TableWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var table: String
    public var message: String

    public init(table: String, message: String) {
        self.table = table
        self.message = message
    }

    public var description: String { "table \(table): \(message)" }
}

/// Writes tables as CSV (gzipped or plain) with `datapackage.json`, optionally the workbook
/// `govreport.xlsx`, and any extra files, all in one `AtomicOutputSet` commit: a run leaves the
/// complete new set or the previous one.
/// Rows are written in the order given; callers sort them so that runs are reproducible.
public struct TableWriter: Sendable {
    public enum Format: String, Sendable, Equatable, CaseIterable, Codable {
        case csvGz = "csv.gz"
        case csv = "csv"
        /// One workbook holding every table (`XLSXWorkbook`), beside the CSV files.
        case xlsx = "xlsx"
    }

    public struct Options: Sendable, Equatable {
        /// File formats to write, each table once per CSV format; `datapackage.json` describes
        /// the first CSV format, so `xlsx` needs `csv.gz` or `csv` beside it.
        public var formats: [Format]
        /// Also applied to the workbook: `spreadsheetSafe` neutralises text there the same way.
        public var csv: CSVEncoder.Options
        /// zlib level 0–9.
        public var gzipLevel: Int
        /// Rows per workbook sheet including the header; Excel's limit unless a test wants less.
        public var xlsxRowsPerSheet: Int
        /// A streaming write compresses and writes each file on a thread of its own while the
        /// rows are encoded (for runs with more than one job); the bytes are the same.
        public var compressInBackground: Bool

        public init(formats: [Format] = [.csvGz], csv: CSVEncoder.Options = .init(),
                    gzipLevel: Int = GzipWriter.defaultLevel,
                    xlsxRowsPerSheet: Int = XLSXWorkbook.sheetRowLimit, compressInBackground: Bool = false) {
            self.formats = formats
            self.csv = csv
            self.gzipLevel = gzipLevel
            self.xlsxRowsPerSheet = xlsxRowsPerSheet
            self.compressInBackground = compressInBackground
        }
    }

    /// One table's rows, cells in the schema's column order.
    public struct Table: Sendable, Equatable {
        public var schema: TableSchema
        public var rows: [TableRow]

        public init(schema: TableSchema, rows: [TableRow]) {
            self.schema = schema
            self.rows = rows
        }
    }

    /// What a write staged: the file names in order, and the workbook's sheets and notes (tables
    /// continued on further sheets, cells cut) when `xlsx` was among the formats.
    public struct Written: Sendable, Equatable {
        public var files: [String]
        public var workbook: XLSXWorkbook.Summary?

        public init(files: [String], workbook: XLSXWorkbook.Summary?) {
            self.files = files
            self.workbook = workbook
        }

        /// Lines for the run report; empty without a workbook or when it holds no surprise.
        public var notes: [String] { workbook?.notes ?? [] }
    }

    /// CSV bytes gathered before each write to the compressor and the file.
    static let bufferSize = 256 * 1024

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The file a table is written to in a format; for `xlsx`, the one workbook of all tables.
    public static func fileName(table: String, format: Format) -> String {
        format == .xlsx ? XLSXWorkbook.fileName : table + "." + format.rawValue
    }

    /// Checks everything, then writes the set. Returns the file names written, in order.
    /// `extraFiles` (name → bytes, such as `run-report.json`) go into the same commit.
    @discardableResult
    public func write(_ tables: [Table], extraFiles: [(name: String, contents: [UInt8])] = [],
                      to outputDirectory: URL) throws -> [String] {
        try checkNames(tables, extraFiles: extraFiles.map(\.name))
        return try write(tables, to: outputDirectory) { _ in extraFiles }.files
    }

    /// Like `write(_:extraFiles:to:)`, but the extra files are made once the tables are staged,
    /// from what was written, so that `run-report.json` can carry the workbook's notes; they go
    /// into the same commit.
    @discardableResult
    public func write(_ tables: [Table], to outputDirectory: URL,
                      extraFiles: (Written) throws -> [(name: String, contents: [UInt8])]) throws -> Written {
        guard let primaryFormat = options.formats.first(where: { $0 != .xlsx }) else {
            throw TableWriterError(table: "*", message: options.formats.isEmpty ? "no output format chosen"
                : "xlsx needs csv.gz or csv beside it: datapackage.json describes the CSV files")
        }
        guard (0...9).contains(options.gzipLevel) else {
            throw TableWriterError(table: "*", message: "gzip level \(options.gzipLevel) is not between 0 and 9")
        }
        try checkNames(tables, extraFiles: [])
        for table in tables {
            try TableWriter.validate(table)
        }
        let datapackage = try DataPackage.json(tables.map {
            DataPackage.Table(schema: $0.schema, path: TableWriter.fileName(table: $0.schema.name, format: primaryFormat),
                              gzipped: primaryFormat == .csvGz)
        })

        var set = try AtomicOutputSet(outputDirectory: outputDirectory)
        for table in tables {
            for format in options.formats where format != .xlsx {
                try set.addFile(named: TableWriter.fileName(table: table.schema.name, format: format)) { file in
                    try writeCSV(table, gzipped: format == .csvGz, to: file)
                }
            }
        }
        var workbook: XLSXWorkbook.Summary?
        if options.formats.contains(.xlsx) {
            let workbookOptions = XLSXWorkbook.Options(spreadsheetSafe: options.csv.spreadsheetSafe,
                                                       rowsPerSheet: options.xlsxRowsPerSheet)
            try set.addFile(named: XLSXWorkbook.fileName) { path in
                workbook = try XLSXWorkbook.writeValidated(tables, to: path, options: workbookOptions)
            }
        }
        try set.addFile(named: DataPackage.fileName, contents: datapackage)

        return try TableWriter.commit(set, workbook: workbook, extraFiles: extraFiles)
    }

    /// Adds the extra files made from what was staged (such as `run-report.json`) and commits the set.
    static func commit(_ staged: consuming AtomicOutputSet, workbook: XLSXWorkbook.Summary?,
                       extraFiles: (Written) throws -> [(name: String, contents: [UInt8])]) throws -> Written {
        var set = staged
        var written = Written(files: set.names, workbook: workbook)
        let extras = try extraFiles(written)
        var names = Set(set.names)
        for extra in extras where !names.insert(extra.name).inserted {
            throw TableWriterError(table: "*", message: "extra file \(extra.name) has the name of another output")
        }
        for extra in extras {
            try set.addFile(named: extra.name, contents: extra.contents)
        }
        written.files = set.names
        try set.commit()
        return written
    }

    /// Streams one table: CSV lines are gathered into a buffer, which is compressed (or not)
    /// and written out whenever it fills, so no table is ever held whole as bytes.
    private func writeCSV(_ table: Table, gzipped: Bool, to file: borrowing StagedFile) throws {
        let encoder = CSVEncoder(options: options.csv)
        var gzip: GzipWriter? = gzipped ? try GzipWriter(level: options.gzipLevel) : nil
        var buffer = encoder.preamble
        buffer.reserveCapacity(TableWriter.bufferSize + 4096)

        func flush() throws {
            if gzip != nil {
                try file.write(gzip!.write(buffer))
            } else {
                try file.write(buffer)
            }
            buffer.removeAll(keepingCapacity: true)
        }

        buffer.append(contentsOf: encoder.headerLine(table.schema.fieldNames).utf8)
        for row in table.rows {
            encoder.appendLine(row, to: &buffer)
            if buffer.count >= TableWriter.bufferSize { try flush() }
        }
        try flush()
        if gzip != nil {
            try file.write(gzip!.finish())
        }
    }

    func checkNames(_ tables: [Table], extraFiles: [String]) throws {
        var names: Set<String> = [DataPackage.fileName]
        func claim(_ name: String, for table: String) throws {
            guard names.insert(name).inserted else {
                throw TableWriterError(table: table, message: "written twice as \(name)")
            }
        }
        for table in tables {
            for problem in table.schema.problems() {
                throw TableWriterError(table: table.schema.name, message: problem)
            }
            for format in options.formats where format != .xlsx {
                try claim(TableWriter.fileName(table: table.schema.name, format: format), for: table.schema.name)
            }
        }
        for format in options.formats where format == .xlsx {
            try claim(XLSXWorkbook.fileName, for: "*")
        }
        for extra in extraFiles where !names.insert(extra).inserted {
            throw TableWriterError(table: "*", message: "extra file \(extra) has the name of another output")
        }
    }

    /// Checks every row against the schema: cell count, cell kind for the column type,
    /// required and enumerated values, unique primary keys.
    public static func validate(_ table: Table) throws {
        let schema = table.schema
        let keyIndexes = schema.primaryKey.compactMap(schema.index(of:))
        var keys: Set<[Cell]> = []
        for (number, row) in zip(1..., table.rows) {
            func fail(_ message: String) -> TableWriterError {
                TableWriterError(table: schema.name, message: "row \(number): \(message)")
            }
            if let problem = problem(with: row, in: schema) { throw fail(problem) }
            if !keyIndexes.isEmpty {
                let key = keyIndexes.map { row[$0] }
                guard keys.insert(key).inserted else {
                    throw fail("primary key (\(key.map(\.plainText).joined(separator: ", "))) appears twice")
                }
            }
        }
    }

    /// What is wrong with a row of `schema`: its cell count or a cell; nil when it fits.
    static func problem(with row: TableRow, in schema: TableSchema) -> String? {
        guard row.count == schema.fields.count else {
            return "has \(row.count) cells but the table has \(schema.fields.count) columns"
        }
        // Read in place through the buffers: zipping the arrays copied each Field and Cell,
        // retaining and releasing every string they hold, for every cell of every row written.
        return schema.fields.withUnsafeBufferPointer { fields in
            row.withUnsafeBufferPointer { cells in
                for i in 0..<cells.count {
                    // Read in place: passing the Field copied its three strings' references.
                    if fields[i].enumValues == nil, fitsPlainly(cells[i], fields[i].type) { continue }
                    if let problem = TableWriter.problem(with: cells[i], in: fields[i]) {
                        return "column \(fields[i].name): \(problem)"
                    }
                }
                return nil
            }
        }
    }

    /// Whether a cell surely fits a column of `type` without a list of values: most cells of a
    /// table are numbers and non-empty text in plain columns, and the row check passes them
    /// without the pattern match over (cell, type) below, which copied the cell for every cell
    /// written.
    @inline(__always)
    private static func fitsPlainly(_ cell: Cell, _ type: FieldType) -> Bool {
        switch cell {
        case .integer: return type == .integer || type == .number
        case .number: return type == .number
        case .text(let text): return type == .string && !text.isEmpty
        default: return false
        }
    }

    static func problem(with cell: Cell, in field: Field) -> String? {
        if cell.isMissing {
            return field.required ? "a value is required" : nil
        }
        let fits: Bool
        switch (cell, field.type) {
        case (.text, .string), (.integer, .integer), (.integer, .number), (.number, .number),
             (.bool, .boolean), (.date, .datetime):
            fits = true
        case (.date(let iso), .date):
            guard isISODate(iso) else { return "\"\(iso)\" is not a date in the form yyyy-mm-dd" }
            fits = true
        default:
            fits = false
        }
        guard fits else { return "a \(kind(of: cell)) cell in a \(field.type.rawValue) column" }
        if let allowed = field.enumValues, !allowed.contains(cell.plainText) {
            return "\"\(cell.plainText)\" is not one of \(allowed.joined(separator: ", "))"
        }
        return nil
    }

    private static func kind(of cell: Cell) -> String {
        switch cell {
        case .text: return "text"
        case .integer: return "integer"
        case .number: return "number"
        case .date: return "date"
        case .bool: return "boolean"
        case .null: return "null"
        }
    }

    private static func isISODate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10 else { return false }
        for (i, scalar) in scalars.enumerated() {
            let ok = (i == 4 || i == 7) ? scalar == "-" : ("0"..."9").contains(scalar)
            if !ok { return false }
        }
        return true
    }
}
