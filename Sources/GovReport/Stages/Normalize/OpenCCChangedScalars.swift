import COpenCCTables

/// The scalars an OpenCC configuration can change (see `govreport_opencc_changed_characters`): a
/// text with none of them converts to itself, so the converter returns it without calling
/// OpenCC. Most reports are written in simplified characters, and t2s changes only traditional
/// ones, so this spares the dictionary walk for nearly every paragraph.
///
/// Why that is exact: OpenCC replaces each longest dictionary match by the entry's default value.
/// A match that changes the text has a key with a scalar that its value replaces, and that scalar
/// is in the set and in the text.
struct OpenCCChangedScalars: Sendable, CustomStringConvertible {
    /// One bit per scalar below `bitmap.count * 64`; every scalar of the set is below it.
    private let bitmap: [UInt64]
    let count: Int
    /// Whether every entry that changes its key keeps the key's number of characters. Then the
    /// conversion of a text has as many scalars as the text, and only positions holding a scalar
    /// of the set can differ: `count(in:)` bounds the number of changed positions.
    let keepsLengths: Bool

    /// The set of the configuration at `configPath`; throws with OpenCC's message when its
    /// dictionaries cannot be read.
    init(configPath: String) throws {
        var characters: UnsafeMutablePointer<CChar>?
        var error: UnsafeMutablePointer<CChar>?
        var keepsLengths: Int32 = 0
        guard govreport_opencc_changed_characters(configPath, &characters, &keepsLengths, &error) == 0, let characters else {
            defer { govreport_opencc_free(error) }
            throw StageFailure("normalize.opencc", "OpenCC cannot list the dictionaries of \(configPath): \(error.map { String(cString: $0) } ?? "unknown error")")
        }
        defer { govreport_opencc_free(characters) }
        self.init(String(cString: characters).unicodeScalars.map(\.value), keepsLengths: keepsLengths != 0)
    }

    init(_ scalars: some Sequence<UInt32>, keepsLengths: Bool) {
        var words: [UInt64] = []
        var count = 0
        for value in scalars {
            let word = Int(value >> 6)
            if word >= words.count { words += repeatElement(0, count: word + 1 - words.count) }
            if words[word] & (1 << UInt64(value & 63)) == 0 { count += 1 }
            words[word] |= 1 << UInt64(value & 63)
        }
        bitmap = words
        self.count = count
        self.keepsLengths = keepsLengths
    }

    var description: String { "\(count) scalars that OpenCC may change" }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let word = Int(scalar.value >> 6)
        return word < bitmap.count && bitmap[word] & (1 << UInt64(scalar.value & 63)) != 0
    }

    /// Whether `text` has a scalar of the set, that is whether converting it may change it.
    func touches(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: contains)
    }

    /// How many of `text`'s scalars are in the set.
    func count(in text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (contains($1) ? 1 : 0) }
    }
}
