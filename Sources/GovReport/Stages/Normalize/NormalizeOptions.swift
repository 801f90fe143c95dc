import Foundation

/// Options of the `normalize` stage.
public struct NormalizeOptions: StageOptions {
    /// OpenCC configuration for the script conversion: a bare name is looked up in OpenCC's data
    /// directory, a path (with a `/`) is relative to the config file.
    public var openccConfig = "t2s.json"
    /// Convert traditional characters to simplified (the source characters are kept beside).
    public var convertScript = true
    /// Fold full-width digits, Latin letters and ％／＋＝－＜＞ to ASCII.
    public var fullWidth = true
    /// Further characters to remove everywhere, e.g. a site's icon glyphs (one character each).
    public var dropCharacters: [String] = []

    public init() {}

    public static let fields: [OptionField] = [
        OptionField("openccConfig", .string, "OpenCC configuration for traditional→simplified: a bare name (t2s.json, tw2s.json, hk2s.json) is looked up in OpenCC's data directory, a path is relative to the config file"),
        OptionField("convertScript", .bool, "convert traditional characters to simplified; the source characters are kept in the source text either way"),
        OptionField("fullWidth", .bool, "fold full-width digits, Latin letters and ％／＋＝－＜＞ (and ． between digits) to ASCII; Chinese punctuation is kept"),
        OptionField("dropCharacters", .stringArray, "further characters to remove from every text, one character per entry (e.g. a site's icon glyphs)"),
    ]

    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if OpenCCConverter.locate(openccConfig, relativeTo: baseDirectory) == nil {
            let place = OpenCCConverter.isPath(openccConfig)
                ? "relative to \(baseDirectory.path)"
                : "in OpenCC's data directories (\(OpenCCConverter.dataDirectories.joined(separator: ", ")))"
            problems.append(ConfigProblem("\(path).openccConfig", "OpenCC configuration \"\(openccConfig)\" not found \(place)"))
        }
        for (index, entry) in dropCharacters.enumerated() where entry.unicodeScalars.count != 1 {
            problems.append(ConfigProblem("\(path).dropCharacters[\(index)]", "must be exactly one Unicode character (code point), got \"\(entry)\""))
        }
        return problems
    }

    public func resolvingPaths(relativeTo baseDirectory: URL) -> NormalizeOptions {
        guard OpenCCConverter.isPath(openccConfig), !openccConfig.hasPrefix("/") else { return self }
        var resolved = self
        resolved.openccConfig = baseDirectory.appendingPathComponent(openccConfig).standardizedFileURL.path
        return resolved
    }
}
