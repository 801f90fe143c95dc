import Foundation
import Testing
@testable import GovReport

@Suite struct TableWriterTests {
    let runReport = Array("{\n  \"documents\" : 2,\n  \"failed\" : 0\n}\n".utf8)

    /// What a reader should get back for a cell: its exact text, with `'` before formula-like text.
    func expectedField(_ cell: Cell) -> String {
        if case .text(let text) = cell, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            return "'" + text
        }
        return cell.plainText
    }

    @Test func pythonReadsBackEveryCellOfEveryTable() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        let written = try TableWriter().write(TablesFixture.tables, extraFiles: [("run-report.json", runReport)],
                                              to: dir.url)
        let tableFiles = TableCatalog.all.map { "\($0.name).csv.gz" }
        #expect(written == tableFiles + ["datapackage.json", "run-report.json"])
        #expect(try dir.names() == (tableFiles + ["datapackage.json", "run-report.json"]).sorted())
        #expect(try dir.read("run-report.json") == runReport)

        for table in TablesFixture.tables {
            let rows = try TablesPython.readCSV(dir.file("\(table.schema.name).csv.gz"))
            #expect(rows.first == table.schema.fieldNames)
            #expect(Array(rows.dropFirst()) == table.rows.map { $0.map(expectedField) }, "\(table.schema.name)")
            // One gzip member, nothing after it.
            let bytes = try GzipReader.inflate(try dir.read("\(table.schema.name).csv.gz"), allowConcatenatedMembers: false)
            #expect(bytes.prefix(3) != [0xEF, 0xBB, 0xBF])
        }

        // The cells that matter most, spelled out.
        let paragraphs = try TablesPython.readCSV(dir.file("paragraphs.csv.gz"))
        #expect(paragraphs[3][3] == "'" + TablesFixture.hyperlink)
        #expect(paragraphs[4][3] == "调处矛盾纠纷208起,其中邻里纠纷47起、婚姻家庭纠纷10起。\n（材料来源：区司法局）")
        #expect(paragraphs[5][3] == "'-全年行政复议纠错率同比下降3.2个百分点")
        #expect(paragraphs[6][3] == "  共发放法治宣传资料1.2万余份，涉及金额400余万元 ")
        let metrics = try TablesPython.readCSV(dir.file("metrics.csv.gz"))
        #expect(metrics.map { $0[6] } == ["value", "27.0", "208.0", "47.0", "-3.2", "12000.0", "4000000.0"])
        #expect(metrics[3][11] == "2" && metrics[1][11] == "")
        let documents = try TablesPython.readCSV(dir.file("documents.csv.gz"))
        #expect(documents[2][8] == "松溪鎮2022年度法治政府建設工作報告, 附件\"一\"")
        #expect(documents[2][11] == "")                     // unknown publish date
        #expect(Array(documents[2][19...22]) == ["true", "false", "false", "true"])
        let errors = try TablesPython.readCSV(dir.file("errors.csv.gz"))
        #expect(errors[1][4] == "正文在表格布局中, 已按\"td\"逐段读取;\n部分段落可能顺序有误")
    }

    @Test func twoWritesAreByteIdentical() throws {
        let first = try TablesScratchDirectory()
        let second = try TablesScratchDirectory()
        defer { first.remove(); second.remove() }
        let writer = TableWriter(options: .init(formats: [.csvGz, .csv]))
        try writer.write(TablesFixture.tables, to: first.url)
        try writer.write(TablesFixture.tables, to: second.url)
        try writer.write(TablesFixture.tables, to: second.url)  // over its own previous output
        #expect(try first.names() == second.names())
        for name in try first.names() {
            #expect(try first.read(name) == second.read(name), "\(name)")
        }
        // The plain CSV is exactly what the gzip holds.
        for schema in TableCatalog.all {
            let gz = try GzipReader.inflate(try first.read("\(schema.name).csv.gz"))
            #expect(gz == (try first.read("\(schema.name).csv")))
        }
    }

    @Test func excelBOMIsWrittenOnlyWhenAsked() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        let writer = TableWriter(options: .init(formats: [.csvGz], csv: .init(excelBOM: true)))
        try writer.write([TablesFixture.tables[3]], to: dir.url)
        let bytes = try GzipReader.inflate(try dir.read("metrics.csv.gz"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(bytes.dropFirst(3).starts(with: Array("doc_id,metric_id,".utf8)))
        let script = """
        import gzip, csv, sys, json
        with gzip.open(sys.argv[1], 'rt', encoding='utf-8-sig', newline='') as f:
            json.dump(next(csv.reader(f)), sys.stdout)
        """
        let header = try JSONDecoder().decode([String].self, from: TablesPython.run(script, [dir.file("metrics.csv.gz").path]))
        #expect(header == TableCatalog.metrics.fieldNames)
    }

    @Test func spreadsheetSafetyCanBeTurnedOff() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        let writer = TableWriter(options: .init(formats: [.csv], csv: .init(spreadsheetSafe: false)))
        try writer.write([TablesFixture.tables[2]], to: dir.url)
        let rows = try TablesPython.readCSV(dir.file("paragraphs.csv"))
        #expect(rows[3][3] == TablesFixture.hyperlink)
    }

    /// Every kind of cell in every type of column, required or not, enumerated or not: the row
    /// check, with its shortcut for plain cells, answers as the pattern match over (cell, type)
    /// alone did.
    @Test func everyCellInEveryColumnIsJudgedAsTheRuleSays() {
        func reference(_ cell: Cell, _ field: Field) -> Bool {
            if cell.isMissing { return !field.required }
            switch (cell, field.type) {
            case (.text, .string), (.integer, .integer), (.integer, .number), (.number, .number), (.bool, .boolean),
                 (.date, .datetime):
                break
            case (.date(let iso), .date):
                guard iso.count == 10, iso.unicodeScalars.enumerated().allSatisfy({ ($0 == 4 || $0 == 7) ? $1 == "-" : ("0"..."9").contains($1) })
                else { return false }
            default:
                return false
            }
            return field.enumValues.map { $0.contains(cell.plainText) } ?? true
        }
        let cells: [Cell] = [.text("调解"), .text(""), .text("exact"), .integer(3), .integer(-1), .number(2.5), .number(4_000_000),
                             .date("2024-03-28"), .date("2024年3月28日"), .date(""), .bool(true), .null]
        var fitted = 0
        for type in FieldType.allCases {
            for required in [false, true] {
                for enumValues in [nil, ["exact", "3", "2.5"]] as [[String]?] {
                    let field = Field("c", type, "", required: required, enumValues: enumValues)
                    let schema = TableSchema(name: "t", description: "", fields: [field])
                    for cell in cells {
                        let fits = TableWriter.problem(with: [cell], in: schema) == nil
                        #expect(fits == reference(cell, field), "\(cell) in \(type) required \(required) enum \(enumValues ?? [])")
                        if fits { fitted += 1 }
                    }
                }
            }
        }
        #expect(fitted > 40)
    }

    @Test func badRowsAreRefusedBeforeAnythingIsWritten() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        try TableWriter().write(TablesFixture.tables, to: dir.url)
        let before = try dir.names().map { try dir.read($0) }

        var metric = TablesFixture.metrics[0]
        let cases: [(TableRow, String)] = [
            (Array(metric.dropLast()), "has 13 cells but the table has 14 columns"),
            ({ metric[6] = .text("27"); return metric }(), "column value: a text cell in a number column"),
            ({ metric = TablesFixture.metrics[0]; metric[8] = .text("roughly"); return metric }(),
             "column qualifier: \"roughly\" is not one of exact"),
            ({ metric = TablesFixture.metrics[0]; metric[9] = .text(""); return metric }(),
             "column raw: a value is required"),
            (TablesFixture.metrics[1], "primary key (3f9a1c07d2e4b6a8, 2) appears twice"),
        ]
        for (bad, message) in cases {
            let tables = [TableWriter.Table(schema: TableCatalog.metrics, rows: TablesFixture.metrics + [bad])]
            #expect {
                try TableWriter().write(tables, to: dir.url)
            } throws: { error in
                let text = "\(error)"
                return text.hasPrefix("table metrics: row 7: ") && text.contains(message)
            }
        }
        var document = TablesFixture.documents[0]
        document[11] = .date("2024年3月28日")
        #expect(throws: TableWriterError.self) {
            try TableWriter().write([.init(schema: TableCatalog.documents, rows: [document])], to: dir.url)
        }
        #expect(throws: TableWriterError.self) {
            try TableWriter().write(TablesFixture.tables, extraFiles: [("metrics.csv.gz", [])], to: dir.url)
        }
        #expect(try dir.names().map { try dir.read($0) } == before)
    }

    @Test func largeTablesStreamThroughManyChunks() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        let rows: [TableRow] = (0..<20_000).map { i in
            [.text("doc\(i / 500)"), .integer(i), .text(i % 100 < 50 ? "1.\(i % 7)" : ""),
             .text("第\(i)段：深入开展“八五”普法，组织法律进社区、进乡村活动\(i % 13)场，覆盖群众\(i * 3)人次。")]
        }
        try TableWriter().write([.init(schema: TableCatalog.paragraphs, rows: rows)], to: dir.url)
        let read = try TablesPython.readCSV(dir.file("paragraphs.csv.gz"))
        #expect(read.count == rows.count + 1)
        #expect(read.last == rows.last!.map(\.plainText))
        // Several buffers' worth, so the streaming path really ran more than once.
        #expect(try GzipReader.inflate(try dir.read("paragraphs.csv.gz")).count > 4 * TableWriter.bufferSize)
    }
}
