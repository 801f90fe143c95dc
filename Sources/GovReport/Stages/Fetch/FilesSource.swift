import Foundation

/// Options of a `files` source: local paths, folders and glob patterns.
public struct FilesSourceOptions: StageOptions {
    public var paths: [String] = []
    public var exclude: [String] = []
    public var charset: String = ""
    public var format: String = "auto"

    public init() {}

    public static let fields: [OptionField] = [
        OptionField("paths", .stringArray, "files, folders (all .html/.htm/.shtml/.txt below them) and glob patterns (*, ?, [..], ** for any folders), relative to the config file"),
        OptionField("exclude", .stringArray, "glob patterns of files to leave out"),
        OptionField("charset", .string, "charset to assume for every file of this source (given to decode as declared); \"\" to detect"),
        OptionField("format", .oneOf(["auto", "html", "text"]), "how strip reads the files: by extension (auto), or all as html or as plain text"),
    ]

    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if paths.isEmpty { problems.append(ConfigProblem("\(path).paths", "missing: at least one path or pattern")) }
        for (index, pattern) in paths.enumerated() {
            let segments = pattern.split(separator: "/")
            let fixed = segments.prefix { !GlobExpander.hasWildcard($0) }.joined(separator: "/")
            let anchor = pattern.hasPrefix("/") ? "/" + fixed : fixed
            let url = ConfigLoader.resolve(anchor.isEmpty ? "." : anchor, against: baseDirectory)
            if !FileManager.default.fileExists(atPath: url.path) {
                problems.append(ConfigProblem("\(path).paths[\(index)]", "no such file or folder: \(url.path)"))
            }
        }
        return problems
    }
}

struct FilesSourceDescriptor: SourceDescriptor {
    var name: String { "files" }
    var summary: String { "local files, folders and glob patterns" }
    var fields: [OptionField] { FilesSourceOptions.fields }

    func configure(_ object: [String: Any], path: String, baseDirectory: URL) -> (ConfiguredSource?, [ConfigProblem]) {
        let (options, problems) = OptionsDecoder.decode(FilesSourceOptions.self, from: object, path: path, baseDirectory: baseDirectory)
        guard let options else { return (nil, problems) }
        return (ConfiguredSource(type: name, list: { FilesSource.list(options, base: baseDirectory) }), problems)
    }
}

enum FilesSource {
    static func list(_ options: FilesSourceOptions, base: URL) -> SourceListing {
        var listing = SourceListing()
        var seen = Set<String>()
        let prefix = basePrefix(base)
        for pattern in options.paths {
            let found = GlobExpander.expand(pattern, base: base)
            for file in found.files {
                let source = normalizedSource(file, basePrefix: prefix)
                guard !seen.contains(source), !isExcluded(source, options.exclude) else { continue }
                seen.insert(source)
                listing.items.append(SourceItem(
                    docId: DocumentID.make(source: source), source: source, locator: .file(file),
                    declaredCharset: options.charset.isEmpty ? nil : options.charset,
                    contentType: contentType(of: file, format: options.format)))
            }
            for loop in found.loops {
                let source = normalizedSource(loop, basePrefix: prefix)
                listing.failures.append((DocumentID.make(source: source), source,
                                         StageFailure("fetch.symlink_loop", "symbolic link loop at \(loop.path): not followed again")))
            }
            for (folder, reason) in found.unreadable {
                let source = normalizedSource(folder, basePrefix: prefix)
                listing.failures.append((DocumentID.make(source: source), source,
                                         StageFailure("fetch.unreadable", "cannot list \(folder.path): \(reason)")))
            }
        }
        return listing
    }

    /// The path relative to the config's folder when below it, else absolute; `/` separated.
    static func normalizedSource(_ file: URL, base: URL) -> String {
        normalizedSource(file, basePrefix: basePrefix(base))
    }

    /// The config folder's path with a final `/`: made once a listing (standardising a URL
    /// costs more than anything else done per listed file).
    static func basePrefix(_ base: URL) -> String {
        let path = base.standardizedFileURL.path
        return path.hasSuffix("/") ? path : path + "/"
    }

    static func normalizedSource(_ file: URL, basePrefix prefix: String) -> String {
        let path = file.standardizedFileURL.path
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    static func isExcluded(_ source: String, _ patterns: [String]) -> Bool {
        patterns.contains { fnmatch($0, source, 0) == 0 }
    }

    static func contentType(of file: URL, format: String) -> String? {
        switch format {
        case "html": return "text/html"
        case "text": return "text/plain"
        default:
            switch file.pathExtension.lowercased() {
            case "html", "htm", "shtml", "xhtml": return "text/html"
            case "txt", "text": return "text/plain"
            default: return nil
            }
        }
    }
}
