import CXlsxWriter
import Foundation

/// A libxlsxwriter workbook being written in constant-memory mode: each row goes to a temporary
/// file as soon as the next one starts, so memory stays flat whatever the table's size, at the
/// price of writing strictly row by row (which is how tables are written anyway) and of inline
/// rather than shared strings. Noncopyable: it owns the handle, which `close` or `deinit` frees.
struct XLSXDocument: ~Copyable {
    /// Cells that could not be written as their type and what was done about them, per table.
    struct Counts {
        var truncated: [String: Int] = [:]
        var nonFinite = 0
        var datesAsText = 0
        var largeIntegers = 0

        static func += (lhs: inout Counts, rhs: Counts) {
            lhs.truncated.merge(rhs.truncated, uniquingKeysWith: +)
            lhs.nonFinite += rhs.nonFinite
            lhs.datesAsText += rhs.datesAsText
            lhs.largeIntegers += rhs.largeIntegers
        }

        func notes(table: String) -> [String] {
            var notes = truncated.sorted { $0.key < $1.key }.map { column, count in
                "xlsx: table \(table), column \(column): \(count) text cell(s) longer than Excel's "
                    + "\(XLSXWorkbook.cellTextLimit) characters cut to fit (the CSV has them whole)"
            }
            if nonFinite > 0 {
                notes.append("xlsx: table \(table): \(nonFinite) NaN or infinite number(s) written as text, "
                             + "which a spreadsheet cannot hold as a number")
            }
            if datesAsText > 0 {
                notes.append("xlsx: table \(table): \(datesAsText) date(s) before 1900 or with a time zone "
                             + "written as text, which a spreadsheet cannot hold as a date")
            }
            if largeIntegers > 0 {
                notes.append("xlsx: table \(table): \(largeIntegers) integer(s) beyond 2^53 written as text "
                             + "to keep every digit")
            }
            return notes
        }
    }

    /// Integers up to this magnitude are exact as a spreadsheet's double.
    static let exactIntegerLimit = 1 << 53

    let path: String
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private let headerFormat: UnsafeMutablePointer<lxw_format>
    private let integerFormat: UnsafeMutablePointer<lxw_format>
    private let dateFormat: UnsafeMutablePointer<lxw_format>
    private let dateTimeFormat: UnsafeMutablePointer<lxw_format>
    private let booleanFormat: UnsafeMutablePointer<lxw_format>
    private var closed = false

    init(path: String, temporaryDirectory: String, created: Date, title: String, zip64: Bool) throws {
        var options = lxw_workbook_options()
        options.constant_memory = 1
        options.use_zip64 = zip64 ? 1 : 0
        // libxlsxwriter copies the options' strings, so they need only live through the call.
        let handle = path.withCString { cPath in
            temporaryDirectory.withCString { cTemporary in
                options.tmpdir = UnsafeMutablePointer(mutating: cTemporary)
                return workbook_new_opt(cPath, &options)
            }
        }
        guard let workbook = handle else {
            throw XLSXError(path: path, message: "libxlsxwriter could not start a workbook (out of memory)")
        }
        title.withCString { cTitle in
            var properties = lxw_doc_properties()
            properties.title = UnsafeMutablePointer(mutating: cTitle)
            properties.created = time_t(created.timeIntervalSince1970)
            _ = workbook_set_properties(workbook, &properties)
        }
        func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format>? {
            guard let format = workbook_add_format(workbook) else { return nil }
            configure(format)
            return format
        }
        guard let header = format({ format_set_bold($0) }),
              let integer = format({ format_set_num_format($0, "0") }),
              let date = format({ format_set_num_format($0, "yyyy-mm-dd") }),
              let dateTime = format({ format_set_num_format($0, "yyyy-mm-dd hh:mm:ss") }),
              // Excel shows a boolean cell as TRUE/FALSE whatever its format, but LibreOffice
              // shows some unformatted ones as 0/1; this is the format it gives booleans itself.
              let boolean = format({ format_set_num_format($0, "\"TRUE\";\"TRUE\";\"FALSE\"") }) else {
            lxw_workbook_free(workbook)
            throw XLSXError(path: path, message: "libxlsxwriter could not add a cell format (out of memory)")
        }
        self.path = path
        self.workbook = workbook
        self.headerFormat = header
        self.integerFormat = integer
        self.dateFormat = date
        self.dateTimeFormat = dateTime
        self.booleanFormat = boolean
    }

    deinit {
        if !closed { lxw_workbook_free(workbook) }
    }

    /// Writes the file; libxlsxwriter only creates it here, so an unwritable path fails here.
    consuming func close() throws {
        closed = true
        let error = workbook_close(workbook)
        try check(error, "save the workbook")
    }

    /// Adds a sheet with the table's header and the given rows, bold frozen header, filter,
    /// column widths; returns what had to be changed to fit.
    @discardableResult
    mutating func addSheet(named name: String, table: TableWriter.Table, rows: ArraySlice<TableRow>,
                           text: XLSXCellText, widths: [Double]? = nil) throws -> Counts {
        try name.withCString { try check(workbook_validate_sheet_name(workbook, $0), "add sheet \(name)") }
        guard let sheet = name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
            throw XLSXError(path: path, message: "libxlsxwriter could not add sheet \(name): it could not create "
                            + "a temporary file for it (constant-memory mode) or ran out of memory")
        }
        let fields = table.schema.fields
        let lastColumn = lxw_col_t(max(0, fields.count - 1))
        let lastRow = lxw_row_t(rows.count)
        for (column, width) in (widths ?? XLSXLayout.columnWidths(table, text: text)).enumerated() {
            try check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil),
                      "size column \(column + 1) of sheet \(name)")
        }
        worksheet_freeze_panes(sheet, 1, 0)
        if !fields.isEmpty {
            try check(worksheet_autofilter(sheet, 0, 0, lastRow, lastColumn), "set the filter of sheet \(name)")
        }

        for (column, field) in fields.enumerated() {
            try writeString(field.name, sheet, 0, lxw_col_t(column), headerFormat, where: name)
        }
        var counts = Counts()
        for (offset, row) in rows.enumerated() {
            let rowNumber = lxw_row_t(offset + 1)
            for (column, (field, cell)) in zip(fields, row).enumerated() {
                try write(cell, field: field, sheet, rowNumber, lxw_col_t(column), text: text,
                          counts: &counts, where: name)
            }
        }
        return counts
    }

    private func write(_ cell: Cell, field: Field, _ sheet: UnsafeMutablePointer<lxw_worksheet>,
                       _ row: lxw_row_t, _ column: lxw_col_t, text: XLSXCellText,
                       counts: inout Counts, where sheetName: String) throws {
        let place = "write row \(row + 1), column \(field.name) of sheet \(sheetName)"
        switch cell {
        case .null:
            return
        case .text(let value):
            guard !value.isEmpty else { return }
            let (string, truncated) = text.cellString(value)
            if truncated { counts.truncated[field.name, default: 0] += 1 }
            try writeString(string, sheet, row, column, nil, where: sheetName)
        case .integer(let value):
            guard value.magnitude <= XLSXDocument.exactIntegerLimit else {
                counts.largeIntegers += 1
                try writeString(String(value), sheet, row, column, nil, where: sheetName)
                return
            }
            let format = field.type == .integer ? integerFormat : nil
            try check(worksheet_write_number(sheet, row, column, Double(value), format), place)
        case .number(let value):
            guard value.isFinite else {
                counts.nonFinite += 1
                try writeString(cell.plainText, sheet, row, column, nil, where: sheetName)
                return
            }
            try check(worksheet_write_number(sheet, row, column, value, nil), place)
        case .bool(let value):
            try check(worksheet_write_boolean(sheet, row, column, value ? 1 : 0, booleanFormat), place)
        case .date(let value):
            guard !value.isEmpty else { return }
            guard let date = XLSXDate(value, allowTime: field.type == .datetime) else {
                counts.datesAsText += 1
                try writeString(text.cellString(value).string, sheet, row, column, nil, where: sheetName)
                return
            }
            var datetime = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day),
                                        hour: Int32(date.hour), min: Int32(date.minute), sec: date.second)
            let format = date.hasTime ? dateTimeFormat : dateFormat
            try check(worksheet_write_datetime(sheet, row, column, &datetime, format), place)
        }
    }

    private func writeString(_ string: String, _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: lxw_row_t,
                             _ column: lxw_col_t, _ format: UnsafeMutablePointer<lxw_format>?,
                             where sheetName: String) throws {
        let error = string.withCString { worksheet_write_string(sheet, row, column, $0, format) }
        try check(error, "write row \(row + 1), column \(column + 1) of sheet \(sheetName)")
    }

    private func check(_ error: lxw_error, _ operation: String) throws {
        guard error != LXW_NO_ERROR else { return }
        throw XLSXError(path: path, message: "\(operation): " + String(cString: lxw_strerror(error)))
    }
}
