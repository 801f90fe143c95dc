import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on the work directory, held for the whole run. flock(2) is released by the
/// kernel when the process dies, so a killed run never leaves a stale lock; the holder's pid is
/// written into the file so that a second run can name it.
final class RunLock {
    private let descriptor: Int32
    let path: String

    struct Held: Error, CustomStringConvertible {
        var path: String
        var holder: String
        var description: String {
            "another govreport run (pid \(holder)) holds the lock \(path); wait for it to finish or stop it"
        }
    }

    init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("govreport.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            let holder = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "unknown"
            close(descriptor)
            throw Held(path: path, holder: holder.isEmpty ? "unknown" : holder)
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
