import Foundation
@testable import GovReport

/// The real clients (openpyxl and friends) that scripts/install-test-clients puts into
/// `.venv-tests/` at the package root. The tests install nothing themselves.
enum XLSXTestClients {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static var python: URL { TestSupport.repositoryRoot.appendingPathComponent(".venv-tests/bin/python") }

    /// Runs `script` with the venv's python and returns its standard output.
    static func runPython(_ script: String, _ arguments: [String]) throws -> Data {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(description: "\(python.path) is missing: run scripts/install-test-clients first "
                          + "(it installs openpyxl, DuckDB, pandas, frictionless and LibreOffice for these tests)")
        }
        let result = try TestSupport.run(python, ["-c", script] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "python exited \(result.status): \(result.stderr)")
        }
        return Data(result.stdout.utf8)
    }

    /// One cell as openpyxl reads it: its Python type, openpyxl's data type, the value as text
    /// (ISO format for dates), and the number format.
    struct ReadCell: Decodable, Equatable, CustomStringConvertible {
        var type: String
        var dataType: String
        var value: String?
        var numberFormat: String

        var description: String { "\(type)/\(dataType) \(value ?? "None") [\(numberFormat)]" }
    }

    struct ReadSheet: Decodable {
        var name: String
        var freezePanes: String?
        var autoFilter: String?
        var headerBold: [Bool]
        var widths: [Double?]
        var rows: [[ReadCell]]
    }

    /// Everything openpyxl sees in the workbook, sheet by sheet.
    static func readWorkbook(_ url: URL) throws -> [ReadSheet] {
        let script = """
        import sys, json, datetime, openpyxl
        from openpyxl.utils import get_column_letter
        wb = openpyxl.load_workbook(sys.argv[1])
        def cell(c):
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                text = v.isoformat()
            elif v is None:
                text = None
            elif isinstance(v, bool):
                text = 'true' if v else 'false'
            else:
                text = str(v)
            return {'type': type(v).__name__, 'dataType': c.data_type, 'value': text,
                    'numberFormat': c.number_format}
        sheets = []
        for ws in wb.worksheets:
            rows = [[cell(c) for c in row] for row in ws.iter_rows()]
            sheets.append({
                'name': ws.title, 'freezePanes': ws.freeze_panes, 'autoFilter': ws.auto_filter.ref,
                'headerBold': [bool(c.font.b) for c in ws[1]] if ws.max_row >= 1 else [],
                'widths': [ws.column_dimensions[get_column_letter(i)].width if get_column_letter(i) in ws.column_dimensions else None
                           for i in range(1, ws.max_column + 1)],
                'rows': rows})
        json.dump(sheets, sys.stdout, ensure_ascii=False)
        """
        return try JSONDecoder().decode([ReadSheet].self, from: runPython(script, [url.path]))
    }
}
