import Foundation

/// Options of the `extract` stage.
public struct ExtractOptions: StageOptions {
    /// The indicator taxonomy (`indicators.json`); "" for none (every `indicator` stays empty).
    public var indicators = ""
    /// Entities (organisations, programmes, places, events) are extracted unless this is false.
    public var entities = true
    /// A document with more metrics is `extract.too_many_metrics`.
    public var maxMetrics = 5_000
    /// SHA-256 of the taxonomy file, set when the config is read: not a user option, but part of
    /// the cache key, so that editing the taxonomy redoes `extract` on the next run.
    var indicatorsDigest = ""

    public init() {}

    public static let fields: [OptionField] = [
        OptionField("indicators", .string, "the indicator taxonomy file (see indicators.json), relative to the config file; \"\" for none"),
        OptionField("entities", .bool, "extract entities (organisations, quoted programme names, places below the township, dated events)"),
        OptionField("maxMetrics", .int, "fail with extract.too_many_metrics when a document has more metrics (default 5000; a report has a few hundred)"),
    ]

    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] {
        if maxMetrics < 1 { return [ConfigProblem("\(path).maxMetrics", "must be at least 1")] }
        guard !indicators.isEmpty else { return [] }
        let file = ConfigLoader.resolve(indicators, against: baseDirectory)
        do {
            _ = try Taxonomy.load(file)
            return []
        } catch {
            return error.problems.map { ConfigProblem("\(path).indicators → \(indicators) \($0.path)", $0.message) }
        }
    }

    public func resolvingPaths(relativeTo baseDirectory: URL) -> ExtractOptions {
        guard !indicators.isEmpty else { return self }
        var copy = self
        let file = ConfigLoader.resolve(indicators, against: baseDirectory)
        copy.indicators = file.path
        copy.indicatorsDigest = (try? Data(contentsOf: file)).map(sha256Hex) ?? ""
        return copy
    }
}
