import Foundation

/// One document a source lists: where to read it and what the source says about it.
public struct SourceItem: Sendable, Equatable {
    public enum Locator: Sendable, Equatable {
        case file(URL)
        case url(String)
    }

    public var docId: String
    /// Normalised path (relative to the config) or URL: the `source` column.
    public var source: String
    public var locator: Locator
    public var declaredCharset: String?
    public var contentType: String?
}

/// What listing the sources found: the documents, and listings that failed (a symlink loop,
/// an unreadable folder), which become `errors` rows under stage `fetch`.
public struct SourceListing: Sendable {
    public var items: [SourceItem] = []
    public var failures: [(docId: String, source: String, failure: StageFailure)] = []
}

/// A configured source of documents.
public struct ConfiguredSource: Sendable {
    public let type: String
    let list: @Sendable () -> SourceListing
}

public protocol SourceDescriptor: Sendable {
    var name: String { get }
    var summary: String { get }
    var fields: [OptionField] { get }
    func configure(_ object: [String: Any], path: String, baseDirectory: URL) -> (ConfiguredSource?, [ConfigProblem])
}

/// Every source type `pipeline.json` accepts.
public enum SourceRegistry {
    public static let all: [any SourceDescriptor] = [FilesSourceDescriptor(), URLListSourceDescriptor(), URLSourceDescriptor()]

    public static var names: [String] { all.map(\.name) }

    public static func descriptor(named name: String) -> (any SourceDescriptor)? {
        all.first { $0.name == name }
    }
}
