import Foundation

/// The JSON type an option accepts; used by `validate` and printed by `govreport stages`.
public indirect enum OptionType: Sendable, Equatable, CustomStringConvertible {
    case string, int, double, bool
    case stringArray
    case oneOf([String])
    case object

    public var description: String {
        switch self {
        case .string: return "string"
        case .int: return "integer"
        case .double: return "number"
        case .bool: return "boolean"
        case .stringArray: return "array of strings"
        case .oneOf(let values): return "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
        case .object: return "object"
        }
    }
}

/// One documented option of a stage or source.
public struct OptionField: Sendable {
    public var name: String
    public var type: OptionType
    public var help: String

    public init(_ name: String, _ type: OptionType, _ help: String) {
        self.name = name
        self.type = type
        self.help = help
    }
}

/// A problem found in a config, with the JSON path where it stands (`$.stages[2].maxBytes`).
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Options of a stage. `init()` gives the defaults; a config only states what differs.
/// The synthesized `Codable` is used: the runner overlays the config's keys on the encoded
/// defaults, so no hand-written `init(from:)` is needed for defaulting.
public protocol StageOptions: Codable, Sendable, Equatable {
    init()
    /// Every key the options accept, in the order `govreport stages` prints them.
    static var fields: [OptionField] { get }
    /// Semantic checks beyond types (ranges, files that must exist). `path` is the JSON path
    /// of the options object; `baseDirectory` the folder of the config file.
    func problems(at path: String, baseDirectory: URL) -> [ConfigProblem]
    /// The options with every file path made absolute against the config's folder.
    func resolvingPaths(relativeTo baseDirectory: URL) -> Self
}

extension StageOptions {
    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] { [] }
    public func resolvingPaths(relativeTo baseDirectory: URL) -> Self { self }
}
