import Foundation
import Testing
@testable import GovReport

/// `TableWriter.writeStreaming`: rows handed over document by document, for every table in
/// turn, as the write stage does; the files must be those of a whole-table write.
@Suite struct TableStreamWriterTests {
    /// The fixture's rows of one document, table by table, in the fixture's order.
    private func streamByDocument(_ sink: TableWriter.RowSink) throws {
        for docId in [TablesFixture.linhe, TablesFixture.songxi] {
            for (index, table) in TablesFixture.tables.enumerated() {
                try sink.append(table.rows.filter { $0[0] == .text(docId) }, toTable: index)
            }
        }
    }

    @Test func streamingGivesTheBytesOfAWholeTableWrite() throws {
        let whole = try TablesScratchDirectory()
        let streamed = try TablesScratchDirectory()
        defer { whole.remove(); streamed.remove() }
        let writer = TableWriter(options: .init(formats: [.csvGz, .csv]))
        try writer.write(TablesFixture.tables, extraFiles: [("run-report.json", Array("{}\n".utf8))], to: whole.url)
        let (written, counts) = try writer.writeStreaming(TablesFixture.tables.map(\.schema), to: streamed.url,
                                                          produce: streamByDocument) { _, _ in
            [("run-report.json", Array("{}\n".utf8))]
        }
        #expect(counts == TablesFixture.tables.map(\.rows.count))
        #expect(written.files.last == "run-report.json")
        #expect(try whole.names() == streamed.names())
        for name in try whole.names() {
            #expect(try whole.read(name) == streamed.read(name), "\(name)")
        }
    }

    /// Several times the write buffer, so that every stream is flushed mid-table, into both CSV
    /// formats at once (the line is encoded once and copied to the other format's buffer).
    /// 12,000 paragraph rows, 40 a document: several buffers' worth.
    private static let manyParagraphs: [TableRow] = {
        let base = TablesFixture.paragraphs
        var rows: [TableRow] = []
        for number in 0..<12_000 {
            var row = base[number % base.count]
            row[0] = .text(String(format: "%016x", number / 40))
            row[1] = .integer(number % 40 + 1)
            rows.append(row)
        }
        return rows
    }()

    /// Also with the files compressed and written on threads of their own (runs with --jobs > 1).
    @Test(arguments: [false, true])
    func aTableLargerThanTheBufferStreamsIntoEveryFormatWhole(inBackground: Bool) throws {
        let rows = Self.manyParagraphs
        let table = TableWriter.Table(schema: TableCatalog.paragraphs, rows: rows)
        let bytes = CSVEncoder().encode(header: table.schema.fieldNames, rows: rows)
        #expect(bytes.count > 4 * TableWriter.bufferSize)

        let whole = try TablesScratchDirectory()
        let streamed = try TablesScratchDirectory()
        defer { whole.remove(); streamed.remove() }
        try TableWriter(options: .init(formats: [.csv, .csvGz])).write([table], extraFiles: [], to: whole.url)
        let writer = TableWriter(options: .init(formats: [.csv, .csvGz], compressInBackground: inBackground))
        _ = try writer.writeStreaming([table.schema], to: streamed.url, produce: { sink in
            for start in stride(from: 0, to: rows.count, by: 40) {
                try sink.append(Array(rows[start..<min(start + 40, rows.count)]), toTable: 0)
            }
        }) { _, _ in [] }
        #expect(try whole.names() == streamed.names())
        for name in try whole.names() {
            #expect(try whole.read(name) == streamed.read(name), "\(name)")
        }
        #expect(try streamed.read("paragraphs.csv") == bytes)
    }

    /// A bad row after chunks have gone to the background threads: the error comes out, the
    /// threads are done before the staged files are dropped, and the previous outputs stay.
    @Test func aBadRowAfterBackgroundChunksLeavesThePreviousOutputs() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        let rows = Self.manyParagraphs
        try TableWriter().write([TableWriter.Table(schema: TableCatalog.paragraphs, rows: Array(rows.prefix(80)))], to: dir.url)
        let before = try dir.names().map { try dir.read($0) }
        var bad = rows[0]
        bad[1] = .text("一")
        let writer = TableWriter(options: .init(formats: [.csv, .csvGz], compressInBackground: true))
        #expect {
            try writer.writeStreaming([TableCatalog.paragraphs], to: dir.url) { sink in
                try sink.append(Array(rows.prefix(8_000)), toTable: 0)
                try sink.append([bad], toTable: 0)
            }
        } throws: { "\($0)".contains("row 8001") }
        #expect(try dir.names().map { try dir.read($0) } == before)
    }

    @Test func aBadRowMidStreamLeavesThePreviousOutputs() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        let writer = TableWriter()
        try writer.write(TablesFixture.tables, to: dir.url)
        let before = try dir.names().map { try dir.read($0) }
        let metrics = TablesFixture.tables.firstIndex { $0.schema.name == "metrics" }!
        let schemas = TablesFixture.tables.map(\.schema)

        // 调处矛盾纠纷208起 a second time under the same metric_id.
        #expect {
            try writer.writeStreaming(schemas, to: dir.url) { sink in
                try streamByDocument(sink)
                try sink.append([TablesFixture.metrics[3]], toTable: metrics)
            }
        } throws: { "\($0)".contains("primary key (\(TablesFixture.songxi), 1) appears twice") }
        // A document's metrics split around another document's: the key check could not be exact.
        #expect {
            try writer.writeStreaming(schemas, to: dir.url) { sink in
                try sink.append([TablesFixture.metrics[0]], toTable: metrics)
                try sink.append([TablesFixture.metrics[3]], toTable: metrics)
                try sink.append([TablesFixture.metrics[1]], toTable: metrics)
            }
        } throws: { "\($0)".contains("do not come together") }
        var metric = TablesFixture.metrics[0]
        metric[6] = .text("二十七")
        #expect {
            try writer.writeStreaming(schemas, to: dir.url) { sink in try sink.append([metric], toTable: metrics) }
        } throws: { "\($0)" == "table metrics: row 1: column value: a text cell in a number column" }
        #expect(try dir.names().map { try dir.read($0) } == before)
    }

    // MARK: Encoded groups and kept tables

    private func streamGroups(_ sink: TableWriter.RowSink) throws {
        for docId in [TablesFixture.linhe, TablesFixture.songxi] {
            for (index, table) in TablesFixture.tables.enumerated() {
                let rows = table.rows.filter { $0[0] == .text(docId) }
                try sink.append(TableWriter.EncodedGroup(rows: rows, schema: table.schema, encoder: CSVEncoder()), toTable: index)
            }
        }
    }

    /// A document's rows encoded ahead (as the write stage keeps them) give the bytes of rows
    /// handed over one by one.
    @Test func encodedGroupsGiveTheBytesOfRows() throws {
        let rows = try TablesScratchDirectory()
        let groups = try TablesScratchDirectory()
        defer { rows.remove(); groups.remove() }
        let writer = TableWriter(options: .init(formats: [.csvGz, .csv]))
        let schemas = TablesFixture.tables.map(\.schema)
        try writer.writeStreaming(schemas, to: rows.url, produce: streamByDocument)
        let (_, counts) = try writer.writeStreaming(schemas, to: groups.url, produce: streamGroups)
        #expect(counts == TablesFixture.tables.map(\.rows.count))
        for name in try rows.names() {
            #expect(try rows.read(name) == groups.read(name), "\(name)")
        }
    }

    @Test func aGroupIsCheckedWhenEncodedAndPlacedOnceInItsTable() throws {
        let schema = TableCatalog.paragraphs
        let rows = TablesFixture.paragraphs.filter { $0[0] == .text(TablesFixture.linhe) }
        #expect(rows.count >= 2)
        // Two documents' rows are not one group; a key twice is refused; so is a bad cell.
        #expect(throws: TableWriterError.self) {
            try TableWriter.EncodedGroup(rows: TablesFixture.paragraphs, schema: schema, encoder: CSVEncoder())
        }
        #expect {
            try TableWriter.EncodedGroup(rows: [rows[0], rows[1], rows[0]], schema: schema, encoder: CSVEncoder())
        } throws: { "\($0)".contains("row 3 of its group: primary key (\(TablesFixture.linhe), 1) appears twice") }
        // A key that ends in text (section_id) is checked as one that ends in an integer.
        let sections = TablesFixture.sections.filter { $0[0] == .text(TablesFixture.linhe) }
        #expect(sections.count >= 2)
        #expect(try TableWriter.EncodedGroup(rows: sections, schema: TableCatalog.sections, encoder: CSVEncoder()).rows == sections.count)
        #expect {
            try TableWriter.EncodedGroup(rows: sections + [sections[1]], schema: TableCatalog.sections, encoder: CSVEncoder())
        } throws: { "\($0)".contains("row \(sections.count + 1) of its group: primary key") }
        var bad = rows[0]
        bad[1] = .text("one")
        #expect(throws: TableWriterError.self) { try TableWriter.EncodedGroup(rows: [bad], schema: schema, encoder: CSVEncoder()) }

        let group = try TableWriter.EncodedGroup(rows: rows, schema: schema, encoder: CSVEncoder())
        #expect(group.group == TablesFixture.linhe && group.rows == rows.count)
        let scratch = try TablesScratchDirectory()
        defer { scratch.remove() }
        #expect(throws: TableWriterError.self) {
            try TableWriter().writeStreaming([schema], to: scratch.url) { sink in
                try sink.append(group, toTable: 0)
                try sink.append(TableWriter.EncodedGroup(rows: TablesFixture.paragraphs.filter { $0[0] == .text(TablesFixture.songxi) },
                                                         schema: schema, encoder: CSVEncoder()), toTable: 0)
                try sink.append(group, toTable: 0)
            }
        }
        #expect(try scratch.names().isEmpty)
    }

    /// A kept table's file is left as it was (not staged, not touched); the others are written.
    @Test func keptTablesStayAsTheyWere() throws {
        let scratch = try TablesScratchDirectory()
        defer { scratch.remove() }
        let writer = TableWriter()
        let schemas = TablesFixture.tables.map(\.schema)
        try writer.writeStreaming(schemas, to: scratch.url, produce: streamByDocument)
        let metricsIndex = try #require(schemas.firstIndex { $0.name == "metrics" })
        let before = try #require(FileStamp.of(scratch.file("metrics.csv.gz").path))
        let paragraphsBefore = try #require(FileStamp.of(scratch.file("paragraphs.csv.gz").path))
        let bytes = try scratch.read("metrics.csv.gz")
        let (written, counts) = try writer.writeStreaming(schemas, to: scratch.url, keeping: [metricsIndex], produce: streamGroups)
        #expect(!written.files.contains("metrics.csv.gz") && written.files.contains("paragraphs.csv.gz"))
        #expect(counts[metricsIndex] == 0)
        #expect(FileStamp.of(scratch.file("metrics.csv.gz").path) == before)
        #expect(try scratch.read("metrics.csv.gz") == bytes)
        #expect(FileStamp.of(scratch.file("paragraphs.csv.gz").path) != paragraphsBefore)
        // The workbook holds every table: nothing can be kept beside it.
        #expect(throws: TableWriterError.self) {
            try TableWriter(options: .init(formats: [.csvGz, .xlsx])).writeStreaming(schemas, to: scratch.url, keeping: [0]) { _ in }
        }
    }
}
