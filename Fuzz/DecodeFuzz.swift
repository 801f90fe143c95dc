/// decode: any bytes, with or without a declared charset and content type, must give text or a
/// `decode.*` failure. The first byte picks what the source declares.
enum DecodeFuzz {
    static let stage = DecodeStage(options: DecodeOptions())
    static let declared: [String?] = [nil, "utf-8", "gb2312", "gbk", "big5", "utf-16", "x-unknown-charset"]

    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let raw = RawDocument(docId: "fuzz", source: "fuzz", bytes: Array(bytes.dropFirst()), sha256: "",
                              declaredCharset: declared[Int(first) % declared.count],
                              contentType: first & 0x80 == 0 ? "text/html" : nil)
        do {
            let decoded = try stage.process(raw, document: DocumentRef(docId: "fuzz", source: "fuzz"))
            precondition(decoded.invalidBytes >= 0 && decoded.invalidBytes <= raw.bytes.count)
            precondition(!decoded.text.unicodeScalars.contains("\u{FEFF}") || raw.bytes.count > 3,
                         "a byte order mark survived decoding")
        } catch let failure as StageFailure {
            precondition(failure.code.hasPrefix("decode."), "unexpected failure code \(failure.code)")
        } catch {
            preconditionFailure("decode threw something else than a StageFailure: \(error)")
        }
    }
}
