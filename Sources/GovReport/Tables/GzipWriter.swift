import CZlib
import Foundation

public enum GzipError: Error, Sendable, Equatable, CustomStringConvertible {
    case badLevel(Int)
    case initFailed(code: Int32)
    case stream(code: Int32, message: String)
    case truncated
    case trailingData
    case outputTooLarge(limit: Int)

    public var description: String {
        switch self {
        case .badLevel(let level): return "gzip level \(level) is not between 0 and 9"
        case .initFailed(let code): return "zlib could not start (code \(code))"
        case .stream(let code, let message): return "zlib error \(code): \(message)"
        case .truncated: return "gzip data ends before the end of its stream"
        case .trailingData: return "gzip data has bytes after its one member"
        case .outputTooLarge(let limit): return "gzip data inflates to more than \(limit) bytes"
        }
    }
}

/// Compresses a stream of bytes into one gzip member with zlib, chunk by chunk: each `write`
/// returns the compressed bytes ready so far, `finish` the rest and the trailer. The member is
/// made of independently compressed blocks (`GzipBlocks`), here compressed on the calling thread;
/// the table writer compresses a file's blocks on several threads and gets the same bytes.
///
/// The header is pinned (mtime 0, no file name, OS "unknown") so that the same input at the same
/// level gives the same bytes on every run and machine with the same zlib.
public struct GzipWriter: Sendable {
    public static let defaultLevel = 6

    private var blocks: GzipBlocks
    private var started = false
    private var finished = false

    public init(level: Int = GzipWriter.defaultLevel) throws {
        blocks = try GzipBlocks(level: level)
    }

    /// Compresses `bytes`; returns the compressed output ready (often none).
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws -> [UInt8] {
        precondition(!finished, "GzipWriter.write after finish")
        var output = header()
        for block in blocks.add(bytes) { output += try block.compress() }
        return output
    }

    public mutating func write(_ bytes: some ContiguousBytes) throws -> [UInt8] {
        try bytes.withUnsafeBytes { try write($0) }
    }

    public mutating func write(_ text: String) throws -> [UInt8] {
        var text = text
        return try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Ends the member: the last compressed bytes, the CRC-32 and the length.
    public mutating func finish() throws -> [UInt8] {
        precondition(!finished, "GzipWriter.finish called twice")
        finished = true
        return header() + (try blocks.finish().compress()) + blocks.trailer
    }

    /// A whole buffer as one gzip member.
    public static func compress(_ bytes: some ContiguousBytes, level: Int = GzipWriter.defaultLevel) throws -> [UInt8] {
        var writer = try GzipWriter(level: level)
        var output = try writer.write(bytes)
        output += try writer.finish()
        return output
    }

    /// The header before the first output; nothing after.
    private mutating func header() -> [UInt8] {
        defer { started = true }
        return started ? [] : blocks.header
    }
}

func zlibMessage(_ message: UnsafeMutablePointer<CChar>?) -> String {
    message.map { String(cString: $0) } ?? "no message"
}
