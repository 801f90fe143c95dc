import COpenCC
import Foundation

/// One OpenCC converter (a loaded configuration and its dictionaries), shared by all threads.
///
/// Thread safety: OpenCC's C API documents every function except `opencc_error` as thread-safe
/// (opencc.h), and the maintainer confirms converters are reentrant (BYVoid/OpenCC#231):
/// `opencc_convert_utf8` only reads the immutable dictionaries (each lookup makes its own
/// marisa agent). So one handle is opened per stage instance and used from every worker without
/// a lock; `opencc_error`, which reads a process-wide string, is read only while opening.
public final class OpenCCConverter: @unchecked Sendable {
    /// The configuration file this converter was opened with.
    public let configPath: String
    private let handle: opencc_t
    /// What the configuration can change (texts without any of it skip OpenCC), read from the
    /// dictionaries at the first conversion rather than here: reading them costs about as much as
    /// opening the configuration, and a run that converts nothing (a rerun with nothing changed,
    /// `--from extract`) need not pay for it.
    private let changed: LazyValue<OpenCCChangedScalars>

    var changedScalars: OpenCCChangedScalars {
        get throws { try changed.value() }
    }

    /// Opens the configuration at `configPath` (a file path, see `locate`). `changed`, when
    /// given, is the configuration's set already read.
    init(configPath: String, changed known: OpenCCChangedScalars?) throws {
        guard FileManager.default.fileExists(atPath: configPath) else {
            throw StageFailure("normalize.opencc", "OpenCC configuration \(configPath) does not exist")
        }
        let opened = opencc_open(configPath)
        guard let opened, opened != UnsafeMutableRawPointer(bitPattern: -1) else {
            let reason = opencc_error().map { String(cString: $0) } ?? "unknown error"
            throw StageFailure("normalize.opencc", "OpenCC cannot open \(configPath): \(reason)")
        }
        self.configPath = configPath
        self.handle = opened
        changed = LazyValue { try known ?? OpenCCChangedScalars(configPath: configPath) }
    }

    /// Opens the configuration at `configPath` (a file path, see `locate`).
    public convenience init(configPath: String) throws {
        try self.init(configPath: configPath, changed: nil)
    }

    deinit {
        opencc_close(handle)
    }

    /// The text converted; throws when OpenCC reports an error (invalid UTF-8 cannot occur
    /// from a Swift string, so this means the dictionaries are broken).
    public func convert(_ text: String) throws -> String {
        guard try changedScalars.touches(text) else { return text }
        return try convertWithOpenCC(text)
    }

    /// `convert` without the check of `changedScalars`: every text goes through OpenCC.
    func convertWithOpenCC(_ text: String) throws -> String {
        guard !text.isEmpty else { return text }
        var input = text
        let output = input.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                opencc_convert_utf8(handle, chars.baseAddress, chars.count)
            }
        }
        guard let output else {
            throw StageFailure("normalize.opencc", "OpenCC (\(configPath)) failed to convert a text of \(text.utf8.count) bytes")
        }
        defer { opencc_convert_utf8_free(output) }
        return String(cString: output)
    }

    /// Where OpenCC's configurations are installed: the Debian/Ubuntu and source-build prefixes
    /// and Homebrew. The library's own search path is not exposed by its C API, and letting it
    /// search would prefer a same-named file in the working directory.
    public static let dataDirectories = ["/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc"]

    /// The configuration file a name stands for: a bare name (`t2s.json`) is looked up in
    /// `dataDirectories`; a path (with a `/`) is taken as is, relative to `baseDirectory`.
    /// nil when no such file exists.
    public static func locate(_ config: String, relativeTo baseDirectory: URL? = nil) -> String? {
        guard !config.isEmpty else { return nil }
        if isPath(config) {
            let path: String
            if config.hasPrefix("/") || baseDirectory == nil {
                path = config
            } else {
                path = baseDirectory!.appendingPathComponent(config).standardizedFileURL.path
            }
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
        for directory in dataDirectories {
            let path = directory + "/" + config
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Whether a configuration value names a file by path rather than by its bare name.
    public static func isPath(_ config: String) -> Bool {
        config.contains("/")
    }
}
