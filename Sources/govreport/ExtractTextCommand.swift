import ArgumentParser
import Foundation
import GovReport

struct ExtractText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract-text",
        abstract: "Read plain text on stdin (one paragraph a line) and print the metrics and citations found.",
        discussion: "Runs normalize, segment and extract exactly as the pipeline does. With --config, the options of that pipeline (and its indicator taxonomy) are used; otherwise the defaults.")

    @Option(help: "Output format: json or csv.")
    var format: String = "json"
    @Option(help: "Use the normalize, segment and extract options of this pipeline config.")
    var config: String?

    func validate() throws {
        guard ["json", "csv"].contains(format) else { throw ValidationError("--format must be json or csv") }
    }

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let pipeline: PipelineConfig?
        do {
            pipeline = try config.map { try ConfigLoader.load(URL(fileURLWithPath: $0).standardizedFileURL) }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(64)
        }
        do {
            let (segmented, extracted) = try TextExtraction.extract(String(decoding: input, as: UTF8.self), config: pipeline)
            print(format == "csv" ? TextExtraction.csv(segmented, extracted) : TextExtraction.json(segmented, extracted),
                  terminator: format == "csv" ? "" : "\n")
        } catch {
            FileHandle.standardError.write(Data("govreport extract-text: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
