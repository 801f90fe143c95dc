import Foundation
import Testing
@testable import GovReport

/// The workbook as openpyxl (a real xlsx reader, from .venv-tests/) reads it back.
@Suite struct XLSXWorkbookTests {
    static let formulaSubject = "=HYPERLINK(\"http://example.invalid\",\"点击\")"

    /// The fixture's two reports in all eight tables, plus a formula-like metric subject beside
    /// the fixture's formula-like paragraph.
    static var tables: [TableWriter.Table] {
        var tables = TablesFixture.tables
        let metrics = tables.firstIndex { $0.schema.name == "metrics" }!
        tables[metrics].rows[0][4] = .text(formulaSubject)
        return tables
    }

    /// Writes the workbook into a fresh directory and reads it back with openpyxl.
    static func writeAndRead(_ tables: [TableWriter.Table] = tables, options: XLSXWorkbook.Options = .init())
        throws -> (summary: XLSXWorkbook.Summary, sheets: [XLSXTestClients.ReadSheet]) {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        let path = dir.file(XLSXWorkbook.fileName)
        let summary = try XLSXWorkbook.write(tables, to: path.path, options: options)
        return (summary, try XLSXTestClients.readWorkbook(path))
    }

    /// Excel's letters for a 1-based column number (1 → A, 24 → X, 27 → AA).
    static func columnLetters(_ number: Int) -> String {
        var number = number
        var letters = ""
        while number > 0 {
            let digit = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// Checks one cell read back against the cell written: the type a spreadsheet gives it and
    /// the value (text with the CSV's `'` before formula-like text).
    static func check(_ read: XLSXTestClients.ReadCell, against cell: Cell, field: Field, safe: Bool = true,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let context = "\(field.name): \(read)"
        switch cell {
        case .null, .text(""), .date(""):
            #expect(read.type == "NoneType", "\(context)", sourceLocation: sourceLocation)
        case .text(let text):
            let expected = safe && "=+-@\t\r".unicodeScalars.contains(text.unicodeScalars.first!) ? "'" + text : text
            #expect(read.type == "str" && read.dataType == "s" && read.value == expected, "\(context)",
                    sourceLocation: sourceLocation)
        case .integer(let value):
            #expect(read.type == "int" && read.value == String(value), "\(context)", sourceLocation: sourceLocation)
            #expect(read.numberFormat == (field.type == .integer ? "0" : "General"), "\(context)",
                    sourceLocation: sourceLocation)
        case .number(let value):
            #expect(["int", "float"].contains(read.type) && read.dataType == "n", "\(context)",
                    sourceLocation: sourceLocation)
            #expect(read.value.flatMap(Double.init) == value, "\(context)", sourceLocation: sourceLocation)
        case .bool(let value):
            #expect(read.type == "bool" && read.value == (value ? "true" : "false"), "\(context)",
                    sourceLocation: sourceLocation)
        case .date(let iso):
            #expect(read.type == "datetime" && read.value == iso + "T00:00:00" && read.numberFormat == "yyyy-mm-dd",
                    "\(context)", sourceLocation: sourceLocation)
        }
    }

    @Test func openpyxlReadsEveryCellOfEveryTableAsItsType() throws {
        let (summary, sheets) = try Self.writeAndRead()
        #expect(summary.notes.isEmpty)
        #expect(sheets.map(\.name) == ["README"] + TableCatalog.all.map(\.name))
        #expect(summary.sheets.map(\.name) == TableCatalog.all.map(\.name))

        for table in Self.tables {
            let schema = table.schema
            let sheet = try #require(sheets.first { $0.name == schema.name })
            #expect(sheet.freezePanes == "A2", "\(schema.name)")
            #expect(sheet.autoFilter == "A1:\(Self.columnLetters(schema.fields.count))\(table.rows.count + 1)")
            #expect(sheet.rows.first?.map(\.value) == schema.fieldNames.map { Optional($0) })
            #expect(sheet.headerBold == Array(repeating: true, count: schema.fields.count), "\(schema.name)")
            #expect(sheet.rows.count == table.rows.count + 1, "\(schema.name)")
            for (read, written) in zip(sheet.rows.dropFirst(), table.rows) {
                #expect(read.count == schema.fields.count)
                for ((readCell, cell), field) in zip(zip(read, written), schema.fields) {
                    Self.check(readCell, against: cell, field: field)
                }
            }
        }
    }

    @Test func theCellsThatMatterMostSpelledOut() throws {
        let (_, sheets) = try Self.writeAndRead()
        func sheet(_ name: String) -> [[XLSXTestClients.ReadCell]] { sheets.first { $0.name == name }!.rows }

        let documents = sheet("documents")
        #expect(documents[1][3].type == "int" && documents[1][3].value == "48213")          // size_bytes
        #expect(documents[1][11].type == "datetime" && documents[1][11].value == "2024-03-28T00:00:00")
        #expect(documents[2][11].type == "NoneType")                                         // date unknown
        #expect(documents[2][8].value == "松溪鎮2022年度法治政府建設工作報告, 附件\"一\"")          // traditional title
        #expect(documents[2][19...22].map(\.value) == ["true", "false", "false", "true"])
        #expect(documents[1][15].type == "NoneType")                                         // no township

        let metrics = sheet("metrics")
        #expect(metrics[4][6].type == "float" && metrics[4][6].value == "-3.2")             // 下降3.2个百分点
        #expect(metrics[6][6].type == "int" && metrics[6][6].value == "4000000")            // 400余万元
        #expect(metrics[5][9].value == "1.2萬餘份")
        #expect(metrics[1][11].type == "NoneType" && metrics[3][11].value == "2")           // parent_metric_id

        let paragraphs = sheet("paragraphs")
        #expect(paragraphs[4][3].value == "调处矛盾纠纷208起,其中邻里纠纷47起、婚姻家庭纠纷10起。\n（材料来源：区司法局）")
        #expect(paragraphs[6][3].value == "  共发放法治宣传资料1.2万余份，涉及金额400余万元 ")
        #expect(paragraphs[5][3].value == "'-全年行政复议纠错率同比下降3.2个百分点")
    }

    @Test func formulaLikeTextIsNeutralisedTextAndNoCellIsAFormula() throws {
        let (_, sheets) = try Self.writeAndRead()
        let subject = sheets.first { $0.name == "metrics" }!.rows[1][4]
        #expect(subject.dataType == "s" && subject.value == "'" + Self.formulaSubject)
        let paragraph = sheets.first { $0.name == "paragraphs" }!.rows[3][3]
        #expect(paragraph.dataType == "s" && paragraph.value == "'" + TablesFixture.hyperlink)
        for sheet in sheets {
            for cell in sheet.rows.joined() {
                #expect(cell.dataType != "f", "\(sheet.name): \(cell)")
                #expect(cell.value?.hasPrefix("=") != true, "\(sheet.name): \(cell)")
            }
        }

        // Without spreadsheet safety the text is kept as is, and is still text, not a formula.
        let (_, unsafe) = try Self.writeAndRead(options: .init(spreadsheetSafe: false))
        let raw = unsafe.first { $0.name == "metrics" }!.rows[1][4]
        #expect(raw.dataType == "s" && raw.type == "str" && raw.value == Self.formulaSubject)
        #expect(unsafe.allSatisfy { $0.rows.joined().allSatisfy { $0.dataType != "f" } })
    }

    @Test func readmeDescribesEveryTableAndColumnFromTheSchema() throws {
        let (_, sheets) = try Self.writeAndRead()
        let readme = try #require(sheets.first)
        #expect(readme.name == "README" && readme.freezePanes == "A2")
        #expect(readme.rows[0].map(\.value) == ["table", "sheets", "rows", "column", "type", "required",
                                               "allowed values", "key", "description"])
        #expect(readme.headerBold.allSatisfy { $0 })
        let rows = readme.rows.dropFirst()
        #expect(rows.count == Self.tables.reduce(0) { $0 + 1 + $1.schema.fields.count })
        for table in Self.tables {
            let schema = table.schema
            let tableRow = try #require(rows.first { $0[0].value == schema.name && $0[3].value == nil })
            #expect(tableRow[1].value == schema.name)
            #expect(tableRow[2].type == "int" && tableRow[2].value == String(table.rows.count))
            #expect(tableRow[8].value == schema.description)
            for field in schema.fields {
                let row = try #require(rows.first { $0[0].value == schema.name && $0[3].value == field.name })
                #expect(row[4].value == field.type.rawValue)
                #expect(row[5].type == "bool" && row[5].value == (field.required ? "true" : "false"))
                #expect(row[6].value == field.enumValues?.joined(separator: ", "))
                #expect(row[8].value == field.description, "\(schema.name).\(field.name)")
            }
        }
        let qualifier = rows.first { $0[0].value == "metrics" && $0[3].value == "qualifier" }!
        #expect(qualifier[6].value == "exact, more_than, at_least, less_than, at_most, approx")
        let docId = rows.first { $0[0].value == "metrics" && $0[3].value == "doc_id" }!
        #expect(docId[7].value == "primary key; references documents.doc_id")
    }

    @Test func columnWidthsFitChineseTextAndCapLongText() throws {
        let (_, sheets) = try Self.writeAndRead()
        // libxlsxwriter stores a width plus Excel's 0.71 of padding.
        func width(_ sheet: String, _ column: Int) -> Double {
            (sheets.first { $0.name == sheet }!.widths[column] ?? 0) - 0.7109375
        }
        #expect(width("paragraphs", 3) == 60)                   // whole paragraphs: capped
        // title: 松溪鎮2022年度法治政府建設工作報告, 附件"一" has 18 Chinese characters and 8 others.
        #expect(width("documents", 8) == 18 * 2 + 8 + 1)
        #expect(width("documents", 0) == Double("3f9a1c07d2e4b6a8".count + 1))  // doc_id
        #expect(width("documents", 9) == 6 * 2 + 1)                            // issuer 临河区司法局
        #expect(width("metrics", 6) == Double("value".count + 3))       // header and filter button win
    }

    @Test func aTableOverTheRowLimitContinuesOnFurtherSheets() throws {
        // 2,500 metrics of one report with 1,000 rows a sheet: 999 + 999 + 502 below the headers.
        let doc = "5d0c8e2a91f7b364"
        let units = ["件", "人次", "份", "元", "%"]
        let rows: [TableRow] = (1...2_500).map { n in
            [.text(doc), .integer(n), .integer(n / 3 + 1), .text("2.\(n % 7 + 1)"), .text("开展法治宣传活动第\(n)项"),
             .text(n % 4 == 0 ? "" : "publicity_events"), .number(Double(n) * 1.5 - 700), .text(units[n % 5]),
             .text(n % 3 == 0 ? "more_than" : "exact"), .text("\(n)余场"), .text("全年开展法治宣传活动\(n)余场"),
             .null, .integer(4), .integer(8)]
        }
        let tables = [TableWriter.Table(schema: TableCatalog.documents, rows: []),
                      TableWriter.Table(schema: TableCatalog.metrics, rows: rows),
                      TableWriter.Table(schema: TableCatalog.errors, rows: [])]
        let (summary, sheets) = try Self.writeAndRead(tables, options: .init(rowsPerSheet: 1_000))
        #expect(sheets.map(\.name) == ["README", "documents", "metrics", "metrics (2)", "metrics (3)", "errors"])
        #expect(summary.sheets.map(\.rowCount) == [0, 999, 999, 502, 0])
        #expect(summary.sheets.map(\.firstRow) == [0, 0, 999, 1_998, 0])
        #expect(summary.notes == ["xlsx: table metrics has 2500 rows, more than one sheet holds (999 below the "
                                  + "header); the workbook continues it on sheets metrics (2), metrics (3)"])
        let parts = sheets.filter { $0.name.hasPrefix("metrics") }
        #expect(parts.map { $0.rows.count } == [1_000, 1_000, 503])
        for part in parts {
            #expect(part.rows[0].map(\.value) == TableCatalog.metrics.fieldNames.map { Optional($0) })
            #expect(part.freezePanes == "A2" && part.headerBold.allSatisfy { $0 })
        }
        #expect(parts.flatMap { $0.rows.dropFirst().map { $0[1].value } } == (1...2_500).map { Optional(String($0)) })
        #expect(parts[2].autoFilter == "A1:N503")
        Self.check(parts[1].rows[1][6], against: rows[999][6], field: TableCatalog.metrics.fields[6])
        // Empty tables still get their header row.
        #expect(sheets[1].rows.count == 1 && sheets[1].autoFilter == "A1:X1")
        // The README says where the rows went.
        let readme = sheets[0].rows.first { $0[0].value == "metrics" && $0[3].value == nil }!
        #expect(readme[1].value == "metrics, metrics (2), metrics (3)" && readme[2].value == "2500")
    }

    @Test func twoWritesOfTheSameTablesAreByteIdentical() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        try XLSXWorkbook.write(Self.tables, to: dir.file("a.xlsx").path)
        try XLSXWorkbook.write(Self.tables, to: dir.file("b.xlsx").path)
        #expect(try dir.read("a.xlsx") == dir.read("b.xlsx"))
        #expect(try dir.read("a.xlsx").prefix(2) == Array("PK".utf8)[...])
    }

    @Test func unwritablePathsAndBadOptionsAreThrownWithLibxlsxwritersReason() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        try Data("not a directory".utf8).write(to: dir.file("plain-file"))
        let underFile = dir.file("plain-file").appendingPathComponent(XLSXWorkbook.fileName).path

        // The file is only created when the workbook is closed: libxlsxwriter's error text says why.
        let closing = #expect(throws: XLSXError.self) {
            try XLSXWorkbook.write(Self.tables, to: underFile, options: .init(temporaryDirectory: dir.url.path))
        }
        #expect(closing?.message.contains("Error creating output xlsx file") == true, "\(String(describing: closing))")
        #expect(closing?.path == underFile)

        #expect(throws: XLSXError.self) {
            try XLSXWorkbook.write(Self.tables, to: dir.file("x.xlsx").path, options: .init(rowsPerSheet: 1))
        }
        #expect(throws: XLSXError.self) {
            try XLSXWorkbook.write(Self.tables, to: dir.file("x.xlsx").path, options: .init(rowsPerSheet: 1_048_577))
        }
        // Rows that do not fit their schema are refused before anything is written.
        var bad = Self.tables
        bad[3].rows[0][6] = .text("27件")
        let rowError = #expect(throws: TableWriterError.self) {
            try XLSXWorkbook.write(bad, to: dir.file("x.xlsx").path)
        }
        #expect(rowError?.table == "metrics")
        #expect(try dir.names() == ["plain-file"])
    }

    @Test func sheetNamesThatCollideAreRefused() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        let readme = TableSchema(name: "readme", description: "A table whose name is the README sheet's.",
                                 fields: [Field("note", .string, "Text.")])
        let error = #expect(throws: XLSXError.self) {
            try XLSXWorkbook.write([.init(schema: readme, rows: [[.text("说明")]])], to: dir.file("x.xlsx").path)
        }
        #expect(error?.message.contains("README") == true)
    }
}
