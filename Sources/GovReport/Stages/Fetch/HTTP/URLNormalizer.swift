import Foundation

/// The canonical form of an http(s) URL, which names the document (`source`, `doc_id`) and is
/// what gets requested: scheme and host in lower case, the default port dropped, the fragment
/// dropped, dot segments removed, and percent-encoding normalised (unreserved characters
/// decoded, other escapes in upper-case hex, characters a URL may not hold — spaces, Chinese
/// path names — encoded as UTF-8).
///
/// Hand-written on top of `URLComponents` for the split: Foundation parses URLs but has no
/// RFC 3986 §6.2.2 normaliser, and two spellings of one page must give one `doc_id`.
public enum URLNormalizer {
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case notAURL(String)
        case unsupportedScheme(String)
        case missingHost(String)
        case nonASCIIHost(String)

        public var description: String {
            switch self {
            case .notAURL(let text): return "not a URL: \(text)"
            case .unsupportedScheme(let scheme): return "scheme \"\(scheme)\" is not supported (only http and https)"
            case .missingHost(let text): return "no host in \(text)"
            case .nonASCIIHost(let host): return "host \(host) is not ASCII: give an internationalised domain name in its xn-- (punycode) form"
            }
        }
    }

    public static let supportedSchemes: Set<String> = ["http", "https"]

    /// The normalised form of an absolute http(s) URL.
    public static func normalize(_ text: String) throws(Problem) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = URLComponents(string: encodingInvalidCharacters(trimmed)),
              let rawScheme = components.scheme else { throw .notAURL(text) }
        let scheme = rawScheme.lowercased()
        guard supportedSchemes.contains(scheme) else { throw .unsupportedScheme(scheme) }
        guard let encodedHost = components.percentEncodedHost, !encodedHost.isEmpty else { throw .missingHost(text) }
        let host = encodedHost.removingPercentEncoding?.lowercased() ?? encodedHost.lowercased()
        guard host.unicodeScalars.allSatisfy(\.isASCII) else { throw .nonASCIIHost(host) }

        var result = scheme + "://"
        if let user = components.percentEncodedUser {
            result += normalizeEscapes(user)
            if let password = components.percentEncodedPassword { result += ":" + normalizeEscapes(password) }
            result += "@"
        }
        result += host
        if let port = components.port, port != defaultPort(scheme) { result += ":\(port)" }
        let path = removeDotSegments(normalizeEscapes(components.percentEncodedPath))
        result += path.isEmpty ? "/" : path
        if let query = components.percentEncodedQuery { result += "?" + normalizeEscapes(query) }
        return result
    }

    /// `location` (absolute or relative, as in a `Location` header) resolved against `base`,
    /// then normalised. Throws `unsupportedScheme` for a `file:` or `ftp:` target.
    public static func resolve(_ location: String, against base: String) throws(Problem) -> String {
        let encoded = encodingInvalidCharacters(location.trimmingCharacters(in: .whitespaces))
        guard let baseURL = URL(string: base), let target = URL(string: encoded, relativeTo: baseURL)?.absoluteURL else {
            throw .notAURL(location)
        }
        return try normalize(target.absoluteString)
    }

    static func defaultPort(_ scheme: String) -> Int { scheme == "https" ? 443 : 80 }

    /// Characters a URL may hold as they are: RFC 3986 unreserved and reserved characters, and `%`.
    private static let allowed: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".utf8))
    private static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Percent-encodes (as UTF-8) every byte a URL may not hold, so that a pasted
    /// `http://www.example.gov.cn/法治 报告.html` parses; a `%` not followed by two hex digits
    /// is encoded too.
    static func encodingInvalidCharacters(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                out.append(byte)
            } else if byte != UInt8(ascii: "%"), allowed.contains(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes escapes of unreserved characters (`%7E` → `~`) and upper-cases the hex of the rest.
    static func normalizeEscapes(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                let decoded = high << 4 | low
                if unreserved.contains(decoded) {
                    out.append(decoded)
                } else {
                    out += [byte, hexDigits[Int(high)], hexDigits[Int(low)]]
                }
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 3986 §5.2.4: `/a/./b/../c` → `/a/c`.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return path.hasPrefix("/") && !joined.hasPrefix("/") ? "/" + joined : joined
    }

    private static func isHex(_ byte: UInt8) -> Bool { hexValue(byte) != nil }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
