import ArgumentParser
import Foundation
import GovReport
import Logging

@main
struct GovReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "govreport",
        abstract: "Turns annual rule-of-law government reports (法治政府建设情况报告) into typed tables.",
        version: GovReportVersion.string,
        subcommands: [Run.self, Validate.self, Stages.self, ExtractText.self]
    )
}

struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "The pipeline config.")
    var config: String = "pipeline.json"

    var url: URL { URL(fileURLWithPath: config).standardizedFileURL }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the pipeline.",
        discussion: "Exit status: 0 every document went through; 2 some documents failed (see errors.csv.gz); 1 the run could not be done; 64 usage error.")

    @OptionGroup var config: ConfigOption
    @Option(help: "Rerun this stage and all after it from the cached output of the stage before.")
    var from: String?
    @Option(help: "Rerun only this stage, then rebuild the tables.")
    var only: String?
    @Option(name: .customLong("doc"), help: "Only process this document (doc_id or source); repeatable.")
    var docs: [String] = []
    @Option(help: "Documents processed at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Ignore every cache and redo all stages.")
    var force = false
    @Option(help: "Log lines as human or json.")
    var logFormat: String = "human"
    @Flag(name: .shortAndLong, help: "Only warnings and errors on stderr.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard LogFormat(rawValue: logFormat) != nil else { throw ValidationError("--log-format must be human or json") }
        if from != nil && only != nil { throw ValidationError("--from and --only cannot be used together") }
    }

    func run() throws {
        StderrLogHandler.bootstrap(format: LogFormat(rawValue: logFormat) ?? .human, level: quiet ? .warning : .info)
        let logger = Logger(label: "govreport")
        let pipeline: PipelineConfig
        do {
            pipeline = try ConfigLoader.load(config.url)
        } catch {
            logger.error("invalid config:\n\(error)")
            throw ExitCode(1)
        }
        let cancellation = CancellationFlag()
        let signals = cancellation.installSignalHandlers()
        defer { signals.forEach { $0.cancel() } }
        let runner = Runner(config: pipeline, request: RunRequest(from: from, only: only, docs: docs, jobs: jobs, force: force),
                            logger: logger, progress: ConsoleProgress(logger: logger), cancellation: cancellation)
        do {
            let report = try runner.run()
            logger.info("\(report.summaryLine)")
            if report.exitStatus != 0 { throw ExitCode(Int32(report.exitStatus)) }
        } catch let error as RunError {
            logger.error("\(error.description)")
            throw ExitCode(error.exitStatus)
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a config and print every problem with its JSON path (exit 0 or 64).")

    @OptionGroup var config: ConfigOption

    func run() throws {
        do {
            let pipeline = try ConfigLoader.load(config.url)
            print("\(config.config): ok (\(pipeline.sources.count) source\(pipeline.sources.count == 1 ? "" : "s"), stages: \(pipeline.stageNames.joined(separator: " → ")))")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(64)
        }
    }
}

struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the stages and sources with their options, types and defaults.")

    func run() throws {
        print(StageDocumentation.text())
    }
}
