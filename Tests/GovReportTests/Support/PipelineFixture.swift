import Foundation
@testable import GovReport

/// A throw-away project folder with a copy of samples/ and a pipeline.json, run with the real
/// binary the way a user runs it.
struct PipelineFixture {
    let root: URL

    init(name: String = #function, stages: [String] = StageRegistry.names, extraFiles: [String: Data] = [:],
         writeOptions: String = "") throws {
        root = try TestSupport.temporaryDirectory(name)
        try FileManager.default.copyItem(at: TestSupport.samples, to: root.appendingPathComponent("samples"))
        for (path, data) in extraFiles {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let stageList = stages.map { $0 == "write" && !writeOptions.isEmpty ? "{\"type\": \"write\", \(writeOptions)}" : "{\"type\": \"\($0)\"}" }
        let config = """
        {"sources": [{"type": "files", "paths": ["samples/pages/*.html", "samples/text/*.txt", "extra/*"]}],
         "stages": [\(stageList.joined(separator: ", "))]}
        """
        try FileManager.default.createDirectory(at: root.appendingPathComponent("extra"), withIntermediateDirectories: true)
        try TestSupport.write(config, to: root.appendingPathComponent("pipeline.json"))
    }

    var out: URL { root.appendingPathComponent("out") }

    @discardableResult
    func run(_ arguments: [String] = []) throws -> TestSupport.ProcessResult {
        try TestSupport.govreport(["run", "--config", "pipeline.json", "--log-format", "json"] + arguments, in: root)
    }

    func report() throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("run-report.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// processed/cached/failed/not_run of one stage in the last run report.
    func counts(_ stage: String) throws -> [String: Int] {
        let stages = try report()["stages"] as? [[String: Any]] ?? []
        guard let entry = stages.first(where: { $0["stage"] as? String == stage }) else { return [:] }
        var result: [String: Int] = [:]
        for key in ["processed", "cached", "failed", "not_run"] { result[key] = entry[key] as? Int }
        return result
    }

    /// Reads a gzipped CSV table with Python's gzip and csv modules: a real reader, not ours.
    func table(_ name: String) throws -> [[String: String]] {
        let script = """
        import gzip, csv, json, sys
        with gzip.open(sys.argv[1], 'rt', encoding='utf-8', newline='') as f:
            print(json.dumps(list(csv.DictReader(f)), ensure_ascii=False))
        """
        let result = try TestSupport.python(script, [out.appendingPathComponent("\(name).csv.gz").path])
        guard result.status == 0 else { throw FixtureError.python(result.stderr) }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]] ?? []
    }

    /// Every output file's bytes except the run report (which holds timings).
    func outputBytes() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name != "run-report.json" {
            files[name] = try Data(contentsOf: out.appendingPathComponent(name))
        }
        return files
    }

    enum FixtureError: Error { case python(String) }
}
