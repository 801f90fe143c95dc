#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts bytes between charsets with iconv. Where iconv stops on an invalid (EILSEQ) or
/// incomplete (EINVAL) sequence, one byte is skipped, the replacement is written and counted,
/// and conversion goes on: nothing is dropped silently.
enum IconvConverter {
    struct Conversion: Equatable {
        var bytes: [UInt8]
        /// Input bytes that could not be converted, each replaced once.
        var invalidBytes: Int
    }

    /// U+FFFD in UTF-8.
    static let replacementCharacterUTF8: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Whether iconv can read `charset` (an iconv name or alias).
    static func isSupported(_ charset: String) -> Bool {
        guard let descriptor = open(from: charset, to: "UTF-8") else { return false }
        iconv_close(descriptor)
        return true
    }

    /// `bytes` in `charset` as a Swift string; invalid sequences become U+FFFD, one per byte.
    /// Nil when iconv does not know `charset`.
    static func decode(_ bytes: some Collection<UInt8>, from charset: String) -> (text: String, invalidBytes: Int)? {
        guard let result = convert(bytes, from: charset, to: "UTF-8", replacement: replacementCharacterUTF8) else {
            return nil
        }
        return (String(decoding: result.bytes, as: UTF8.self), result.invalidBytes)
    }

    /// `bytes` converted from `source` to `target`; `replacement` (bytes in `target`) stands
    /// for each input byte that cannot be converted. Nil when iconv does not know the pair.
    static func convert(_ bytes: some Collection<UInt8>, from source: String, to target: String,
                        replacement: [UInt8]) -> Conversion? {
        guard let descriptor = open(from: source, to: target) else { return nil }
        defer { iconv_close(descriptor) }

        // Plain pointers and one loop, no closures: with the buffers captured by closures, each
        // skipped byte (thousands on a page tried in a wrong charset) went through Swift's
        // runtime exclusivity checks, and the chunk was zero-filled for every conversion.
        let count = bytes.count
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, count))
        defer { input.deallocate() }
        _ = input.initialize(from: bytes)
        let chunkSize = 64 * 1024
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        let chunkStart = chunk.assumingMemoryBound(to: CChar.self)

        var output: [UInt8] = []
        output.reserveCapacity(count * 3 / 2 + 16)
        var invalid = 0
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input.baseAddress!).assumingMemoryBound(to: CChar.self)
        var inLeft = count
        while inLeft > 0 {
            var outPointer: UnsafeMutablePointer<CChar>? = chunkStart
            var outLeft = chunkSize
            let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
            let error = errno
            output.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: chunkSize - outLeft))
            guard status == -1 else { continue }
            if error == E2BIG { continue }
            // EILSEQ, EINVAL (a sequence cut off by the end of input) or anything else
            // iconv refuses: the byte at inPointer cannot be read here.
            output.append(contentsOf: replacement)
            invalid += 1
            inPointer = inPointer.map { $0 + 1 }
            inLeft -= 1
            // Back to the initial shift state, for stateful charsets.
            iconv(descriptor, nil, nil, nil, nil)
        }
        // Let stateful converters write what they still hold (BIG5-HKSCS keeps a character back
        // to see whether a combining mark follows).
        var outPointer: UnsafeMutablePointer<CChar>? = chunkStart
        var outLeft = chunkSize
        iconv(descriptor, nil, nil, &outPointer, &outLeft)
        output.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: chunkSize - outLeft))
        return Conversion(bytes: output, invalidBytes: invalid)
    }

    private static func open(from source: String, to target: String) -> iconv_t? {
        let descriptor = iconv_open(target, source)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        return descriptor
    }
}
