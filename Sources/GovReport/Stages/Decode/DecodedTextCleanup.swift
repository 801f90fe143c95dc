/// The last touches on decoded text, before any later stage sees it.
enum DecodedTextCleanup {
    /// CRLF and lone CR become LF. Works on scalars: a Swift `Character` holds CRLF as one.
    static func normalizingLineEnds(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { result.append(scalar) }
            previousWasCR = false
        }
        return String(scalars: result)
    }

    /// The text without a leading U+FEFF (a BOM that the bytes carried inside the declared or
    /// detected charset, or twice).
    static func strippingByteOrderMark(_ text: String) -> String {
        guard text.unicodeScalars.first == "\u{FEFF}" else { return text }
        return String(text.unicodeScalars.dropFirst())
    }
}
