import Foundation

/// Turns one options object of `pipeline.json` into typed, defaulted options, collecting every
/// problem with its JSON path instead of stopping at the first.
enum OptionsDecoder {
    /// Keys every options object may carry besides the declared fields.
    static let reservedKeys: Set<String> = ["type"]

    static func decode<O: StageOptions>(_: O.Type, from object: [String: Any], path: String,
                                        baseDirectory: URL) -> (O?, [ConfigProblem]) {
        var problems: [ConfigProblem] = []
        let fields = Dictionary(uniqueKeysWithValues: O.fields.map { ($0.name, $0) })
        for key in object.keys.sorted() where !reservedKeys.contains(key) {
            guard let field = fields[key] else {
                let known = O.fields.map(\.name).joined(separator: ", ")
                problems.append(ConfigProblem("\(path).\(key)", "unknown key (known keys: \(known.isEmpty ? "none" : known))"))
                continue
            }
            if let mismatch = JSONValueCheck.mismatch(object[key]!, expected: field.type) {
                problems.append(ConfigProblem("\(path).\(key)", mismatch))
            }
        }
        guard problems.isEmpty else { return (nil, problems) }
        do {
            // Overlay the given keys on the encoded defaults, so each options type keeps its
            // synthesized Codable and its defaults live in one place: `init()`.
            let defaults = try JSONEncoder().encode(O())
            var merged = (try JSONSerialization.jsonObject(with: defaults) as? [String: Any]) ?? [:]
            for (key, value) in object where !reservedKeys.contains(key) { merged[key] = value }
            let data = try JSONSerialization.data(withJSONObject: merged)
            let options = try JSONDecoder().decode(O.self, from: data)
            problems += options.problems(at: path, baseDirectory: baseDirectory)
            return (problems.isEmpty ? options : nil, problems)
        } catch {
            return (nil, [ConfigProblem(path, "options could not be read: \(error)")])
        }
    }

    /// The canonical JSON of options (sorted keys): part of every cache key.
    static func fingerprint<O: StageOptions>(_ options: O) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(options)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
