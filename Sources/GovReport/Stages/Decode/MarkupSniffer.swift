/// Tells HTML from plain text, for `strip` to choose between parsing and line cleaning.
enum MarkupSniffer {
    /// How much of the text's start is searched for markup.
    static let scanLimit = 4096

    /// Tags whose presence near the start makes a text HTML (fragments without `<html>` too).
    private static let tags = ["<!doctype html", "<html", "<head", "<body", "<meta", "<title",
                               "<div", "<p>", "<p ", "<br", "<table", "<span", "<a href", "<h1", "<h2", "<ul"]

    static func isHTML(text: String, contentType: String?) -> Bool {
        if let contentType, contentType.lowercased().contains("html") { return true }
        // Searched as bytes: Foundation's String.contains goes through CFString and cost more
        // than decoding the page.
        let head = Array(String(text.unicodeScalars.prefix(scanLimit)).lowercased().utf8)
        return tagBytes.contains { contains(head, $0) }
    }

    private static func contains(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard let first = word.first, word.count <= text.count else { return false }
        var start = 0
        while start <= text.count - word.count {
            if text[start] == first {
                var k = 1
                while k < word.count && text[start + k] == word[k] { k += 1 }
                if k == word.count { return true }
            }
            start += 1
        }
        return false
    }

    private static let tagBytes = tags.map { Array($0.utf8) }
}
