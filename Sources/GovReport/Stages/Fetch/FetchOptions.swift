import Foundation

/// Options of the `fetch` stage.
public struct FetchOptions: StageOptions {
    /// Larger inputs are refused with `fetch.too_large` before being read.
    public var maxBytes: Int = 20_000_000

    public init() {}

    public static let fields: [OptionField] = [
        OptionField("maxBytes", .int, "largest input accepted, in bytes; a larger one is refused (error fetch.too_large) without being read"),
    ]

    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] {
        maxBytes > 0 ? [] : [ConfigProblem("\(path).maxBytes", "must be a positive number of bytes")]
    }
}

struct FetchDescriptor: StageDescriptor {
    var name: String { "fetch" }
    var summary: String { "reads the sources and stores each document's raw bytes with size and SHA-256" }
    var fields: [OptionField] { FetchOptions.fields }
    var defaultsJSON: [String: String] { GovReport.defaultsJSON(FetchOptions.self) }

    /// Bump when fetching changes in a way that must refetch everything.
    static let version = 1

    func configure(_ object: [String: Any], path: String, baseDirectory: URL) -> (ConfiguredStage?, [ConfigProblem]) {
        let (options, problems) = OptionsDecoder.decode(FetchOptions.self, from: object, path: path, baseDirectory: baseDirectory)
        guard let options else { return (nil, problems) }
        let fingerprint = "fetch/v\(Self.version)/" + OptionsDecoder.fingerprint(options)
        return (ConfiguredStage(name: name, fingerprint: fingerprint, kind: .fetch(options)), problems)
    }
}
