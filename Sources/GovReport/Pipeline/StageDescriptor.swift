import Foundation

/// A stage as `pipeline.json` configures it: options checked and defaulted, ready to run.
public struct ConfiguredStage: Sendable {
    enum Kind: Sendable {
        case fetch(FetchOptions)
        case document(@Sendable () throws -> AnyDocumentStage)
        case write(WriteOptions)
    }

    public let name: String
    /// Stage version and canonical options: part of every cache key of this stage.
    public let fingerprint: String
    let kind: Kind
    /// The typed options of a per-document stage (for `extract-text`, which runs stages by hand).
    var documentOptions: (any StageOptions)?
}

/// The registry's view of a stage: its name, documentation and how to configure it.
public protocol StageDescriptor: Sendable {
    var name: String { get }
    var summary: String { get }
    var fields: [OptionField] { get }
    /// The default options as JSON, for `govreport stages`.
    var defaultsJSON: [String: String] { get }
    func configure(_ object: [String: Any], path: String, baseDirectory: URL) -> (ConfiguredStage?, [ConfigProblem])
}

/// Default values of each option, rendered as JSON text.
func defaultsJSON<O: StageOptions>(_: O.Type) -> [String: String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var result: [String: String] = [:]
    guard let data = try? encoder.encode(O()),
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return result }
    for (key, value) in object {
        let fragment = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        result[key] = String(decoding: fragment, as: UTF8.self)
    }
    return result
}

/// Describes any `DocumentStage` from its static members.
struct DocumentStageDescriptor<S: DocumentStage>: StageDescriptor {
    var name: String { S.name }
    var summary: String { S.summary }
    var fields: [OptionField] { S.Options.fields }
    var defaultsJSON: [String: String] { GovReport.defaultsJSON(S.Options.self) }

    func configure(_ object: [String: Any], path: String, baseDirectory: URL) -> (ConfiguredStage?, [ConfigProblem]) {
        let (decoded, problems) = OptionsDecoder.decode(S.Options.self, from: object, path: path, baseDirectory: baseDirectory)
        guard let options = decoded?.resolvingPaths(relativeTo: baseDirectory) else { return (nil, problems) }
        let fingerprint = "\(S.name)/v\(S.version)/\(PayloadCodec.formatVersion)/" + OptionsDecoder.fingerprint(options)
        let stage = ConfiguredStage(name: S.name, fingerprint: fingerprint,
                                    kind: .document({ AnyDocumentStage(try S(options: options)) }), documentOptions: options)
        return (stage, problems)
    }
}
