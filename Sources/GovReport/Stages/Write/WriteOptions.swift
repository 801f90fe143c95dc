import Foundation

/// Options of the `write` stage.
public struct WriteOptions: StageOptions {
    /// `csv.gz` (gzip-compressed CSV) and/or `csv` (plain, for tools that cannot read gzip), and
    /// `xlsx` (one workbook of every table, beside a CSV format).
    public var formats: [String] = ["csv.gz"]
    /// A UTF-8 byte order mark at the start of each CSV, for Excel on Chinese Windows.
    public var excelBOM = false
    /// Prefix `'` to text cells starting with = + - @ tab or CR (never numeric columns).
    public var spreadsheetSafe = true
    /// zlib compression level 1 (fast) to 9 (small).
    public var gzipLevel = 6

    public init() {}

    public static let supportedFormats = ["csv.gz", "csv", "xlsx"]

    public static let fields: [OptionField] = [
        OptionField("formats", .stringArray, "table formats to write: \"csv.gz\" and/or \"csv\", and \"xlsx\" for the workbook govreport.xlsx (one sheet per table, beside a CSV format)"),
        OptionField("excelBOM", .bool, "start each CSV with a UTF-8 byte order mark (Excel on Chinese Windows reads BOM-less CSV as GBK)"),
        OptionField("spreadsheetSafe", .bool, "prefix ' to text cells that start with = + - @ tab or CR, so spreadsheets do not run them as formulas; numeric columns are never touched"),
        OptionField("gzipLevel", .int, "gzip compression level, 1 (fastest) to 9 (smallest)"),
    ]

    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if formats.isEmpty { problems.append(ConfigProblem("\(path).formats", "at least one format is needed")) }
        for (index, format) in formats.enumerated() where !Self.supportedFormats.contains(format) {
            problems.append(ConfigProblem("\(path).formats[\(index)]", "unknown format \"\(format)\" (supported: \(Self.supportedFormats.joined(separator: ", ")))"))
        }
        if formats.contains("xlsx"), !formats.contains("csv.gz"), !formats.contains("csv") {
            problems.append(ConfigProblem("\(path).formats", "xlsx needs \"csv.gz\" or \"csv\" beside it: datapackage.json describes the CSV files"))
        }
        if Set(formats).count != formats.count {
            problems.append(ConfigProblem("\(path).formats", "a format is listed twice"))
        }
        if !(1...9).contains(gzipLevel) { problems.append(ConfigProblem("\(path).gzipLevel", "must be from 1 to 9")) }
        return problems
    }
}

struct WriteDescriptor: StageDescriptor {
    var name: String { "write" }
    var summary: String { "builds the tables from the cached stage outputs and writes them atomically with datapackage.json and run-report.json" }
    var fields: [OptionField] { WriteOptions.fields }
    var defaultsJSON: [String: String] { GovReport.defaultsJSON(WriteOptions.self) }

    /// Bump when the tables' layout changes so that unchanged inputs are written anew.
    static let version = 2

    func configure(_ object: [String: Any], path: String, baseDirectory: URL) -> (ConfiguredStage?, [ConfigProblem]) {
        let (options, problems) = OptionsDecoder.decode(WriteOptions.self, from: object, path: path, baseDirectory: baseDirectory)
        guard let options else { return (nil, problems) }
        let fingerprint = "write/v\(Self.version)/" + OptionsDecoder.fingerprint(options)
        return (ConfiguredStage(name: name, fingerprint: fingerprint, kind: .write(options)), problems)
    }
}
