/// Where each table goes in the workbook (sheet names, continuation sheets) and how wide its
/// columns are.
enum XLSXLayout {
    /// Excel's limit on sheet names, in characters.
    static let sheetNameLimit = 31
    /// Characters Excel does not allow in a sheet name.
    static let sheetNameForbidden: ScalarSet = ["[", "]", ":", "*", "?", "/", "\\"]
    /// Widest a column is set, in Excel's width units (about one Latin digit each); wider text
    /// runs on into the next cell or is cut off, which suits long paragraphs better than wrapping.
    static let maxColumnWidth = 60
    static let minColumnWidth = 6
    /// Rows looked at to size a table's columns: enough to see the usual lengths without
    /// scanning a million rows twice.
    static let widthSampleRows = 10_000

    /// The table sheets in workbook order: each table on one sheet, or on as many as its rows
    /// need, named `metrics`, `metrics (2)`, …
    static func sheets(for tables: [TableWriter.Table], rowsPerSheet: Int, path: String) throws -> [XLSXWorkbook.Sheet] {
        let perSheet = rowsPerSheet - 1
        var sheets: [XLSXWorkbook.Sheet] = []
        // Excel compares sheet names without regard to case.
        var used: Set<String> = [XLSXWorkbook.readmeSheetName.lowercased()]
        for table in tables {
            let count = max(1, (table.rows.count + perSheet - 1) / perSheet)
            for part in 0..<count {
                let name = sheetName(table.schema.name, part: part + 1)
                guard used.insert(name.lowercased()).inserted else {
                    throw XLSXError(path: path, message: "table \(table.schema.name) would go on sheet \(name), "
                                    + "which another table or the README already has")
                }
                let first = part * perSheet
                sheets.append(XLSXWorkbook.Sheet(name: name, table: table.schema.name, firstRow: first,
                                                 rowCount: min(perSheet, table.rows.count - first)))
            }
        }
        return sheets
    }

    /// `table` for the first sheet, `table (n)` for the n-th, shortened to Excel's 31 characters
    /// and with the characters Excel forbids replaced by `_`.
    static func sheetName(_ table: String, part: Int) -> String {
        var base = String(String.UnicodeScalarView(table.unicodeScalars.map {
            sheetNameForbidden.contains($0) ? "_" : $0
        }))
        // Excel rejects a name that begins or ends with an apostrophe.
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "table" }
        let suffix = part == 1 ? "" : " (\(part))"
        let room = sheetNameLimit - suffix.unicodeScalars.count
        if base.unicodeScalars.count > room {
            base = String(String.UnicodeScalarView(base.unicodeScalars.prefix(room)))
            while base.hasSuffix("'") { base.removeLast() }
        }
        return base + suffix
    }

    /// Notes for the run report on tables spread over several sheets.
    static func splitNotes(_ sheets: [XLSXWorkbook.Sheet], rowsPerSheet: Int) -> [String] {
        var order: [String] = []
        var byTable: [String: [XLSXWorkbook.Sheet]] = [:]
        for sheet in sheets {
            if byTable[sheet.table] == nil { order.append(sheet.table) }
            byTable[sheet.table, default: []].append(sheet)
        }
        return order.compactMap { table in
            let parts = byTable[table]!
            guard parts.count > 1 else { return nil }
            let rows = parts.reduce(0) { $0 + $1.rowCount }
            return "xlsx: table \(table) has \(rows) rows, more than one sheet holds (\(rowsPerSheet - 1) below "
                + "the header); the workbook continues it on sheets "
                + parts.dropFirst().map(\.name).joined(separator: ", ")
        }
    }

    /// A width per column that fits the header (with room for the filter button) and the
    /// widest value among the first rows, Chinese characters counting double, capped for long text.
    static func columnWidths(_ table: TableWriter.Table, text: XLSXCellText) -> [Double] {
        table.schema.fields.enumerated().map { index, field in
            var widest = displayWidth(field.name) + 3
            for row in table.rows.prefix(widthSampleRows) where index < row.count {
                widest = max(widest, valueWidth(row[index], in: field, text: text) + 1)
            }
            return Double(min(maxColumnWidth, max(minColumnWidth, widest)))
        }
    }

    /// Width of a cell as the sheet shows it.
    static func valueWidth(_ cell: Cell, in field: Field, text: XLSXCellText) -> Int {
        switch cell {
        case .null: return 0
        case .text(let s): return displayWidth(text.neutralised(s))
        case .integer: return cell.plainText.count
        // The workbook shows the number, not the CSV field's trailing .0.
        case .number(let value): return Cell.plainDecimal(value).count
        case .bool: return 5  // FALSE
        case .date(let s): return field.type == .datetime ? max(19, s.count) : max(10, s.count)
        }
    }

    /// Columns a text takes in a spreadsheet's default font: East Asian wide and full-width
    /// characters count 2, combining marks 0, everything else 1; the longest line counts.
    ///
    /// Hand-written: Foundation does not expose the East Asian Width property, and libc's
    /// `wcwidth` depends on the process locale, which a library must not set. The ranges are the
    /// Wide and Fullwidth blocks of UAX #11 that occur in Chinese text.
    static func displayWidth(_ text: String) -> Int {
        var widest = 0
        var width = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                widest = max(widest, width)
                width = 0
                continue
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: continue
            default: width += isWide(scalar) ? 2 : 1
            }
        }
        return max(widest, width)
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F,    // Hangul Jamo initials
             0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
             0x3041...0x33FF,    // kana, Bopomofo, Hangul compatibility, Kanbun, CJK strokes, enclosed, compatibility
             0x3400...0x4DBF,    // CJK extension A
             0x4E00...0x9FFF,    // CJK unified ideographs
             0xA000...0xA4CF,    // Yi
             0xAC00...0xD7A3,    // Hangul syllables
             0xF900...0xFAFF,    // CJK compatibility ideographs
             0xFE10...0xFE19,    // vertical forms
             0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
             0xFF01...0xFF60,    // full-width forms
             0xFFE0...0xFFE6,    // full-width signs
             0x1F300...0x1F64F,  // pictographs, emoticons
             0x1F900...0x1F9FF,  // supplemental pictographs
             0x20000...0x2FFFD,  // CJK extensions B–F, compatibility supplement
             0x30000...0x3FFFD:  // CJK extensions G, H
            return true
        default:
            return false
        }
    }
}
