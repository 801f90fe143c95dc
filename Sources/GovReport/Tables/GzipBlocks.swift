import CZlib
import Foundation

/// One gzip member made of blocks that are compressed independently, so that a big table can be
/// compressed on several threads (the method of pigz, which zlib's own API supports): the input
/// is cut every `blockSize` bytes, each block is deflated on its own, primed with the 32 KiB of
/// input before it as the dictionary (so matches reach back as in one stream), and ends on a byte
/// boundary with an empty stored block; the last one ends the stream. The blocks' outputs, in
/// order, between a gzip header and trailer, are one ordinary deflate stream that every gzip
/// reader takes.
///
/// The cuts depend only on the bytes, never on how they were handed over or on how many threads
/// compress them: a run gives the same bytes with one job or several. zlib has no block-parallel
/// mode of its own and pigz is a program, not a library, hence this.
struct GzipBlocks: Sendable {
    static let blockSize = 512 * 1024
    static let windowSize = 32 * 1024

    /// One block to compress: its input and the window of input before it.
    struct Block: Sendable {
        let input: [UInt8]
        let dictionary: [UInt8]
        let level: Int
        let last: Bool

        func compress() throws -> [UInt8] {
            var stream = z_stream()
            // Raw deflate (negative window bits): the header and trailer are written once, outside.
            var code = deflateInit2_(&stream, Int32(level), Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                                     zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard code == Z_OK else { throw GzipError.initFailed(code: code) }
            defer { deflateEnd(&stream) }
            if !dictionary.isEmpty {
                code = dictionary.withUnsafeBufferPointer { deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
                guard code == Z_OK else { throw GzipError.stream(code: code, message: zlibMessage(stream.msg)) }
            }
            var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
            let flush = last ? Z_FINISH : Z_SYNC_FLUSH
            let produced = try input.withUnsafeBufferPointer { inBuffer in
                try output.withUnsafeMutableBufferPointer { outBuffer -> Int in
                    // zlib never writes through next_in; the C declaration just lacks const.
                    stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
                    stream.avail_in = uInt(inBuffer.count)
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    let code = deflate(&stream, flush)
                    // The output has room for the bound, so one call takes all the input.
                    guard code == (last ? Z_STREAM_END : Z_OK), stream.avail_in == 0, stream.avail_out > 0 else {
                        throw GzipError.stream(code: code, message: zlibMessage(stream.msg))
                    }
                    return outBuffer.count - Int(stream.avail_out)
                }
            }
            output.removeSubrange(produced...)
            return output
        }
    }

    let level: Int
    private var pending: [UInt8] = []
    private var window: [UInt8] = []
    private var crc = crc32(0, nil, 0)
    private var length: UInt64 = 0

    init(level: Int) throws {
        guard (0...9).contains(level) else { throw GzipError.badLevel(level) }
        self.level = level
        pending.reserveCapacity(Self.blockSize)
    }

    /// The header zlib writes for these settings: no name, mtime 0 and OS "unknown", so that the
    /// same input gives the same bytes on every run and machine with the same zlib.
    var header: [UInt8] {
        let extraFlags: UInt8 = level == 9 ? 2 : level <= 1 ? 4 : 0
        return [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, extraFlags, 255]
    }

    /// Takes input; returns the blocks it completes, in order.
    mutating func add(_ bytes: UnsafeRawBufferPointer) -> [Block] {
        guard !bytes.isEmpty else { return [] }
        crc = bytes.withMemoryRebound(to: Bytef.self) { crc32(crc, $0.baseAddress, uInt($0.count)) }
        length += UInt64(bytes.count)
        var blocks: [Block] = []
        var offset = 0
        while offset < bytes.count {
            let take = min(Self.blockSize - pending.count, bytes.count - offset)
            pending.append(contentsOf: bytes[offset..<(offset + take)])
            offset += take
            if pending.count == Self.blockSize { blocks.append(cut(last: false)) }
        }
        return blocks
    }

    /// The last block (whatever input is left, perhaps none), which ends the stream.
    mutating func finish() -> Block {
        cut(last: true)
    }

    /// CRC-32 and length of all the input, little-endian: the member's trailer.
    var trailer: [UInt8] {
        let size = UInt32(truncatingIfNeeded: length)
        let check = UInt32(crc)
        return (0..<4).map { UInt8(truncatingIfNeeded: check >> (8 * $0)) } + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
    }

    private mutating func cut(last: Bool) -> Block {
        let block = Block(input: pending, dictionary: window, level: level, last: last)
        // Every block but the last is longer than the window.
        window = Array(pending.suffix(Self.windowSize))
        pending.removeAll(keepingCapacity: true)
        return block
    }
}
