/// Decides a report's province, city, county and township from the places its own texts name.
///
/// Sources are read in order of trust: the title, the issuer, the page's issuer; then the
/// opening paragraph and the signature; last, any chain anywhere in the report (law titles
/// included) that shares a unit with what is known, such as 《上海市闵行区人民政府古美路街道…》 for
/// a report whose issuer is 古美路街道. A chain is taken only if it names no level differently.
/// The trusted sources may fill any level; the others only levels above the most specific
/// one already known, so that a county's report that mentions one of its towns stays a county's.
enum ReportPlaceResolver {
    static func resolve(trusted: [String], context: [String], wholeText: [[Unicode.Scalar]]) -> PlaceLevels {
        var result = PlaceLevels()
        for text in trusted {
            for chain in PlaceParser.chains(in: text) {
                let levels = chain.levels
                if result.isConsistent(with: levels) { result.fill(from: levels) }
            }
        }
        for text in context {
            for chain in PlaceParser.chains(in: text) {
                add(chain.levels, to: &result, requireOverlap: false)
            }
        }
        guard !result.isEmpty else { return result }
        // The whole text is parsed once for both passes over it.
        let wholeChains = wholeText.map { PlaceParser.chains(in: $0, skipTitles: false) }
        for chains in wholeChains {
            for chain in chains where chain.units.count >= 2 {
                add(chain.levels, to: &result, requireOverlap: true)
            }
        }
        fillLevelsNamedOnce(&result, in: wholeChains)
        return result
    }

    /// A level above the most specific one known that the report names once and only once, alone
    /// (岭下村获评江西省民主法治示范村, 《赣西市人民政府办公室关于…的通知》): a report that names a
    /// single province or city names its own. Two different names at a level leave it empty.
    private static func fillLevelsNamedOnce(_ result: inout PlaceLevels, in texts: [[PlaceChain]]) {
        let mostSpecific = result.values.lastIndex { !$0.isEmpty }!
        var names = [Set<String>](repeating: [], count: 4)
        var consistent = [Set<String>](repeating: [], count: 4)
        for chains in texts {
            for chain in chains {
                let levels = chain.levels
                for level in 0..<mostSpecific where !levels.values[level].isEmpty {
                    names[level].insert(levels.values[level])
                    if result.isConsistent(with: levels) { consistent[level].insert(levels.values[level]) }
                }
            }
        }
        var found = PlaceLevels()
        for level in 0..<mostSpecific where names[level].count == 1 && consistent[level] == names[level] {
            found.set(level, to: names[level].first!)
        }
        if result.isConsistent(with: found) { result.fill(from: found) }
    }

    /// Adds the levels of `levels` above the most specific level known (any level while nothing is known).
    private static func add(_ levels: PlaceLevels, to result: inout PlaceLevels, requireOverlap: Bool) {
        guard result.isConsistent(with: levels), !requireOverlap || result.overlaps(levels) else { return }
        if result.isEmpty {
            result.fill(from: levels)
            return
        }
        let mostSpecific = result.values.lastIndex { !$0.isEmpty }!
        result.fill(from: levels.trimmed(below: mostSpecific))
    }
}

extension PlaceLevels {
    fileprivate mutating func set(_ level: Int, to name: String) {
        switch level {
        case 0: province = name
        case 1: city = name
        case 2: county = name
        default: township = name
        }
    }

    /// The levels strictly above `level` index (0 province … 3 township).
    fileprivate func trimmed(below level: Int) -> PlaceLevels {
        PlaceLevels(province: level > 0 ? province : "", city: level > 1 ? city : "",
                    county: level > 2 ? county : "", township: "")
    }
}
