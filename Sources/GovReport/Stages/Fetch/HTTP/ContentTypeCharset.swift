import Foundation

/// The parts of a `Content-Type` header that fetch passes on: the media type (`text/html`)
/// and the `charset` parameter, which decode takes as the declared charset.
///
/// Hand-written: the grammar is one line of RFC 9110 §8.3 (`type/subtype *(; name=value)`,
/// values as tokens or quoted strings), and no library on this machine parses it.
public struct ContentTypeCharset: Sendable, Equatable {
    /// Lower-case `type/subtype`, or nil when the header is missing or malformed.
    public var mediaType: String?
    /// The `charset` parameter as the server wrote it, trimmed and lower-cased (`gbk`,
    /// `utf-8`); nil when absent or empty.
    public var charset: String?

    public init(mediaType: String?, charset: String?) {
        self.mediaType = mediaType
        self.charset = charset
    }

    public init(header: String?) {
        guard let header else {
            self.init(mediaType: nil, charset: nil)
            return
        }
        let parts = Self.splitParameters(header)
        let type = parts.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let isMediaType = type.split(separator: "/", omittingEmptySubsequences: false).count == 2
            && !type.hasPrefix("/") && !type.hasSuffix("/")
        var charset: String?
        for parameter in parts.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let name = parameter[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            guard name == "charset" else { continue }
            var value = parameter[parameter.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\", with: "")
            }
            value = value.trimmingCharacters(in: .whitespaces).lowercased()
            if !value.isEmpty { charset = value }
            break
        }
        self.init(mediaType: isMediaType ? type : nil, charset: charset)
    }

    /// Splits on `;` outside quoted strings.
    private static func splitParameters(_ header: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\" where inQuotes:
                current.append(character)
                escaped = true
            case "\"":
                inQuotes.toggle()
                current.append(character)
            case ";" where !inQuotes:
                parts.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
