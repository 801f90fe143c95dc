import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a local file for `fetch`, refusing what is not a readable regular file or is too large
/// before reading it (a 50 MB page must not be loaded to be refused).
enum FileReader {
    /// The file's bytes, and its stamp as it was before they were read (a write during the read
    /// leaves a stamp that the next run finds changed).
    static func read(_ url: URL, maxBytes: Int) throws(StageFailure) -> (bytes: [UInt8], stamp: FileStamp) {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            if errno == ENOENT { throw StageFailure("fetch.missing", "file not found (it may have been removed after listing): \(url.path)") }
            if errno == ELOOP { throw StageFailure("fetch.symlink_loop", "symbolic link loop: \(url.path)") }
            throw StageFailure("fetch.unreadable", "cannot read \(url.path): \(reason)")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw StageFailure("fetch.not_a_file", "not a regular file: \(url.path)")
        }
        guard Int(info.st_size) <= maxBytes else {
            throw StageFailure("fetch.too_large", "\(info.st_size) bytes is over the limit of \(maxBytes) bytes (fetch.maxBytes): \(url.path)")
        }
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno == ENOENT ? "fetch.missing" : "fetch.unreadable"
            throw StageFailure(code, "cannot open \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        // Read in chunks and stop past the limit: the file may grow after stat.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StageFailure("fetch.unreadable", "read error on \(url.path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maxBytes {
                throw StageFailure("fetch.too_large", "over the limit of \(maxBytes) bytes (fetch.maxBytes): \(url.path)")
            }
        }
        return (bytes, FileStamp(info))
    }
}
