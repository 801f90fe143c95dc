import Foundation
@testable import GovReport

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TablesScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("govreport-tables-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: file(name))) }

    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func remove() {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }
}

enum TablesPython {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `python3 -c script args…` and returns its standard output.
    static func run(_ script: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting so that a large output cannot fill the pipe and stall python.
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 exited \(process.terminationStatus): "
                          + (String(data: stderr, encoding: .utf8) ?? ""))
        }
        return stdout
    }

    /// Reads a CSV (gzipped when the name ends in .gz) with Python's own gzip and csv modules.
    static func readCSV(_ url: URL) throws -> [[String]] {
        let script = """
        import gzip, csv, sys, json
        path = sys.argv[1]
        opener = gzip.open if path.endswith('.gz') else open
        with opener(path, 'rt', encoding='utf-8', newline='') as f:
            rows = list(csv.reader(f, strict=True))
        json.dump(rows, sys.stdout, ensure_ascii=False)
        """
        let data = try run(script, [url.path])
        return try JSONDecoder().decode([[String]].self, from: data)
    }
}
