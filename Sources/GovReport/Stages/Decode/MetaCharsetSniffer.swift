/// Finds the charset a page declares in its own head: `<meta charset="gb2312">`,
/// `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`, or an XML declaration
/// `<?xml version="1.0" encoding="GB2312"?>`.
///
/// Written by hand after the HTML standard's prescan, which reads the label from raw bytes
/// before any decoding; libxml2 would apply the label itself and not say what it found.
enum MetaCharsetSniffer {
    /// The label as written (`gb2312`, `GBK`, `utf-8`), or nil when the first `limit` bytes
    /// declare none. Only for ASCII-compatible bytes.
    static func declaredCharset(in bytes: [UInt8], limit: Int) -> String? {
        guard limit > 0 else { return nil }
        // Each byte as one scalar, so the ASCII markup reads the same in any ASCII-compatible
        // charset and non-ASCII bytes cannot form false markup.
        let raw = String(String.UnicodeScalarView(bytes.prefix(limit).map { Unicode.Scalar($0) }))
        // A charset in a commented-out tag declares nothing.
        let head = raw.replacing(/<!--[\s\S]*?(-->|$)/, with: "")

        if let match = head.firstMatch(of: /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:\-]+)/.ignoresCase()) {
            return String(match.1)
        }
        for tag in head.matches(of: /<meta\b[^>]*>/.ignoresCase()) {
            let text = head[tag.range]
            if let direct = text.firstMatch(of: /\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)/.ignoresCase()) {
                // Both `<meta charset=...>` and the `charset=` inside an http-equiv content.
                return String(direct.1)
            }
        }
        return nil
    }
}
