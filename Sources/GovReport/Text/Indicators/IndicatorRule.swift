/// One indicator of the taxonomy and the rule that recognises it in a metric's subject.
///
/// Keyword lists are written for people: each entry of `all`, `any` and `none` may hold
/// alternatives separated by `|` ("纠纷|矛盾" matches either word).
public struct IndicatorRule: Sendable, Equatable {
    public var code: String
    public var nameZh: String
    public var nameEn: String
    public var unitClass: UnitClass
    public var units: [String]
    /// Every group must match.
    public var all: [[String]]
    /// When not empty, at least one group must match.
    public var any: [[String]]
    /// No group may match.
    public var none: [[String]]
    /// Decides between two indicators that match with the same specificity.
    public var priority: Int

    public init(code: String, nameZh: String, nameEn: String, unitClass: UnitClass, units: [String]? = nil,
                all: [[String]] = [], any: [[String]] = [], none: [[String]] = [], priority: Int = 0) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.unitClass = unitClass
        self.units = units ?? unitClass.defaultUnits
        self.all = all
        self.any = any
        self.none = none
        self.priority = priority
    }

    /// The specificity of the match (characters of keywords found), or nil when it does not match.
    public func score(subject: String, unit: String) -> Int? {
        guard units.contains(unit) else { return nil }
        var matched = 0
        for group in all {
            guard let hit = group.filter({ subject.contains($0) }).max(by: { $0.count < $1.count }) else { return nil }
            matched += hit.count
        }
        if !any.isEmpty {
            let hits = any.compactMap { group in group.filter { subject.contains($0) }.max { $0.count < $1.count } }
            guard let best = hits.max(by: { $0.count < $1.count }) else { return nil }
            matched += best.count
        }
        for group in none where group.contains(where: { subject.contains($0) }) { return nil }
        return matched
    }
}
