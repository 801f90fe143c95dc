/// Finds the charset a page declares in its own head: `<meta charset="gb2312">`,
/// `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`, or an XML declaration
/// `<?xml version="1.0" encoding="GB2312"?>`.
///
/// Written by hand after the HTML standard's prescan, which reads the label from raw bytes
/// before any decoding; libxml2 would apply the label itself and not say what it found. A byte
/// scanner rather than regular expressions: it runs on every page, and the regex version (over
/// the head widened to a String) cost more than the rest of the decode stage but iconv.
enum MetaCharsetSniffer {
    /// The label as written (`gb2312`, `GBK`, `utf-8`), or nil when the first `limit` bytes
    /// declare none. Only for ASCII-compatible bytes: the markup is read as ASCII and no
    /// non-ASCII byte can form part of it.
    static func declaredCharset(in bytes: [UInt8], limit: Int) -> String? {
        guard limit > 0 else { return nil }
        // A charset in a commented-out tag declares nothing.
        let head = withoutComments(bytes.prefix(limit))

        var i = 0
        while i < head.count && isSpace(head[i]) { i += 1 }
        if matches(head, at: i, "<?xml") {
            let end = head[i...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            var k = i + 5
            while let found = find(head, "encoding", from: k, before: end) {
                if !isWord(head[found - 1]), let label = label(in: head, from: found + 8, quote: .required, before: head.count) {
                    return label
                }
                k = found + 1
            }
        }
        var start = 0
        while let tag = find(head, "<meta", from: start, before: head.count) {
            let after = tag + 5
            guard after < head.count, !isWord(head[after]),
                  let close = head[after...].firstIndex(of: UInt8(ascii: ">")) else {
                start = tag + 1
                continue
            }
            // Both `<meta charset=...>` and the `charset=` inside an http-equiv content.
            var k = after
            while let found = find(head, "charset", from: k, before: close) {
                if !isWord(head[found - 1]), let label = label(in: head, from: found + 7, quote: .optional, before: close + 1) {
                    return label
                }
                k = found + 1
            }
            start = close + 1
        }
        return nil
    }

    private enum Quote { case required, optional }

    /// `\s* = \s* quote \s* label`: the label after a name, when the bytes have that shape.
    private static func label(in bytes: [UInt8], from start: Int, quote: Quote, before end: Int) -> String? {
        var i = start
        func skipSpaces() { while i < end && isSpace(bytes[i]) { i += 1 } }
        skipSpaces()
        guard i < end, bytes[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        skipSpaces()
        if i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
            i += 1
        } else if quote == .required {
            return nil
        }
        skipSpaces()
        let first = i
        while i < end && isLabel(bytes[i]) { i += 1 }
        return i > first ? String(decoding: bytes[first..<i], as: UTF8.self) : nil
    }

    /// The bytes with each `<!-- … -->` removed (an unclosed one runs to the end). The text
    /// between comments is copied a run at a time, found by its `<`s: copied byte by byte, the
    /// head of every page cost a tenth of the decode stage.
    private static func withoutComments(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let bytes = Array(bytes)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0
        var i = 0
        while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            guard matches(bytes, at: open, "<!--") else {
                i = open + 1
                continue
            }
            result.append(contentsOf: bytes[copied..<open])
            guard let close = find(bytes, "-->", from: open + 4, before: bytes.count) else { return result }
            i = close + 3
            copied = i
        }
        result.append(contentsOf: bytes[copied...])
        return result
    }

    /// The first index at or after `from` where `word` starts (ASCII, any case) and ends by `before`.
    private static func find(_ bytes: [UInt8], _ word: StaticString, from: Int, before end: Int) -> Int? {
        let length = word.utf8CodeUnitCount
        guard from >= 0, end - length >= from else { return nil }
        for i in from...(end - length) where matches(bytes, at: i, word) { return i }
        return nil
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        return word.withUTF8Buffer { pattern in
            for k in 0..<length where lower(bytes[index + k]) != pattern[k] { return false }
            return true
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// Whitespace as the regex `\s` took it over bytes read as Latin-1 (NEL and NBSP included).
    private static func isSpace(_ byte: UInt8) -> Bool {
        (0x09...0x0D).contains(byte) || byte == 0x20 || byte == 0x85 || byte == 0xA0
    }

    /// A word character for `\b` over bytes read as Latin-1: ASCII letters, digits, `_`, and the
    /// Latin-1 letters.
    private static func isWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), 0xAA, 0xB5, 0xBA:
            return true
        case 0xC0...0xFF:
            return byte != 0xD7 && byte != 0xF7
        default:
            return false
        }
    }

    private static func isLabel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
