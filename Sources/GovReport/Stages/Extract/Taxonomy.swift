import Foundation

/// The indicator taxonomy file (`indicators.json`): read, checked and turned into rules.
///
/// ```json
/// {"indicators": [
///   {"code": "mediation.disputes", "name_zh": "调处矛盾纠纷", "name_en": "Disputes mediated",
///    "unit_class": "count", "units": ["起", "件", "宗"],
///    "all": ["纠纷|矛盾"], "any": ["调处|调解|化解|受理"], "none": ["成功率"], "priority": 0}
/// ]}
/// ```
public enum Taxonomy {
    static let topKeys: Set<String> = ["description", "indicators"]
    static let indicatorKeys: [String] = ["code", "name_zh", "name_en", "unit_class", "units", "all", "any", "none", "priority", "note"]

    public static func load(_ file: URL) throws(ConfigError) -> [IndicatorRule] {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ConfigError(file: file.path, problems: [ConfigProblem("$", "cannot read the taxonomy: \(error.localizedDescription)")])
        }
        let (rules, problems) = parse(data)
        guard problems.isEmpty else { throw ConfigError(file: file.path, problems: problems) }
        return rules
    }

    /// The rules and every problem found, with JSON paths inside the taxonomy file.
    public static func parse(_ data: Data) -> ([IndicatorRule], [ConfigProblem]) {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return ([], [ConfigProblem("$", "not a JSON object")])
        }
        var problems: [ConfigProblem] = []
        for key in root.keys.sorted() where !topKeys.contains(key) {
            problems.append(ConfigProblem("$.\(key)", "unknown key (known keys: description, indicators)"))
        }
        guard let list = root["indicators"] as? [Any] else {
            return ([], problems + [ConfigProblem("$.indicators", "missing: an array of indicators")])
        }
        var rules: [IndicatorRule] = []
        var codes: [String: Int] = [:]
        for (index, element) in list.enumerated() {
            let path = "$.indicators[\(index)]"
            guard let object = element as? [String: Any] else {
                problems.append(ConfigProblem(path, "expected an object"))
                continue
            }
            let (rule, found) = parseIndicator(object, path: path)
            problems += found
            guard let rule else { continue }
            if let first = codes[rule.code] {
                problems.append(ConfigProblem("\(path).code", "duplicate code \"\(rule.code)\" (first at $.indicators[\(first)])"))
            } else {
                codes[rule.code] = index
            }
            rules.append(rule)
        }
        return (rules, problems)
    }

    private static func parseIndicator(_ object: [String: Any], path: String) -> (IndicatorRule?, [ConfigProblem]) {
        var problems: [ConfigProblem] = []
        for key in object.keys.sorted() where !indicatorKeys.contains(key) {
            problems.append(ConfigProblem("\(path).\(key)", "unknown key (known keys: \(indicatorKeys.joined(separator: ", ")))"))
        }
        func string(_ key: String, required: Bool = true) -> String {
            guard let value = object[key] else {
                if required { problems.append(ConfigProblem("\(path).\(key)", "missing")) }
                return ""
            }
            guard let text = value as? String, !text.isEmpty else {
                problems.append(ConfigProblem("\(path).\(key)", "expected a non-empty string"))
                return ""
            }
            return text
        }
        func groups(_ key: String) -> [[String]] {
            guard let value = object[key] else { return [] }
            guard let list = value as? [String] else {
                problems.append(ConfigProblem("\(path).\(key)", "expected an array of strings (alternatives separated by |)"))
                return []
            }
            return list.enumerated().compactMap { index, entry in
                let words = entry.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if words.isEmpty { problems.append(ConfigProblem("\(path).\(key)[\(index)]", "empty keyword")) }
                return words.isEmpty ? nil : words
            }
        }
        let code = string("code")
        if !code.isEmpty, code.range(of: #"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"#, options: .regularExpression) == nil {
            problems.append(ConfigProblem("\(path).code", "\"\(code)\" is not a dotted lower-case ASCII code like mediation.cases"))
        }
        let nameZh = string("name_zh"), nameEn = string("name_en")
        let classText = string("unit_class")
        let unitClass = UnitClass(rawValue: classText)
        if !classText.isEmpty, unitClass == nil {
            problems.append(ConfigProblem("\(path).unit_class", "\"\(classText)\" is not one of \(UnitClass.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        var units: [String]?
        if let value = object["units"] {
            if let list = value as? [String], !list.isEmpty {
                units = list
                if let unitClass {
                    for (index, unit) in list.enumerated() where !unitClass.defaultUnits.contains(unit) {
                        problems.append(ConfigProblem("\(path).units[\(index)]", "\"\(unit)\" is not a unit of class \(unitClass.rawValue) (\(unitClass.defaultUnits.filter { !$0.isEmpty }.joined(separator: " ")))"))
                    }
                }
            } else {
                problems.append(ConfigProblem("\(path).units", "expected a non-empty array of units"))
            }
        }
        let all = groups("all"), any = groups("any"), none = groups("none")
        if all.isEmpty && any.isEmpty {
            problems.append(ConfigProblem(path, "no keywords: give \"all\" or \"any\", or the rule matches every subject"))
        }
        let excluded = Set(none.flatMap { $0 })
        for (index, group) in all.enumerated() where group.allSatisfy({ word in excluded.contains { word.contains($0) } }) {
            problems.append(ConfigProblem("\(path).all[\(index)]", "can never match: every alternative contains a word of \"none\""))
        }
        if !any.isEmpty, any.flatMap({ $0 }).allSatisfy({ word in excluded.contains { word.contains($0) } }) {
            problems.append(ConfigProblem("\(path).any", "can never match: every word contains a word of \"none\""))
        }
        var priority = 0
        if let value = object["priority"] {
            if JSONValueCheck.isInteger(value), let number = value as? NSNumber { priority = number.intValue }
            else { problems.append(ConfigProblem("\(path).priority", "expected an integer")) }
        }
        if let note = object["note"], !(note is String) {
            problems.append(ConfigProblem("\(path).note", "expected a string"))
        }
        guard problems.isEmpty, let unitClass else { return (nil, problems) }
        return (IndicatorRule(code: code, nameZh: nameZh, nameEn: nameEn, unitClass: unitClass, units: units,
                              all: all, any: any, none: none, priority: priority), [])
    }
}
