import CUchardet

/// Statistical charset detection with uchardet. Reliable on long texts; on a few hundred bytes
/// of Chinese it often answers a single-byte Western charset, so `EncodingDetector` only takes
/// its answer after a trial decode agrees.
enum Uchardet {
    /// The largest prefix handed to uchardet: its answer is settled long before this.
    static let sampleLimit = 256 * 1024

    /// uchardet's charset name for `bytes` (`GB18030`, `BIG5`, `UTF-8`, `ASCII`,
    /// `WINDOWS-1252`, ...), or nil when it cannot tell.
    static func guess(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, let detector = uchardet_new() else { return nil }
        defer { uchardet_delete(detector) }
        let length = min(bytes.count, sampleLimit)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: length) {
                uchardet_handle_data(detector, $0, length)
            }
        }
        guard status == 0 else { return nil }
        uchardet_data_end(detector)
        guard let name = uchardet_get_charset(detector) else { return nil }
        let charset = String(cString: name)
        return charset.isEmpty ? nil : charset
    }
}
