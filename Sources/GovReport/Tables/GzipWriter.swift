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
/// returns the compressed bytes ready so far, `finish` the rest and the trailer.
///
/// The header is pinned (mtime 0, no file name, OS "unknown") so that the same input at the same
/// level gives the same bytes on every run and machine with the same zlib.
/// Noncopyable: it owns the zlib stream, which `deinit` releases.
public struct GzipWriter: ~Copyable {
    public static let defaultLevel = 6
    /// Size of the output buffer handed to `deflate`; also bounds the size of each input slice.
    static let chunkSize = 64 * 1024

    private let stream: UnsafeMutablePointer<z_stream>
    /// zlib reads the header when it writes the first output, so it must outlive `init`.
    private let header: UnsafeMutablePointer<gz_header>
    private var finished = false

    public init(level: Int = GzipWriter.defaultLevel) throws {
        guard (0...9).contains(level) else { throw GzipError.badLevel(level) }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let header = UnsafeMutablePointer<gz_header>.allocate(capacity: 1)
        header.initialize(to: gz_header())
        header.pointee.time = 0
        header.pointee.os = 255
        // windowBits 15 + 16: a 32 KiB window with a gzip (not zlib) wrapper.
        var code = deflateInit2_(stream, Int32(level), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                 zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        if code == Z_OK {
            code = deflateSetHeader(stream, header)
            if code != Z_OK { deflateEnd(stream) }
        }
        guard code == Z_OK else {
            stream.deallocate()
            header.deallocate()
            throw GzipError.initFailed(code: code)
        }
        self.stream = stream
        self.header = header
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        header.deallocate()
    }

    /// Compresses `bytes`; returns the compressed output zlib has ready (often none).
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws -> [UInt8] {
        precondition(!finished, "GzipWriter.write after finish")
        var output: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<min(bytes.count, offset + GzipWriter.chunkSize)])
            try deflateSlice(slice, flush: Z_NO_FLUSH, into: &output)
            offset += slice.count
        }
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
        var output: [UInt8] = []
        try deflateSlice(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH, into: &output)
        return output
    }

    /// A whole buffer as one gzip member.
    public static func compress(_ bytes: some ContiguousBytes, level: Int = GzipWriter.defaultLevel) throws -> [UInt8] {
        var writer = try GzipWriter(level: level)
        var output = try writer.write(bytes)
        output += try writer.finish()
        return output
    }

    private func deflateSlice(_ input: UnsafeRawBufferPointer, flush: Int32, into output: inout [UInt8]) throws {
        // zlib never writes through next_in; the C declaration just lacks const.
        stream.pointee.next_in = input.baseAddress.map {
            UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self))
        }
        stream.pointee.avail_in = uInt(input.count)
        var buffer = [UInt8](repeating: 0, count: GzipWriter.chunkSize)
        while true {
            let (code, produced) = buffer.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                let code = deflate(stream, flush)
                return (code, out.count - Int(stream.pointee.avail_out))
            }
            output.append(contentsOf: buffer[..<produced])
            if code == Z_STREAM_END { break }
            // Z_BUF_ERROR only means "no progress possible", which the loop conditions handle.
            guard code == Z_OK || code == Z_BUF_ERROR else {
                throw GzipError.stream(code: code, message: zlibMessage(stream.pointee.msg))
            }
            // Without Z_FINISH, a partly filled output buffer means all input was taken.
            if flush != Z_FINISH && stream.pointee.avail_out != 0 { break }
        }
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
    }
}

// Noncopyable, so there is one owner at a time: sending it to another task moves the stream.
extension GzipWriter: @unchecked Sendable {}

func zlibMessage(_ message: UnsafeMutablePointer<CChar>?) -> String {
    message.map { String(cString: $0) } ?? "no message"
}
