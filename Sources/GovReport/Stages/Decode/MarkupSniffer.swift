/// Tells HTML from plain text, for `strip` to choose between parsing and line cleaning.
enum MarkupSniffer {
    /// How much of the text's start is searched for markup.
    static let scanLimit = 4096

    /// Tags whose presence near the start makes a text HTML (fragments without `<html>` too).
    private static let tags = ["<!doctype html", "<html", "<head", "<body", "<meta", "<title",
                               "<div", "<p>", "<p ", "<br", "<table", "<span", "<a href", "<h1", "<h2", "<ul"]

    static func isHTML(text: String, contentType: String?) -> Bool {
        if let contentType, contentType.lowercased().contains("html") { return true }
        let head = String(text.unicodeScalars.prefix(scanLimit)).lowercased()
        return tags.contains { head.contains($0) }
    }
}
