import Foundation
import Testing
@testable import GovReport
#if canImport(Glibc)
import Glibc
#endif

/// `govreport run` killed (SIGKILL) at several points of a run over many fictional reports, then
/// run again: the outputs are byte for byte those of a run never interrupted, no partial output
/// is ever visible, and the work store passes SQLite's integrity check. SIGTERM and SIGINT stop
/// a run cleanly: exit status 1, the lock released, the documents done kept.
@Suite(.serialized) struct CrashSafetyTests {
    static let documentCount = 60

    /// Where a run is killed, and how the test knows it got there.
    enum Point: String, CaseIterable, CustomTestStringConvertible {
        /// Just after the listing is stored, while documents are still being read (each goes
        /// through every stage in turn, so the first few may be extracted already).
        case fetch
        /// Half of the documents extracted, the others on their way.
        case extract
        /// The tables being written into the output folder's staging directory.
        case write

        var testDescription: String { rawValue }
    }

    @Test(arguments: Point.allCases)
    func aKilledRunResumesToTheSameBytes(_ point: Point) throws {
        let reference = try Self.referenceOutputs()
        var landed = false
        for attempt in 1...3 where !landed {
            let project = try Self.project("kill-\(point.rawValue)-\(attempt)")
            let run = try RunningGovreport(project)
            let reached = run.waitUntil { Self.reached(point, project) }
            run.signal(SIGKILL)
            _ = run.wait()
            guard reached, let extracted = Self.landed(point, project) else {
                project.remove()
                continue
            }
            landed = true
            print("killed during \(point) at attempt \(attempt): \(extracted) of \(Self.documentCount) documents extracted")

            // As the kill left it: a sound store and no partial output in sight.
            #expect(project.query("PRAGMA integrity_check") == "ok", "\(point)")
            try Self.expectNoPartialOutputs(project)

            let rerun = try project.run()
            #expect(rerun.status == 0, "\(rerun.stderr.suffix(2000))")
            #expect(try project.outputBytes() == reference, "outputs after a kill during \(point) differ")
            try Self.expectCleanOutputFolder(project)
            #expect(project.query("PRAGMA integrity_check") == "ok")
            // What was extracted before the kill was kept, and not redone.
            let counts = try Self.counts("extract", project)
            #expect(counts["cached"] == extracted && counts["processed"] == Self.documentCount - extracted,
                    "\(point): \(extracted) extracted before the kill, rerun \(counts)")
            project.remove()
        }
        #expect(landed, "three runs ended before the kill reached \(point)")
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsTheRunCleanlyAndKeepsTheWorkDone(_ signal: Int32) throws {
        let reference = try Self.referenceOutputs()
        let project = try Self.project("signal-\(signal)")
        let run = try RunningGovreport(project)
        let reached = run.waitUntil { project.count("SELECT count(*) FROM outputs WHERE stage = 'extract'") >= Self.documentCount / 3 }
        #expect(reached, "the run ended before it could be stopped")
        run.signal(signal)
        let status = run.wait()
        #expect(status == 1, "signal \(signal): exit status \(status)")
        #expect(run.stderr.contains("stopping after the documents in hand"))
        // A stopped run leaves the tables as they were (none yet) and says it stopped.
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: project.out.appendingPathComponent("run-report.json"))) as? [String: Any]
        #expect(report?["exit_status"] as? Int == 1)
        #expect(!FileManager.default.fileExists(atPath: project.out.appendingPathComponent("documents.csv.gz").path))
        // The lock was given back on the way out: free, and the holder's pid cleared.
        let lock = project.root.appendingPathComponent("work/govreport.lock").path
        let fd = open(lock, O_RDWR)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        #expect((try? String(contentsOfFile: lock, encoding: .utf8))?.isEmpty == true)
        flock(fd, LOCK_UN)
        close(fd)
        #expect(project.query("PRAGMA integrity_check") == "ok")

        let kept = project.count("SELECT count(*) FROM outputs WHERE stage = 'extract'")
        #expect(kept >= Self.documentCount / 3 && kept < Self.documentCount)
        let next = try project.run()
        #expect(next.status == 0, "\(next.stderr.suffix(2000))")
        let counts = try Self.counts("extract", project)
        #expect(counts["cached"] == kept && counts["processed"] == Self.documentCount - kept, "\(kept) kept, next run \(counts)")
        #expect(try project.outputBytes() == reference)
        try Self.expectCleanOutputFolder(project)
        project.remove()
    }

    /// A run killed while renaming its staged tables into place, and a run killed between
    /// writing run-report.json and renaming it, as the next run finds them: it finishes the
    /// committed set, drops the leftovers and ends with the same bytes.
    @Test func leftoversOfAKilledWriteAreCleanedUpEvenWhenNothingChanged() throws {
        let reference = try Self.referenceOutputs()
        let project = try Self.project("leftovers")
        #expect(try project.run().status == 0)
        // The kernel's view after a kill between the journal and the renames: a committed
        // staging directory holding copies of two tables, and a stale run-report temporary.
        let staging = project.out.appendingPathComponent(AtomicOutputSet.stagingName)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        for name in ["documents.csv.gz", "metrics.csv.gz"] {
            try reference[name]?.write(to: staging.appendingPathComponent(name))
        }
        try Data("documents.csv.gz\nmetrics.csv.gz\n".utf8).write(to: staging.appendingPathComponent(AtomicOutputSet.journalName))
        try Data("{\"partial".utf8).write(to: project.out.appendingPathComponent(".govreport-tmp-run-report.json-99999"))

        let next = try project.run()
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try project.outputBytes() == reference)
        try Self.expectCleanOutputFolder(project)
        project.remove()
    }

    // MARK: helpers

    /// The fictional corpus, made once and read by every project through its absolute path,
    /// so that every project gives its documents the same ids.
    private static let corpus = Locked<URL?>(nil)
    private static let reference = Locked<[String: Data]?>(nil)

    static func sharedCorpus() throws -> URL {
        try corpus.withLock { url in
            if let url { return url }
            let made = try TestSupport.temporaryDirectory("crash-corpus")
            try ReliabilityScripts.makeInputs(["--large", "\(documentCount)", made.path])
            url = made
            return made
        }
    }

    static func project(_ name: String) throws -> ReliabilityProject {
        try ReliabilityProject(name: name, sources: [sharedCorpus().appendingPathComponent("pages").path])
    }

    /// The outputs of a run never interrupted.
    static func referenceOutputs() throws -> [String: Data] {
        try reference.withLock { outputs in
            if let outputs { return outputs }
            let project = try project("reference")
            let result = try project.run()
            guard result.status == 0 else { throw ReliabilityError.failed("reference run: \(result.stderr)") }
            let bytes = try project.outputBytes()
            guard bytes.count == TablesWriter.tables.count + 1 else { throw ReliabilityError.failed("reference outputs: \(bytes.keys.sorted())") }
            outputs = bytes
            project.remove()
            return bytes
        }
    }

    static func reached(_ point: Point, _ project: ReliabilityProject) -> Bool {
        switch point {
        case .fetch:
            return project.count("SELECT count(*) FROM documents") > 0
        case .extract:
            return project.count("SELECT count(*) FROM outputs WHERE stage = 'extract'") >= documentCount / 2
        case .write:
            return PosixIO.kind(project.out.appendingPathComponent(AtomicOutputSet.stagingName).path) == .directory
        }
    }

    /// Whether the kill fell where it was aimed, judged from what it left; the number of
    /// documents extracted before it, or nil when the kill missed (the run went further).
    static func landed(_ point: Point, _ project: ReliabilityProject) -> Int? {
        let fetched = project.count("SELECT count(*) FROM documents WHERE content IS NOT NULL")
        let extracted = project.count("SELECT count(*) FROM outputs WHERE stage = 'extract'")
        switch point {
        case .fetch:
            return fetched < documentCount ? extracted : nil
        case .extract:
            return extracted > 0 && extracted < documentCount ? extracted : nil
        case .write:
            let staging = project.out.appendingPathComponent(AtomicOutputSet.stagingName).path
            return extracted == documentCount && PosixIO.kind(staging) == .directory ? extracted : nil
        }
    }

    static let outputNames: Set<String> = Set(TablesWriter.tables.map { "\($0.name).csv.gz" } + ["datapackage.json"])

    /// Every visible file in the output folder is one of the outputs, and whole.
    static func expectNoPartialOutputs(_ project: ReliabilityProject) throws {
        guard PosixIO.kind(project.out.path) == .directory else { return }
        for name in try FileManager.default.contentsOfDirectory(atPath: project.out.path) where !name.hasPrefix(".") {
            #expect(outputNames.contains(name) || name == "run-report.json", "unexpected file \(name)")
            let path = project.out.appendingPathComponent(name).path
            if name.hasSuffix(".gz") {
                let check = try TestSupport.python("import gzip, sys; gzip.open(sys.argv[1]).read()", [path])
                #expect(check.status == 0, "\(name) is not a whole gzip file: \(check.stderr)")
            } else {
                #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))) != nil,
                        "\(name) is not whole JSON")
            }
        }
    }

    /// Exactly the outputs and the run report: no staging directory, no temporary file.
    static func expectCleanOutputFolder(_ project: ReliabilityProject) throws {
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: project.out.path))
        #expect(names == outputNames.union(["run-report.json"]), "\(names.sorted())")
    }

    static func counts(_ stage: String, _ project: ReliabilityProject) throws -> [String: Int] {
        let data = try Data(contentsOf: project.out.appendingPathComponent("run-report.json"))
        let report = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let stages = report?["stages"] as? [[String: Any]] ?? []
        let entry = stages.first { $0["stage"] as? String == stage } ?? [:]
        return ["processed": entry["processed"] as? Int ?? -1, "cached": entry["cached"] as? Int ?? -1]
    }
}

/// `govreport run` started in the background, its stderr going to a file.
final class RunningGovreport {
    let process = Process()
    let stderrFile: URL

    init(_ project: ReliabilityProject) throws {
        stderrFile = project.root.appendingPathComponent("stderr-\(UUID().uuidString.prefix(6)).log")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = TestSupport.binary
        process.arguments = ReliabilityProject.runArguments
        process.currentDirectoryURL = project.root
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    /// Polls `condition` until it holds (true) or the process ends or a minute passes (false).
    func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if condition() { return true }
            if !process.isRunning { return false }
            usleep(2_000)
        }
        return false
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// The exit status, or the signal number when a signal ended the process.
    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }
}
