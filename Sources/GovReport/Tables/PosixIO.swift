#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure to write outputs, with the path and the system's reason.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var reason: String

    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}

/// The few POSIX calls atomic output needs. Foundation's FileHandle and FileManager do not
/// fsync directories or say which call failed with which errno, and both matter here.
enum PosixIO {
    static func failure(_ operation: String, _ path: String, errno code: Int32 = errno) -> OutputError {
        OutputError(path: path, operation: operation, reason: String(cString: strerror(code)))
    }

    /// Creates (or truncates) a file for writing, mode 0644 before umask.
    static func create(_ path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("create", path) }
        return fd
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write", path)
            }
            offset += written
        }
    }

    static func sync(_ fd: Int32, path: String) throws {
        guard fsync(fd) == 0 else { throw failure("fsync", path) }
    }

    static func closeFile(_ fd: Int32, path: String) throws {
        guard close(fd) == 0 else { throw failure("close", path) }
    }

    /// Makes the directory's entries (new, renamed, removed files) durable.
    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open directory", path) }
        defer { _ = close(fd) }
        guard fsync(fd) == 0 else { throw failure("fsync directory", path) }
    }

    /// Writes a whole file and fsyncs it.
    static func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        let fd = try create(path)
        do {
            try writeAll(fd, bytes, path: path)
            try sync(fd, path: path)
        } catch {
            _ = close(fd)
            throw error
        }
        try closeFile(fd, path: path)
    }

    static func move(_ from: String, _ to: String) throws {
        guard rename(from, to) == 0 else { throw failure("rename \(from) to", to) }
    }

    static func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 else { throw failure("create directory", path) }
    }

    /// What stands at `path`, without following a final symlink.
    enum Kind { case none, file, directory }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .none }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    static func unlinkIfPresent(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw failure("remove", path) }
    }

    /// Removes a file, or a directory and the files in it (staging is one level deep).
    static func removeTree(_ path: String) throws {
        switch kind(path) {
        case .none: return
        case .file: try unlinkIfPresent(path)
        case .directory:
            for name in try list(path) {
                try removeTree(path + "/" + name)
            }
            guard rmdir(path) == 0 || errno == ENOENT else { throw failure("remove directory", path) }
        }
    }

    static func list(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw failure("list", path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
