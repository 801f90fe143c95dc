import Foundation

/// Reads and validates `pipeline.json`, reporting every problem with its JSON path.
public enum ConfigLoader {
    public static func load(_ file: URL) throws(ConfigError) -> PipelineConfig {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ConfigError(file: file.path, problems: [ConfigProblem("$", "cannot read the config file: \(error.localizedDescription)")])
        }
        return try parse(data, configFile: file)
    }

    public static func parse(_ data: Data, configFile: URL) throws(ConfigError) -> PipelineConfig {
        let base = configFile.deletingLastPathComponent().standardizedFileURL
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ConfigError(file: configFile.path, problems: [ConfigProblem("$", "the config must be a JSON object")])
            }
            root = object
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(file: configFile.path, problems: [ConfigProblem("$", "not valid JSON: \(jsonErrorText(error))")])
        }

        var problems: [ConfigProblem] = []
        let known = Set(PipelineConfig.fields.map(\.name))
        for key in root.keys.sorted() where !known.contains(key) {
            problems.append(ConfigProblem("$.\(key)", "unknown key (known keys: \(PipelineConfig.fields.map(\.name).joined(separator: ", ")))"))
        }
        func directory(_ key: String, default value: String) -> URL {
            guard let raw = root[key] else { return base.appendingPathComponent(value).standardizedFileURL }
            guard let string = raw as? String, !string.isEmpty else {
                problems.append(ConfigProblem("$.\(key)", "expected a non-empty string (a folder path)"))
                return base.appendingPathComponent(value)
            }
            return resolve(string, against: base)
        }
        let workDirectory = directory("workDir", default: "work")
        let outputDirectory = directory("outputDir", default: "out")
        if let description = root["description"], !(description is String) {
            problems.append(ConfigProblem("$.description", "expected a string"))
        }

        let sources = parseSources(root["sources"], base: base, problems: &problems)
        let stages = parseStages(root["stages"], base: base, problems: &problems)

        guard problems.isEmpty else { throw ConfigError(file: configFile.path, problems: problems) }
        return PipelineConfig(configFile: configFile, baseDirectory: base, workDirectory: workDirectory,
                              outputDirectory: outputDirectory, sources: sources, stages: stages)
    }

    static func resolve(_ path: String, against base: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL
            : base.appendingPathComponent(path).standardizedFileURL
    }

    private static func parseSources(_ value: Any?, base: URL, problems: inout [ConfigProblem]) -> [ConfiguredSource] {
        guard let value else {
            problems.append(ConfigProblem("$.sources", "missing: at least one source is needed"))
            return []
        }
        guard let array = value as? [Any], !array.isEmpty else {
            problems.append(ConfigProblem("$.sources", "expected a non-empty array of sources"))
            return []
        }
        var sources: [ConfiguredSource] = []
        for (index, element) in array.enumerated() {
            let path = "$.sources[\(index)]"
            guard let object = element as? [String: Any] else {
                problems.append(ConfigProblem(path, "expected an object with a \"type\""))
                continue
            }
            guard let type = object["type"] as? String else {
                problems.append(ConfigProblem("\(path).type", "missing: one of \(SourceRegistry.names.joined(separator: ", "))"))
                continue
            }
            guard let descriptor = SourceRegistry.descriptor(named: type) else {
                problems.append(ConfigProblem("\(path).type", "unknown source type \"\(type)\" (known: \(SourceRegistry.names.joined(separator: ", ")))"))
                continue
            }
            let (source, found) = descriptor.configure(object, path: path, baseDirectory: base)
            problems += found
            if let source { sources.append(source) }
        }
        return sources
    }

    private static func parseStages(_ value: Any?, base: URL, problems: inout [ConfigProblem]) -> [ConfiguredStage] {
        guard let array = value as? [Any], !array.isEmpty else {
            problems.append(ConfigProblem("$.stages", value == nil ? "missing: the list of stages is needed"
                                                                    : "expected a non-empty array of stages"))
            return []
        }
        var stages: [ConfiguredStage] = []
        var lastIndex = -1
        var seen: Set<String> = []
        for (position, element) in array.enumerated() {
            let path = "$.stages[\(position)]"
            guard let object = element as? [String: Any] else {
                problems.append(ConfigProblem(path, "expected an object with a \"type\""))
                continue
            }
            guard let type = object["type"] as? String else {
                problems.append(ConfigProblem("\(path).type", "missing: one of \(StageRegistry.names.joined(separator: ", "))"))
                continue
            }
            guard let descriptor = StageRegistry.descriptor(named: type), let index = StageRegistry.index(of: type) else {
                problems.append(ConfigProblem("\(path).type", "unknown stage type \"\(type)\" (known: \(StageRegistry.names.joined(separator: ", ")))"))
                continue
            }
            if seen.contains(type) {
                problems.append(ConfigProblem("\(path).type", "stage \"\(type)\" appears twice"))
            } else if index < lastIndex {
                problems.append(ConfigProblem("\(path).type", "stage \"\(type)\" is out of order: the order is \(StageRegistry.names.joined(separator: " → "))"))
            } else if type != "write", index > lastIndex + 1 {
                // Each per-document stage reads the output of the one before it, so none may be left out.
                let missing = StageRegistry.names[lastIndex + 1]
                problems.append(ConfigProblem("\(path).type", "stage \"\(type)\" needs \"\(missing)\" before it"))
            }
            seen.insert(type)
            lastIndex = max(lastIndex, index)
            let (stage, found) = descriptor.configure(object, path: path, baseDirectory: base)
            problems += found
            if let stage { stages.append(stage) }
        }
        return stages
    }

    private static func jsonErrorText(_ error: Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return "\(error)"
    }
}
