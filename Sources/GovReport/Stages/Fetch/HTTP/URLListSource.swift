import Foundation

/// A list of URLs as analysts keep them: one URL per line, blank lines, `#` comment lines, and
/// a comment after a URL when a space comes before the `#` (a URL holds no raw space, so
/// `https://…/a.html#top` keeps its fragment and `https://…/a.html  # 2024` does not).
public enum URLList {
    public struct Entry: Sendable, Equatable {
        /// 1-based line number in the file.
        public var line: Int
        /// The URL as written.
        public var text: String
        /// Its normalised form (the `source` and the key of `doc_id`).
        public var url: String
    }

    public struct Problem: Sendable, Equatable {
        public var line: Int
        /// The line, trimmed.
        public var text: String
        public var message: String
    }

    /// Every URL of the list, each once (later duplicates after normalisation are skipped),
    /// and the lines that are not an http(s) URL.
    public static func parse(_ text: String) -> (entries: [Entry], problems: [Problem]) {
        var entries: [Entry] = []
        var problems: [Problem] = []
        var seen = Set<String>()
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (index, rawLine) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let words = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            let candidate = String(words[0])
            if words.count > 1, !words[1].trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                problems.append(Problem(line: index + 1, text: line, message: "expected one URL per line (a comment after it starts with #): \(line)"))
                continue
            }
            do {
                let url = try URLNormalizer.normalize(candidate)
                if seen.insert(url).inserted { entries.append(Entry(line: index + 1, text: candidate, url: url)) }
            } catch {
                problems.append(Problem(line: index + 1, text: line, message: "\(error)"))
            }
        }
        return (entries, problems)
    }

    /// The file read as UTF-8 (the only encoding a list of URLs needs).
    static func read(_ file: URL) throws -> String {
        let data = try Data(contentsOf: file)
        guard let text = String(data: data, encoding: .utf8) else {
            throw CocoaError(.fileReadInapplicableStringEncoding, userInfo: [NSFilePathErrorKey: file.path])
        }
        return text
    }

    static func item(_ url: String, charset: String) -> SourceItem {
        SourceItem(docId: DocumentID.make(source: url), source: url, locator: .url(url),
                   declaredCharset: charset.isEmpty ? nil : charset, contentType: nil)
    }
}

/// Options of a `urls` source: a file listing URLs.
public struct URLListSourceOptions: StageOptions {
    public var file: String = ""
    public var charset: String = ""

    public init() {}

    public static let fields: [OptionField] = [
        OptionField("file", .string, "text file (UTF-8) with one http(s) URL per line; blank lines and lines starting with # are skipped; relative to the config file"),
        OptionField("charset", .string, "charset to assume for every page of this source, over the HTTP Content-Type's; \"\" to use the header or detect"),
    ]

    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] {
        guard !file.isEmpty else { return [ConfigProblem("\(path).file", "missing: the file that lists the URLs")] }
        let url = ConfigLoader.resolve(file, against: baseDirectory)
        let text: String
        do {
            text = try URLList.read(url)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot read \(url.path) as UTF-8 text" : "no such file: \(url.path)"
            return [ConfigProblem("\(path).file", reason)]
        }
        let (entries, problems) = URLList.parse(text)
        var found = problems.map { ConfigProblem("\(path).file:\($0.line)", $0.message) }
        if entries.isEmpty, problems.isEmpty { found.append(ConfigProblem("\(path).file", "\(url.path) lists no URL")) }
        return found
    }
}

struct URLListSourceDescriptor: SourceDescriptor {
    var name: String { "urls" }
    var summary: String { "http(s) URLs listed in a file, one per line" }
    var fields: [OptionField] { URLListSourceOptions.fields }

    func configure(_ object: [String: Any], path: String, baseDirectory: URL) -> (ConfiguredSource?, [ConfigProblem]) {
        let (options, problems) = OptionsDecoder.decode(URLListSourceOptions.self, from: object, path: path, baseDirectory: baseDirectory)
        guard let options else { return (nil, problems) }
        let file = ConfigLoader.resolve(options.file, against: baseDirectory)
        return (ConfiguredSource(type: name, list: { URLListSource.list(file: file, charset: options.charset) }), problems)
    }
}

enum URLListSource {
    /// The URLs of the file as it is at run time. A file that became unreadable since the config
    /// was checked is one `errors` row under the file's path; a line that became invalid, one
    /// under the line's text.
    static func list(file: URL, charset: String) -> SourceListing {
        var listing = SourceListing()
        let text: String
        do {
            text = try URLList.read(file)
        } catch {
            listing.failures.append((DocumentID.make(source: file.path), file.path,
                                     StageFailure("fetch.unreadable", "cannot read the URL list \(file.path): \(error.localizedDescription)")))
            return listing
        }
        let (entries, problems) = URLList.parse(text)
        listing.items = entries.map { URLList.item($0.url, charset: charset) }
        for problem in problems {
            listing.failures.append((DocumentID.make(source: problem.text), problem.text,
                                     StageFailure("fetch.bad_url", "\(file.path):\(problem.line): \(problem.message)")))
        }
        return listing
    }
}

/// Options of a `url` source: one http(s) URL.
public struct URLSourceOptions: StageOptions {
    public var url: String = ""
    public var charset: String = ""

    public init() {}

    public static let fields: [OptionField] = [
        OptionField("url", .string, "one http or https URL"),
        OptionField("charset", .string, "charset to assume for the page, over the HTTP Content-Type's; \"\" to use the header or detect"),
    ]

    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] {
        guard !url.isEmpty else { return [ConfigProblem("\(path).url", "missing: an http or https URL")] }
        do {
            _ = try URLNormalizer.normalize(url)
            return []
        } catch {
            return [ConfigProblem("\(path).url", "\(error)")]
        }
    }
}

struct URLSourceDescriptor: SourceDescriptor {
    var name: String { "url" }
    var summary: String { "one http(s) URL" }
    var fields: [OptionField] { URLSourceOptions.fields }

    func configure(_ object: [String: Any], path: String, baseDirectory: URL) -> (ConfiguredSource?, [ConfigProblem]) {
        let (options, problems) = OptionsDecoder.decode(URLSourceOptions.self, from: object, path: path, baseDirectory: baseDirectory)
        guard let options, let url = try? URLNormalizer.normalize(options.url) else { return (nil, problems) }
        var listing = SourceListing()
        listing.items = [URLList.item(url, charset: options.charset)]
        return (ConfiguredSource(type: name, list: { [listing] in listing }), problems)
    }
}
