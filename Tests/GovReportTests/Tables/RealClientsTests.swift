import Foundation
import Testing
@testable import GovReport

/// The sample outputs read by the clients analysts use: DuckDB, pandas, the Frictionless
/// validator, openpyxl and LibreOffice (installed by scripts/install-test-clients).
@Suite(.serialized) struct RealClientsTests {
    static func project(_ writeOptions: String, name: String = #function) throws -> PipelineFixture {
        let fixture = try PipelineFixture(name: name, writeOptions: writeOptions)
        let result = try fixture.run()
        #expect(result.status == 0, "\(result.stderr)")
        return fixture
    }

    @Test func everyClientReadsTheSampleOutputs() throws {
        let fixture = try Self.project(#""formats": ["csv.gz", "xlsx"]"#)
        let check = try TestSupport.run(TestSupport.repositoryRoot.appendingPathComponent("scripts/check-outputs"),
                                        [fixture.out.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        for expected in ["DuckDB read_csv_auto types metrics.csv.gz as the schema says",
                         "pandas read_csv reads paragraphs.csv.gz", "frictionless validate datapackage.json: valid",
                         "openpyxl opens govreport.xlsx", "LibreOffice converts govreport.xlsx",
                         "LibreOffice converts documents-bom.csv (with BOM)"] {
            #expect(check.stdout.contains(expected), "missing check: \(expected)")
        }
    }

    @Test func duckDBGetsTheSchemaTypesWithNoOptions() throws {
        let fixture = try Self.project(#""formats": ["csv.gz"]"#)
        let script = """
        import sys, json, duckdb
        out = {}
        for table in ("metrics", "documents"):
            rows = duckdb.sql(f"DESCRIBE SELECT * FROM read_csv_auto('{sys.argv[1]}/{table}.csv.gz')").fetchall()
            out[table] = {name: kind for name, kind, *_ in rows}
        print(json.dumps(out))
        """
        let types = try JSONSerialization.jsonObject(with: XLSXTestClients.runPython(script, [fixture.out.path])) as? [String: [String: String]] ?? [:]
        #expect(types["metrics"]?["value"] == "DOUBLE", "whole values are still written with a decimal point")
        #expect(types["metrics"]?["metric_id"] == "BIGINT")
        #expect(types["metrics"]?["parent_metric_id"] == "BIGINT")
        #expect(types["documents"]?["report_year"] == "BIGINT")
        #expect(types["documents"]?["publish_date"] == "DATE")
        #expect(types["documents"]?["has_measures"] == "BOOLEAN")
    }

    @Test func formulaTextFromASampleIsNeutralisedInCSVAndWorkbook() throws {
        let fixture = try Self.project(#""formats": ["csv.gz", "xlsx"]"#)
        let formula = "=HYPERLINK(\"http://example.invalid/taoyuan/2022/12345-gongdan.xlsx\",\"12345热线工单办理明细(2022年)\")"
        let paragraphs = try fixture.table("paragraphs")
        #expect(paragraphs.contains { $0["text"] == "'" + formula }, "the CSV cell starts with ' and not with =")
        #expect(!paragraphs.contains { $0["text"]?.hasPrefix("=") == true })
        let sheets = try XLSXTestClients.readWorkbook(fixture.out.appendingPathComponent("govreport.xlsx"))
        let cells = sheets.flatMap { $0.rows.joined() }
        #expect(!cells.contains { $0.dataType == "f" }, "no cell of the workbook is a formula")
        let sheet = try #require(sheets.first { $0.name == "paragraphs" })
        let cell = try #require(sheet.rows.joined().first { $0.value?.contains("HYPERLINK") == true && $0.value?.hasPrefix("'") == true })
        #expect(cell.dataType == "s" && cell.value == "'" + formula)
        let metric = try #require(sheets.first { $0.name == "metrics" }?.rows.dropFirst().first)
        #expect(metric[6].type == "float" || metric[6].type == "int", "value is a numeric cell: \(metric[6])")
    }

    @Test func plainCSVWithAByteOrderMarkHoldsWhatTheGzipHolds() throws {
        let gzipped = try Self.project(#""formats": ["csv.gz"]"#)
        let plain = try Self.project(#""formats": ["csv"], "excelBOM": true"#)
        let names = try FileManager.default.contentsOfDirectory(atPath: plain.out.path)
        #expect(!names.contains { $0.hasSuffix(".csv.gz") })
        for table in TablesWriter.tables.map(\.name) {
            let csv = try [UInt8](Data(contentsOf: plain.out.appendingPathComponent("\(table).csv")))
            #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(table).csv starts with a BOM")
            let inflated = try GzipReader.inflate(Data(contentsOf: gzipped.out.appendingPathComponent("\(table).csv.gz")))
            #expect(Array(csv.dropFirst(3)) == inflated, "\(table).csv differs from \(table).csv.gz")
        }
        let package = try String(contentsOf: plain.out.appendingPathComponent("datapackage.json"), encoding: .utf8)
        #expect(package.contains("\"path\" : \"metrics.csv\"") || package.contains("\"path\": \"metrics.csv\""))
    }
}
