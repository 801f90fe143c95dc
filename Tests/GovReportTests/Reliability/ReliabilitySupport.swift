import Foundation
@testable import GovReport
#if canImport(Glibc)
import Glibc
#endif

/// A throw-away project for the reliability tests: a folder with a pipeline.json over a
/// generated corpus, run with the real binary.
struct ReliabilityProject {
    let root: URL

    /// `sources`: paths for the one `files` source, relative to `root` or absolute; `fetch`,
    /// `strip`, `extract`: options of those stages as JSON members (`"maxMetrics": 3`).
    init(name: String = #function, sources: [String], fetch: String = "", strip: String = "",
         extract: String = "") throws {
        root = try TestSupport.temporaryDirectory(name)
        let paths = sources.map { "\"\($0)\"" }.joined(separator: ", ")
        let options = ["fetch": fetch, "strip": strip, "extract": extract, "write": #""formats": ["csv.gz"]"#]
        let stages = StageRegistry.names.map { name in
            let extra = options[name] ?? ""
            return extra.isEmpty ? "{\"type\": \"\(name)\"}" : "{\"type\": \"\(name)\", \(extra)}"
        }
        try TestSupport.write("""
            {"workDir": "work", "outputDir": "out",
             "sources": [{"type": "files", "paths": [\(paths)]}],
             "stages": [\(stages.joined(separator: ", "))]}
            """, to: root.appendingPathComponent("pipeline.json"))
    }

    var out: URL { root.appendingPathComponent("out") }
    var store: URL { root.appendingPathComponent("work/\(WorkStore.fileName)") }

    static let runArguments = ["run", "--config", "pipeline.json", "--log-format", "json", "--jobs", "2"]

    func run(_ extra: [String] = []) throws -> TestSupport.ProcessResult {
        try TestSupport.govreport(Self.runArguments + extra, in: root)
    }

    /// Runs govreport under a Python parent that reports the child's peak resident set size
    /// (getrusage RUSAGE_CHILDREN, in kilobytes on Linux).
    func runMeasuringMemory() throws -> (result: TestSupport.ProcessResult, maxRSSKilobytes: Int) {
        let figure = root.appendingPathComponent("maxrss.txt")
        let script = """
        import resource, subprocess, sys
        status = subprocess.run(sys.argv[2:]).returncode
        open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
        sys.exit(status)
        """
        let result = try TestSupport.run(URL(fileURLWithPath: "/usr/bin/env"),
                                         ["python3", "-c", script, figure.path, TestSupport.binary.path] + Self.runArguments,
                                         in: root)
        let text = (try? String(contentsOf: figure, encoding: .utf8)) ?? ""
        return (result, Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
    }

    /// A table read with Python's gzip and csv modules.
    func table(_ name: String) throws -> [[String: String]] {
        let script = """
        import gzip, csv, json, sys
        csv.field_size_limit(sys.maxsize)  # the run-together report is one paragraph of 1.4 M characters
        with gzip.open(sys.argv[1], 'rt', encoding='utf-8', newline='') as f:
            print(json.dumps(list(csv.DictReader(f)), ensure_ascii=False))
        """
        let result = try TestSupport.python(script, [out.appendingPathComponent("\(name).csv.gz").path])
        guard result.status == 0 else { throw ReliabilityError.failed("reading \(name): \(result.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]] ?? []
    }

    /// Every output file's bytes except the run report, which holds timings.
    func outputBytes() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name != "run-report.json" {
            files[name] = try Data(contentsOf: out.appendingPathComponent(name))
        }
        return files
    }

    /// Answers of one SQL query on the work store, through the sqlite3 command-line shell
    /// (a reader of its own, as an analyst would use); nil when the store cannot be read yet.
    func query(_ sql: String) -> String? {
        guard FileManager.default.fileExists(atPath: store.path),
              let result = try? TestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["sqlite3", store.path, sql]),
              result.status == 0 else { return nil }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func count(_ sql: String) -> Int { query(sql).flatMap { Int($0) } ?? 0 }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

enum ReliabilityError: Error { case failed(String) }

enum ReliabilityScripts {
    /// Runs scripts/make-bad-inputs with the given arguments.
    static func makeInputs(_ arguments: [String]) throws {
        let script = TestSupport.repositoryRoot.appendingPathComponent("scripts/make-bad-inputs")
        let result = try TestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path] + arguments)
        guard result.status == 0 else { throw ReliabilityError.failed("make-bad-inputs \(arguments): \(result.stderr)") }
    }

    /// What make-bad-inputs wrote about each file (kind, title, paragraphs, ...).
    static func manifest(_ corpus: URL) throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: corpus.appendingPathComponent("manifest.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
    }
}
