/// Tells binary files from text before any decoding is tried: by the magic numbers of the
/// formats a crawl of government sites brings in, and by where NUL bytes stand.
enum BinarySniffer {
    /// Leading bytes of file formats that are never text, with words for the error message.
    private static let signatures: [(bytes: [UInt8], description: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF87a".utf8), "a GIF image"),
        (Array("GIF89a".utf8), "a GIF image"),
        (Array("%PDF-".utf8), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office file such as .docx/.xlsx)"),
        ([0x50, 0x4B, 0x05, 0x06], "an empty ZIP archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Office document (.doc/.xls/.ppt)"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        (Array("Rar!".utf8) + [0x1A, 0x07], "a RAR archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7z archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data"),
        (Array("II*".utf8) + [0x00], "a TIFF image"),
        (Array("MM".utf8) + [0x00, 0x2A], "a TIFF image"),
    ]

    /// What the bytes look like when they start like a known binary format, else nil.
    static func signature(of bytes: [UInt8]) -> String? {
        for signature in signatures where bytes.starts(with: signature.bytes) {
            return signature.description
        }
        // RIFF containers: WebP images, AVI and WAV.
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)) {
            let kind = String(decoding: bytes[8 ..< 12], as: UTF8.self)
            return kind == "WEBP" ? "a WebP image" : "a RIFF file (\(kind))"
        }
        // A PDF may carry a few bytes of junk before its header.
        let head = bytes.prefix(1024)
        if let index = head.firstIndex(of: 0x25), head[index...].starts(with: Array("%PDF-".utf8)) {
            return "a PDF document"
        }
        return nil
    }

    /// Where a document's NUL bytes stand.
    enum NulLayout: Equatable {
        /// No NUL byte: an ASCII-compatible encoding, or binary data the magic numbers missed.
        case none
        /// NUL bytes, which text has only in UTF-16 or UTF-32 (ASCII characters there carry
        /// one or three zero bytes). `wideCandidates` are the encodings to try, the likeliest
        /// first; if none gives readable text, the bytes are binary.
        case present(count: Int, firstOffset: Int, wideCandidates: [String])
    }

    /// The share of a position's units that must hold a NUL to suggest UTF-32.
    private static let utf32PatternShare = 0.9

    static func nulLayout(of bytes: [UInt8]) -> NulLayout {
        guard let first = bytes.firstIndex(of: 0) else { return .none }
        var byPosition = [Int](repeating: 0, count: 4)
        for (offset, byte) in bytes.enumerated() where byte == 0 {
            byPosition[offset & 3] += 1
        }
        var candidates: [String] = []
        // UTF-32: every BMP character leaves two of its four bytes empty.
        let needed = Double(bytes.count / 4) * utf32PatternShare
        if needed > 0 {
            if Double(byPosition[2]) >= needed && Double(byPosition[3]) >= needed { candidates.append("UTF-32LE") }
            if Double(byPosition[0]) >= needed && Double(byPosition[1]) >= needed { candidates.append("UTF-32BE") }
        }
        // UTF-16: ASCII characters put their NUL on the odd side in little-endian order.
        // CJK characters such as 一 (U+4E00) put some on the other side, so this only orders
        // the trials.
        let odd = byPosition[1] + byPosition[3]
        let even = byPosition[0] + byPosition[2]
        candidates += odd >= even ? ["UTF-16LE", "UTF-16BE"] : ["UTF-16BE", "UTF-16LE"]
        return .present(count: byPosition.reduce(0, +), firstOffset: first, wideCandidates: candidates)
    }
}
