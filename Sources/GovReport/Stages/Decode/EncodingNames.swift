import Foundation

/// Charset labels as pages, servers and configs write them, mapped to the glibc iconv name that
/// `decode` converts with.
enum EncodingNames {
    /// Keys are labels upper-cased with `_` and spaces read as `-` (`gb_2312-80`).
    /// Labels of one family decode with its widest member: GB18030 contains GB2312 and GBK,
    /// BIG5-HKSCS contains Big5, WINDOWS-1252 contains ISO-8859-1 (as browsers read it too).
    private static let aliases: [String: String] = {
        var table: [String: String] = [:]
        let families: [(String, [String])] = [
            ("GB18030", ["GB18030", "GB-18030", "GB2312", "GB-2312", "GB2312-80", "GB-2312-80",
                         "CSGB2312", "CSISO58GB231280", "ISO-IR-58", "CHINESE", "EUC-CN", "EUCCN",
                         "X-EUC-CN", "CN-GB", "GBK", "X-GBK", "CP936", "MS936", "WINDOWS-936"]),
            ("BIG5-HKSCS", ["BIG5", "BIG-5", "BIG-FIVE", "BIGFIVE", "CN-BIG5", "CSBIG5", "X-X-BIG5",
                            "BIG5-HKSCS", "BIG5HKSCS", "BIG5-HKSCS:2008", "BIG5-HKSCS:2004"]),
            ("CP950", ["CP950", "MS950", "WINDOWS-950", "X-WINDOWS-950"]),
            ("UTF-8", ["UTF-8", "UTF8", "UNICODE-1-1-UTF-8", "UNICODE11UTF8", "UNICODE20UTF8",
                       "X-UNICODE20UTF8", "ASCII", "US-ASCII", "ANSI-X3.4-1968", "ISO646-US"]),
            ("UTF-16LE", ["UTF-16LE", "UTF16LE", "UTF-16", "UTF16", "UNICODE", "UCS-2", "UCS-2LE",
                          "CSUNICODE", "ISO-10646-UCS-2"]),
            ("UTF-16BE", ["UTF-16BE", "UTF16BE", "UNICODEFFFE", "UCS-2BE"]),
            ("UTF-32LE", ["UTF-32LE", "UTF32LE", "UTF-32", "UTF32", "UCS-4", "UCS-4LE"]),
            ("UTF-32BE", ["UTF-32BE", "UTF32BE", "UCS-4BE"]),
            ("WINDOWS-1252", ["WINDOWS-1252", "CP1252", "X-CP1252", "ISO-8859-1", "ISO8859-1",
                              "ISO-8859-1:1987", "LATIN1", "L1", "CP819", "IBM819", "CSISOLATIN1",
                              "ISO-IR-100"]),
        ]
        for (canonical, labels) in families {
            for label in labels { table[label] = canonical }
        }
        return table
    }()

    /// The iconv name `label` decodes with, or nil when the label is empty or iconv knows no such
    /// charset.
    static func canonical(_ label: String) -> String? {
        let written = declaredLabel(label)
        guard !written.isEmpty else { return nil }
        let key = String(written.map { $0 == "_" || $0 == " " ? "-" : $0 })
        if let known = aliases[key] { return known }
        if IconvConverter.isSupported(written) { return written }
        return IconvConverter.isSupported(key) ? key : nil
    }

    /// For a `<meta>` label: the HTML standard reads a page that calls itself UTF-16 or UTF-32
    /// in ASCII-compatible bytes as UTF-8 (the label cannot be true, or the meta could not be read).
    static func canonicalForMeta(_ label: String) -> String? {
        guard let name = canonical(label) else { return nil }
        return isWide(name) ? "UTF-8" : name
    }

    /// UTF-16 and UTF-32 are the only encodings decode meets whose bytes are not ASCII-compatible.
    static func isWide(_ name: String) -> Bool {
        name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32")
    }

    /// A label as written, upper-cased, without surrounding blanks and quotes (`"gbk" ` → `GBK`).
    /// Most labels (`utf-8`, `GBK`) start and end with a letter or digit and are only upper-cased:
    /// Foundation's trimming costs thousands of instructions a call, and every document asks.
    static func declaredLabel(_ label: String) -> String {
        func plain(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        if plain(label.utf8.first), plain(label.utf8.last) { return label.uppercased() }
        return label.trimmingCharacters(in: .whitespacesAndNewlines)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            .trimmingCharacters(in: .whitespacesAndNewlines)
            .uppercased()
    }
}
