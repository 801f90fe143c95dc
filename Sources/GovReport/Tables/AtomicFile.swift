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

    public static func write(_ text: String, to url: URL) throws {
        try write(Array(text.utf8), to: url)
    }
}
