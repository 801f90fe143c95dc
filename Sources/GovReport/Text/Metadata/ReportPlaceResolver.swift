/// Decides a report's province, city, county and township from the places its own texts name.
///
/// Sources are read in order of trust: the title, the issuer, the page's issuer; then the
/// opening paragraph and the signature; last, any chain anywhere in the report (law titles
/// included) that shares a unit with what is known, such as 《上海市闵行区人民政府古美路街道…》 for
/// a report whose issuer is 古美路街道. A chain is taken only if it names no level differently.
/// The trusted sources may fill any level; the others only levels above the most specific
/// one already known, so that a county's report that mentions one of its towns stays a county's.
enum ReportPlaceResolver {
    static func resolve(trusted: [String], context: [String], wholeText: [String]) -> PlaceLevels {
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
        for text in wholeText {
            for chain in PlaceParser.chains(in: text, skipTitles: false) where chain.units.count >= 2 {
                add(chain.levels, to: &result, requireOverlap: true)
            }
        }
        return result
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
    /// The levels strictly above `level` index (0 province … 3 township).
    fileprivate func trimmed(below level: Int) -> PlaceLevels {
        PlaceLevels(province: level > 0 ? province : "", city: level > 1 ? city : "",
                    county: level > 2 ? county : "", township: "")
    }
}
