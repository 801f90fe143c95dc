import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Expands path patterns with `*`, `?`, `[...]` (fnmatch(3) per path segment) and `**` (any
/// number of folders). glob(3) has no `**`, hence the walk by hand; matching itself is fnmatch.
/// Symbolic links to folders are followed once: a link back to a folder already on the path is
/// reported as a loop instead of being walked forever.
struct GlobExpander {
    struct Result {
        var files: [URL] = []
        var loops: [URL] = []
        var unreadable: [(URL, String)] = []
    }

    /// Extensions taken when a source names a folder rather than a pattern.
    static let documentExtensions: Set<String> = ["html", "htm", "shtml", "xhtml", "txt"]

    static func hasWildcard(_ segment: Substring) -> Bool {
        segment.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    static func expand(_ pattern: String, base: URL) -> Result {
        let absolute = pattern.hasPrefix("/") ? pattern : base.path + "/" + pattern
        let segments = absolute.split(separator: "/", omittingEmptySubsequences: true)
        let fixedCount = segments.prefix { !hasWildcard($0) }.count
        let root = "/" + segments.prefix(fixedCount).joined(separator: "/")
        var result = Result()
        if fixedCount == segments.count {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
                var visited = Set<FileIdentity>()
                walk(URL(fileURLWithPath: root), remaining: ["**", "*"], visited: &visited, result: &result,
                     filter: { documentExtensions.contains($0.pathExtension.lowercased()) })
            } else {
                result.files.append(URL(fileURLWithPath: root))
            }
            return result
        }
        var visited = Set<FileIdentity>()
        walk(URL(fileURLWithPath: root), remaining: Array(segments.dropFirst(fixedCount)).map(String.init),
             visited: &visited, result: &result, filter: { _ in true })
        result.files.sort { $0.path < $1.path }
        return result
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func identity(of url: URL) -> FileIdentity? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func walk(_ directory: URL, remaining: [String], visited: inout Set<FileIdentity>,
                             result: inout Result, filter: (URL) -> Bool) {
        guard let first = remaining.first else { return }
        guard let id = identity(of: directory) else { return }
        if visited.contains(id) {
            result.loops.append(directory)
            return
        }
        visited.insert(id)
        defer { visited.remove(id) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            result.unreadable.append((directory, error.localizedDescription))
            return
        }
        let rest = Array(remaining.dropFirst())
        if first == "**" {
            // Zero folders: the rest of the pattern applies here.
            walk(directory, remainingAfterGlobstar: rest, names: names, visited: &visited, result: &result, filter: filter)
            for name in names where !name.hasPrefix(".") {
                let child = directory.appendingPathComponent(name)
                if isDirectory(child) { walk(child, remaining: remaining, visited: &visited, result: &result, filter: filter) }
            }
            return
        }
        for name in names where fnmatch(first, name, FNM_PERIOD) == 0 {
            let child = directory.appendingPathComponent(name)
            if rest.isEmpty {
                if !isDirectory(child), filter(child) { result.files.append(child) }
            } else if isDirectory(child) {
                walk(child, remaining: rest, visited: &visited, result: &result, filter: filter)
            }
        }
    }

    /// `**` standing for zero folders: match the rest of the pattern against this folder's entries.
    private static func walk(_ directory: URL, remainingAfterGlobstar rest: [String], names: [String],
                             visited: inout Set<FileIdentity>, result: inout Result, filter: (URL) -> Bool) {
        guard let next = rest.first else { return }
        let after = Array(rest.dropFirst())
        for name in names where fnmatch(next, name, FNM_PERIOD) == 0 {
            let child = directory.appendingPathComponent(name)
            if after.isEmpty {
                if !isDirectory(child), filter(child) { result.files.append(child) }
            } else if isDirectory(child) {
                walk(child, remaining: after, visited: &visited, result: &result, filter: filter)
            }
        }
    }
}
