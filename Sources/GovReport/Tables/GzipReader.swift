import CZlib
import Foundation

/// Inflates gzip (or zlib) data with zlib, refusing output beyond a size bound so that a
/// corrupt or hostile file cannot exhaust memory.
public enum GzipReader {
    public static let defaultMaxOutputBytes = 1 << 30

    /// - Parameter allowConcatenatedMembers: read members after the first, as `gzip -d` does;
    ///   when false, bytes after the first member are an error (`GzipError.trailingData`).
    public static func inflate(_ data: some ContiguousBytes,
                               maxOutputBytes: Int = defaultMaxOutputBytes,
                               allowConcatenatedMembers: Bool = true) throws -> [UInt8] {
        try data.withUnsafeBytes { input in
            try inflate(input, maxOutputBytes: maxOutputBytes, allowConcatenatedMembers: allowConcatenatedMembers)
        }
    }

    static func inflate(_ input: UnsafeRawBufferPointer, maxOutputBytes: Int,
                        allowConcatenatedMembers: Bool) throws -> [UInt8] {
        // On the heap: zlib keeps the stream's address and checks it on every call, which a
        // Swift `&local` argument does not promise to keep stable.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        // windowBits 15 + 32: any window size, gzip or zlib header detected automatically.
        let initCode = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initCode == Z_OK else { throw GzipError.initFailed(code: initCode) }
        defer { inflateEnd(stream) }

        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var offset = 0
        // zlib's avail_in is 32-bit: feed the input in slices and refill as it is consumed.
        let sliceSize = 1 << 30
        func refill() {
            guard stream.pointee.avail_in == 0, offset < input.count, let base = input.baseAddress else { return }
            let count = min(sliceSize, input.count - offset)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: (base + offset).assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(count)
            offset += count
        }
        refill()
        while true {
            let (code, produced) = buffer.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                let code = CZlib.inflate(stream, Z_NO_FLUSH)
                return (code, out.count - Int(stream.pointee.avail_out))
            }
            if output.count + produced > maxOutputBytes {
                throw GzipError.outputTooLarge(limit: maxOutputBytes)
            }
            output.append(contentsOf: buffer[..<produced])
            refill()
            let remaining = Int(stream.pointee.avail_in) + (input.count - offset)
            switch code {
            case Z_STREAM_END:
                if remaining == 0 { return output }
                guard allowConcatenatedMembers else { throw GzipError.trailingData }
                let resetCode = inflateReset(stream)
                guard resetCode == Z_OK else { throw GzipError.stream(code: resetCode, message: zlibMessage(stream.pointee.msg)) }
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress possible: with the output buffer free, only missing input explains it.
                if remaining == 0 { throw GzipError.truncated }
            default:
                throw GzipError.stream(code: code, message: zlibMessage(stream.pointee.msg))
            }
        }
    }
}
