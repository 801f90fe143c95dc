import Foundation

/// Replaces one file atomically: written beside its destination under a hidden temporary name,
/// fsynced, then renamed over it, so readers see the old file or the new one, never a part.
/// (Foundation's `.atomic` write does not fsync, so a crash could leave an empty file.)
public enum AtomicFile {
    public static func write(_ bytes: some ContiguousBytes, to url: URL) throws {
        let path = url.standardizedFileURL.path
        let directory = url.standardizedFileURL.deletingLastPathComponent().path
        let temporary = directory + "/.govreport-tmp-" + url.lastPathComponent + "-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try bytes.withUnsafeBytes { try PosixIO.writeFile(temporary, $0) }
            try PosixIO.move(temporary, path)
        } catch {
            try? PosixIO.unlinkIfPresent(temporary)
            throw error
        }
        try PosixIO.syncDirectory(directory)
    }

    /// Removes the temporary files that writers of `url` killed before their rename left
    /// behind. Only for a caller that knows no other process is writing `url` (the run lock).
    public static func removeStaleTemporaries(of url: URL) {
        let directory = url.standardizedFileURL.deletingLastPathComponent().path
        let prefix = ".govreport-tmp-" + url.lastPathComponent + "-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(prefix) {
            try? PosixIO.unlinkIfPresent(directory + "/" + name)
        }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Array(text.utf8), to: url)
    }
}
