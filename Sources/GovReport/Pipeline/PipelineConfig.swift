import Foundation

/// A validated `pipeline.json`: where the work store and outputs live, the sources, the stages.
public struct PipelineConfig: Sendable {
    public var configFile: URL
    public var baseDirectory: URL
    public var workDirectory: URL
    public var outputDirectory: URL
    public var sources: [ConfiguredSource]
    public var stages: [ConfiguredStage]

    /// The top-level keys of `pipeline.json` and what they mean.
    public static let fields: [OptionField] = [
        OptionField("workDir", .string, "folder of the work store (SQLite cache, fetch state, lock); relative to the config file"),
        OptionField("outputDir", .string, "folder the tables are written to; relative to the config file"),
        OptionField("description", .string, "free text for humans; ignored"),
        OptionField("sources", .object, "array of sources: {\"type\": \"files\", \"paths\": [...]} and so on"),
        OptionField("stages", .object, "array of stages in pipeline order, each {\"type\": \"<stage>\", ...options}"),
    ]

    public func stage(named name: String) -> ConfiguredStage? {
        stages.first { $0.name == name }
    }

    /// The typed options of each configured per-document stage, by stage name.
    public var documentOptions: [String: any StageOptions] {
        Dictionary(uniqueKeysWithValues: stages.compactMap { stage in stage.documentOptions.map { (stage.name, $0) } })
    }

    /// Names of the configured stages in order.
    public var stageNames: [String] { stages.map(\.name) }
}

/// Every problem found in a config; `govreport validate` prints them all.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [ConfigProblem]

    public var description: String {
        (["\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s")"] + problems.map { "  \($0)" })
            .joined(separator: "\n")
    }
}
