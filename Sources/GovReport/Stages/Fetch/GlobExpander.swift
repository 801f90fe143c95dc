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
        let segments = lexicallyResolved(absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init))
        let fixedCount = segments.prefix { !hasWildcard($0[...]) }.count
        let root = "/" + segments.prefix(fixedCount).joined(separator: "/")
        var walk = Walk()
        if fixedCount == segments.count {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
                walk.filter = { documentExtensions.contains(pathExtension($0).lowercased()) }
                walk.walk(root, remaining: ["**", "*"])
            } else {
                walk.files.append(root)
            }
        } else {
            walk.walk(root, remaining: Array(segments.dropFirst(fixedCount)))
            walk.files.sort()
        }
        // Paths are handled as strings and made URLs once: URL operations cost more than the
        // walk itself when a folder holds thousands of pages.
        return Result(files: walk.files.map { URL(fileURLWithPath: $0) },
                      loops: walk.loops.map { URL(fileURLWithPath: $0) },
                      unreadable: walk.unreadable.map { (URL(fileURLWithPath: $0.0), $0.1) })
    }

    /// `.` dropped and `..` taken back, as `URL.standardized` does, so that the paths found are
    /// standard already.
    static func lexicallyResolved(_ segments: [String]) -> [String] {
        var resolved: [String] = []
        for segment in segments {
            switch segment {
            case ".": continue
            case "..": if !resolved.isEmpty { resolved.removeLast() }
            default: resolved.append(segment)
            }
        }
        return resolved
    }

    /// The text after the last dot of the last segment, "" when there is none.
    static func pathExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func child(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// One expansion: what was found, and the folders on the current path (for loops).
    private struct Walk {
        var files: [String] = []
        var loops: [String] = []
        var unreadable: [(String, String)] = []
        var filter: (String) -> Bool = { _ in true }
        private var visited = Set<FileIdentity>()

        mutating func walk(_ directory: String, remaining: [String]) {
            guard let first = remaining.first else { return }
            guard let id = identity(of: directory) else { return }
            if visited.contains(id) {
                loops.append(directory)
                return
            }
            visited.insert(id)
            defer { visited.remove(id) }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            } catch {
                unreadable.append((directory, error.localizedDescription))
                return
            }
            guard first == "**" else {
                match(names, in: directory, remaining: remaining)
                return
            }
            // Zero folders: the rest of the pattern applies here.
            match(names, in: directory, remaining: Array(remaining.dropFirst()))
            for name in names where !name.hasPrefix(".") {
                let path = child(directory, name)
                if isDirectory(path) { walk(path, remaining: remaining) }
            }
        }

        /// The entries of `directory` that the first segment of `remaining` matches: files when
        /// it is the last segment, else folders to walk with the rest.
        private mutating func match(_ names: [String], in directory: String, remaining: [String]) {
            guard let segment = remaining.first else { return }
            let rest = Array(remaining.dropFirst())
            for name in names where fnmatch(segment, name, FNM_PERIOD) == 0 {
                let path = child(directory, name)
                if rest.isEmpty {
                    if !isDirectory(path), filter(path) { files.append(path) }
                } else if isDirectory(path) {
                    walk(path, remaining: rest)
                }
            }
        }
    }
}
