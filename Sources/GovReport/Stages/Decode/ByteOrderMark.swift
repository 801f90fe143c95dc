/// A byte order mark at the start of a document: the strongest evidence of its encoding.
struct ByteOrderMark: Equatable {
    /// The iconv name of the encoding the mark announces.
    var encoding: String
    /// Bytes the mark takes; they are not part of the text.
    var length: Int

    /// Longest marks first: the UTF-32LE mark begins with the UTF-16LE one.
    private static let marks: [(bytes: [UInt8], encoding: String)] = [
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"),
        ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"),
        ([0x84, 0x31, 0x95, 0x33], "GB18030"),
        ([0xEF, 0xBB, 0xBF], "UTF-8"),
        ([0xFE, 0xFF], "UTF-16BE"),
        ([0xFF, 0xFE], "UTF-16LE"),
    ]

    static func detect(_ bytes: [UInt8]) -> ByteOrderMark? {
        for mark in marks where bytes.starts(with: mark.bytes) {
            return ByteOrderMark(encoding: mark.encoding, length: mark.bytes.count)
        }
        return nil
    }
}
