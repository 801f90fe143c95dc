/// One administrative unit named in a text: 海珠区 (county), 江南中街道 (township).
public struct PlaceUnit: Sendable, Equatable {
    /// The name with its suffix, as written.
    public var name: String
    public var level: AdministrativeLevel
    /// 北京市 天津市 上海市 重庆市: a province-level unit that is also its own city.
    public var isMunicipality: Bool
    /// Unicode-scalar range in the parsed text.
    public var range: Range<Int>
}

/// Units written one after another, highest first: 广州市海珠区人民政府江南中街道办事处.
public struct PlaceChain: Sendable, Equatable {
    public var units: [PlaceUnit]
    /// From the first unit to the end of the last unit.
    public var range: Range<Int>
    /// The end including a body word after the last unit (人民政府, 办事处), else `range.upperBound`.
    public var bodyEnd: Int

    /// The chain as province, city, county, township (a municipality fills province and city).
    public var levels: PlaceLevels {
        var levels = PlaceLevels()
        for unit in units {
            switch unit.level {
            case .province:
                levels.province = unit.name
                if unit.isMunicipality { levels.city = unit.name }
            case .city: levels.city = unit.name
            case .county: levels.county = unit.name
            case .township: levels.township = unit.name
            }
        }
        return levels
    }
}

/// Province, city, county and township names; "" where unknown.
public struct PlaceLevels: Sendable, Equatable {
    public var province = ""
    public var city = ""
    public var county = ""
    public var township = ""

    public init(province: String = "", city: String = "", county: String = "", township: String = "") {
        self.province = province
        self.city = city
        self.county = county
        self.township = township
    }

    var values: [String] { [province, city, county, township] }
    var isEmpty: Bool { values.allSatisfy(\.isEmpty) }
    var filledCount: Int { values.filter { !$0.isEmpty }.count }

    /// No level is named differently in the two.
    func isConsistent(with other: PlaceLevels) -> Bool {
        zip(values, other.values).allSatisfy { $0.isEmpty || $1.isEmpty || $0 == $1 }
    }

    /// Some level is named the same in both.
    func overlaps(_ other: PlaceLevels) -> Bool {
        zip(values, other.values).contains { !$0.isEmpty && $0 == $1 }
    }

    /// Fills the levels still unknown from `other`.
    mutating func fill(from other: PlaceLevels) {
        if province.isEmpty { province = other.province }
        if city.isEmpty { city = other.city }
        if county.isEmpty { county = other.county }
        if township.isEmpty { township = other.township }
    }
}

/// Reads chains of administrative names: 银川市西夏区兴泾镇 → city 银川市, county 西夏区,
/// township 兴泾镇. A unit is a name of Han characters followed by a level suffix (省 自治区 市
/// 州 盟 地区 区 县 旗 街道 镇 乡 苏木); the units of a chain must descend in level, and 人民政府,
/// 政府 or 办事处 may stand between them. Where several readings cover the text, the one that
/// reaches furthest wins, then the one with more units.
///
/// 市 is a city, a province (the four municipalities) or a county-level city when it follows a
/// city in the same chain (金华市义乌市). A 市 standing alone is read as a city: whether a lone
/// 义乌市 is county-level cannot be told from the text.
public enum PlaceParser {
    typealias Scalars = HanTextScan.Scalars

    /// Chains that begin at name boundaries (text start, punctuation, function words, leading
    /// verbs), left to right, without overlap. With `skipTitles`, nothing inside 《…》 or “…”.
    public static func chains(in text: String, skipTitles: Bool = true) -> [PlaceChain] {
        chains(in: HanTextScan.scalars(text), skipTitles: skipTitles)
    }

    /// The longest name before a suffix, in scalars.
    static let maxNameLength = 8

    static func chains(in scalars: Scalars, skipTitles: Bool) -> [PlaceChain] {
        let titles = skipTitles ? HanTextScan.bookTitleMask(scalars) : []
        let quotes = skipTitles ? HanTextScan.quoteMask(scalars) : []
        let stopChars = AdministrativeDivision.nameStopChars
        let mayStart = unitStarts(scalars, stopChars: stopChars)
        var found: [PlaceChain] = []
        var index = 0
        while index < scalars.count {
            let skipped = skipTitles && (titles[index] || quotes[index])
            if !skipped, mayStart[index],
               NameBoundary.isNameStart(scalars, at: index, stopChars: stopChars),
               let chain = chain(in: scalars, at: index),
               !skipTitles || !chain.range.contains(where: { titles[$0] || quotes[$0] }) {
                found.append(chain)
                index = chain.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether a unit can begin at each position: a suffix's first character stands within a
    /// name's length after it, with only name characters (Han, no stop character) before it,
    /// which is what `candidateUnits` needs of its shortest name. Most positions of a report
    /// have a suffix character near (区, 市 and 县 are common) but a stop character or a mark
    /// before it: they are passed over without a look at the characters before them or at
    /// every name length (this scan was the extract stage's largest single cost). One pass from
    /// the end.
    static func unitStarts(_ scalars: Scalars, stopChars: ScalarSet) -> [Bool] {
        let count = scalars.count
        let suffixFirsts = AdministrativeDivision.suffixFirsts
        var mayStart = [Bool](repeating: false, count: count)
        var suffixAfter = count  // the first suffix character after `position`
        // The first position from `position` on that no name holds, or `count` when none is before
        // `suffixAfter`: only the characters before the suffix count, and only those within a
        // name's length of it are looked at.
        var namesEnd = count
        for position in stride(from: count - 1, through: 0, by: -1) {
            let scalar = scalars[position]
            if suffixAfter < count, suffixAfter <= position + maxNameLength {
                if !HanTextScan.isHan(scalar) || stopChars.contains(scalar) { namesEnd = position }
                mayStart[position] = suffixAfter <= namesEnd
            }
            if suffixFirsts.contains(scalar) {
                suffixAfter = position
                namesEnd = count
            }
        }
        return mayStart
    }

    /// The chain that starts exactly at the beginning of `text`, if any.
    public static func leadingChain(of text: String) -> PlaceChain? {
        chain(in: HanTextScan.scalars(text), at: 0)
    }

    /// The best chain starting exactly at `index`.
    static func chain(in scalars: Scalars, at index: Int) -> PlaceChain? {
        let units = bestUnits(scalars, at: index, parent: nil)
        guard let first = units.first, let last = units.last else { return nil }
        var bodyEnd = last.range.upperBound
        if let body = HanTextScan.firstMatch(scalars, at: bodyEnd, in: AdministrativeDivision.bodyWords) {
            bodyEnd += body.count
        }
        return PlaceChain(units: units, range: first.range.lowerBound..<last.range.upperBound, bodyEnd: bodyEnd)
    }

    /// The furthest-reaching sequence of units from `index`; depth is bounded by the four levels.
    private static func bestUnits(_ scalars: Scalars, at index: Int, parent: PlaceUnit?) -> [PlaceUnit] {
        var best: [PlaceUnit] = []
        var bestEnd = index
        for (unit, needsContinuation) in candidateUnits(scalars, at: index, parent: parent) {
            var rest = bestUnits(scalars, at: unit.range.upperBound, parent: unit)
            let body = HanTextScan.firstMatch(scalars, at: unit.range.upperBound, in: AdministrativeDivision.bodyWords)
            if rest.isEmpty, let body {
                rest = bestUnits(scalars, at: unit.range.upperBound + body.count, parent: unit)
            }
            // 塞上市金沙区, 新港区人民政府: a name that reads like a common word (上市, 港区) counts
            // only where a lower unit or a government body follows it.
            if needsContinuation, rest.isEmpty, body == nil { continue }
            let candidate = [unit] + rest
            let end = candidate.last!.range.upperBound
            if end > bestEnd || (end == bestEnd && candidate.count > best.count) {
                best = candidate
                bestEnd = end
            }
        }
        return best
    }

    /// Every unit that can start at `index` and follow `parent`, each with whether it needs a
    /// continuation to count (its name ends like a common word with its suffix).
    private static func candidateUnits(_ scalars: Scalars, at index: Int, parent: PlaceUnit?) -> [(PlaceUnit, Bool)] {
        var units: [(PlaceUnit, Bool)] = []
        var nameLength = 1
        while nameLength <= maxNameLength, index + nameLength < scalars.count {
            let last = scalars[index + nameLength - 1]
            guard HanTextScan.isHan(last), !AdministrativeDivision.nameStopChars.contains(last) else { break }
            let nameEnd = index + nameLength
            // Most names end where no suffix begins: one set lookup instead of trying each suffix.
            guard AdministrativeDivision.suffixFirsts.contains(scalars[nameEnd]) else {
                nameLength += 1
                continue
            }
            for suffix in AdministrativeDivision.suffixes where HanTextScan.matches(scalars, at: nameEnd, suffix.scalars) {
                if let unit = unit(scalars, name: index..<nameEnd, suffix: suffix, parent: parent) {
                    let name = Array(scalars[index..<nameEnd])
                    units.append((unit, AdministrativeDivision.endsLikeACommonWord(name, suffix: suffix)))
                }
            }
            nameLength += 1
        }
        return units
    }

    private static func unit(_ scalars: Scalars, name: Range<Int>, suffix: AdministrativeDivision.Suffix,
                             parent: PlaceUnit?) -> PlaceUnit? {
        let end = name.upperBound + suffix.scalars.count
        if end < scalars.count, suffix.rejectedNextChars.contains(scalars[end]) { return nil }
        guard AdministrativeDivision.isPlausibleName(Array(scalars[name]), suffix: suffix, ignoringLastChar: true) else { return nil }
        let fullName = HanTextScan.string(scalars, name.lowerBound..<end)
        var level = suffix.level
        var isMunicipality = false
        if suffix.scalars == HanTextScan.scalars("市") {
            if AdministrativeDivision.municipalities.contains(fullName) {
                level = .province
                isMunicipality = true
            } else if let parent, parent.level == .city {
                level = .county
            }
        }
        if let parent {
            // Below a municipality come its districts and counties, not another city.
            let parentLevel: AdministrativeLevel = parent.isMunicipality ? .city : parent.level
            guard level > parentLevel else { return nil }
            if suffix.needsParent, parentLevel > .city { return nil }
        } else if suffix.needsParent {
            return nil
        }
        return PlaceUnit(name: fullName, level: level, isMunicipality: isMunicipality, range: name.lowerBound..<end)
    }
}
