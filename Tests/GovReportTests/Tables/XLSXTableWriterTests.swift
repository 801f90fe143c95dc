import Foundation
import Testing
@testable import GovReport

/// `TableWriter` with `xlsx` among its formats: the workbook in the same atomic commit as the CSVs.
@Suite struct XLSXTableWriterTests {
    @Test func theWorkbookIsWrittenBesideTheCSVsInOneCommit() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        let writer = TableWriter(options: .init(formats: [.csvGz, .xlsx], xlsxRowsPerSheet: 4))
        var seen: TableWriter.Written?
        let written = try writer.write(XLSXWorkbookTests.tables, to: dir.url) { written in
            seen = written
            let report = written.notes.map { $0 + "\n" }.joined()
            return [("run-report.json", Array(report.utf8))]
        }
        let csvs = TableCatalog.all.map { "\($0.name).csv.gz" }
        #expect(seen?.files == csvs + ["govreport.xlsx", "datapackage.json"])
        #expect(written.files == csvs + ["govreport.xlsx", "datapackage.json", "run-report.json"])
        #expect(try dir.names() == written.files.sorted())

        // Three rows a sheet: the four sections, six paragraphs and six metrics take two sheets each.
        let notes = written.notes
        #expect(notes.count == 3)
        #expect(notes.first == "xlsx: table sections has 4 rows, more than one sheet holds (3 below the header); "
                + "the workbook continues it on sheets sections (2)")
        #expect(notes.contains { $0.hasPrefix("xlsx: table paragraphs has 6 rows") && $0.hasSuffix("paragraphs (2)") })
        #expect(notes.contains { $0.hasPrefix("xlsx: table metrics has 6 rows") && $0.hasSuffix("metrics (2)") })
        #expect(String(decoding: try dir.read("run-report.json"), as: UTF8.self) == notes.map { $0 + "\n" }.joined())
        let sheets = try XLSXTestClients.readWorkbook(dir.file("govreport.xlsx"))
        #expect(sheets.map(\.name) == ["README", "documents", "sections", "sections (2)", "paragraphs",
                                       "paragraphs (2)", "metrics", "metrics (2)", "citations", "entities",
                                       "indicators", "errors"])

        // datapackage.json describes the CSV files, not the workbook.
        let package = try JSONSerialization.jsonObject(with: Data(try dir.read("datapackage.json"))) as! [String: Any]
        let paths = (package["resources"] as! [[String: Any]]).map { $0["path"] as! String }
        #expect(paths == csvs)
    }

    @Test func workbookTextMatchesTheCSVField() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        try TableWriter(options: .init(formats: [.csv, .xlsx])).write(XLSXWorkbookTests.tables, to: dir.url)
        let sheets = try XLSXTestClients.readWorkbook(dir.file("govreport.xlsx"))
        for table in XLSXWorkbookTests.tables {
            let csv = try TablesPython.readCSV(dir.file("\(table.schema.name).csv"))
            let sheet = sheets.first { $0.name == table.schema.name }!
            for (csvRow, (sheetRow, row)) in zip(csv.dropFirst(), zip(sheet.rows.dropFirst(), table.rows)) {
                for (index, cell) in row.enumerated() {
                    guard case .text(let text) = cell, !text.isEmpty else { continue }
                    #expect(sheetRow[index].value == csvRow[index], "\(table.schema.name) \(table.schema.fields[index].name)")
                }
            }
        }
    }

    @Test func theWorkbookNeedsACSVBesideItAndComesOnce() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        let alone = #expect(throws: TableWriterError.self) {
            try TableWriter(options: .init(formats: [.xlsx])).write(XLSXWorkbookTests.tables, to: dir.url)
        }
        #expect(alone?.message.contains("csv") == true)
        #expect(throws: TableWriterError.self) {
            try TableWriter(options: .init(formats: [.csvGz, .xlsx, .xlsx])).write(XLSXWorkbookTests.tables, to: dir.url)
        }
        #expect(throws: TableWriterError.self) {
            try TableWriter(options: .init(formats: [.csvGz, .xlsx]))
                .write(XLSXWorkbookTests.tables, extraFiles: [("govreport.xlsx", [])], to: dir.url)
        }
        #expect(try dir.names().isEmpty)
    }

    @Test func aFailingWorkbookLeavesThePreviousOutputsAsTheyWere() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        try TableWriter(options: .init(formats: [.csvGz, .xlsx])).write(XLSXWorkbookTests.tables, to: dir.url)
        let before = try dir.names().map { try dir.read($0) }

        var changed = XLSXWorkbookTests.tables
        changed[2].rows[0][3] = .text("2024年，临河区持续深化法治政府建设。")
        // One row a sheet is no sheet at all: the workbook fails after the CSVs were staged.
        let error = #expect(throws: XLSXError.self) {
            try TableWriter(options: .init(formats: [.csvGz, .xlsx], xlsxRowsPerSheet: 1)).write(changed, to: dir.url)
        }
        #expect(error?.path.hasSuffix("/.govreport-staging/govreport.xlsx") == true)
        #expect(try dir.names().map { try dir.read($0) } == before)
        #expect(try !dir.names().contains(AtomicOutputSet.stagingName))
    }

    @Test func theWholeSetIsByteIdenticalAcrossRuns() throws {
        let first = try TablesScratchDirectory()
        let second = try TablesScratchDirectory()
        defer { first.remove(); second.remove() }
        let writer = TableWriter(options: .init(formats: [.csvGz, .xlsx]))
        try writer.write(XLSXWorkbookTests.tables, to: first.url)
        try writer.write(XLSXWorkbookTests.tables, to: second.url)
        #expect(try first.read("govreport.xlsx") == second.read("govreport.xlsx"))
    }

    @Test func aFileStagedByPathIsCommittedOrRemovedWithTheSet() throws {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        var set = try AtomicOutputSet(outputDirectory: dir.url)
        var stagedAt = ""
        try set.addFile(named: "govreport.xlsx", writingWith: { path in
            stagedAt = path
            try XLSXWorkbook.write(XLSXWorkbookTests.tables, to: path)
        })
        #expect(stagedAt == dir.url.standardizedFileURL.path + "/.govreport-staging/govreport.xlsx")
        // A body that throws leaves no partial file and no name; one that writes nothing is refused.
        #expect(throws: XLSXError.self) {
            try set.addFile(named: "broken.xlsx", writingWith: { path in
                try Data("PK".utf8).write(to: URL(fileURLWithPath: path))
                try XLSXWorkbook.write(XLSXWorkbookTests.tables, to: path, options: .init(rowsPerSheet: 0))
            })
        }
        #expect(!FileManager.default.fileExists(atPath: dir.url.path + "/.govreport-staging/broken.xlsx"))
        #expect(throws: OutputError.self) { try set.addFile(named: "nothing.xlsx", writingWith: { _ in }) }
        #expect(throws: OutputError.self) { try set.addFile(named: "govreport.xlsx", writingWith: { _ in }) }
        #expect(set.names == ["govreport.xlsx"])
        try set.commit()
        #expect(try dir.names() == ["govreport.xlsx"])
        #expect(try XLSXTestClients.readWorkbook(dir.file("govreport.xlsx")).first?.name == "README")
    }
}
