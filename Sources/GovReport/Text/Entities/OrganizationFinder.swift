/// Finds the names of bodies and offices: 西湖区人民检察院, 浙江金道律所, 杭州快智科技有限公司,
/// 海珠公证处, 兴泾镇派出所, 综治中心, 党政办.
///
/// A name is found by its suffix and extended to the left over name characters until a
/// boundary (`NameBoundary`): a function word, punctuation, a number or a verb that introduces
/// it. Offices whose suffix names them fully in context (司法所, 派出所, 综治中心) may stand
/// alone; generic suffixes (局, 委员会, 有限公司, 律所) need a name before them.
enum OrganizationFinder {
    typealias Scalars = HanTextScan.Scalars

    struct Suffix: Sendable {
        let scalars: Scalars
        /// Fewest name characters before the suffix.
        let minName: Int
        let maxName: Int
        /// Last name characters that make the whole a common word (大局, 格局, 布局).
        let rejectedLastChars: ScalarSet
        /// Characters after the suffix that make it part of a word (局势, 局面).
        let rejectedNextChars: ScalarSet

        init(_ text: String, minName: Int, maxName: Int = 16, rejectLast: String = "", rejectNext: String = "") {
            scalars = HanTextScan.scalars(text)
            self.minName = minName
            self.maxName = maxName
            rejectedLastChars = HanTextScan.set(rejectLast)
            rejectedNextChars = HanTextScan.set(rejectNext)
        }
    }

    private static let governmentSuffix = HanTextScan.scalars("人民政府")
    /// 执法队员, 执法队伍, 中队长 are people, not the squad.
    private static let squadWords = "员伍长"

    static let suffixes: [Suffix] = [
        Suffix("中级人民法院", minName: 0), Suffix("高级人民法院", minName: 0), Suffix("人民法院", minName: 0), Suffix("人民检察院", minName: 0),
        Suffix("法院", minName: 1, rejectLast: "民"), Suffix("检察院", minName: 1, rejectLast: "民"),
        Suffix("司法所", minName: 0), Suffix("派出所", minName: 0), Suffix("公证处", minName: 0),
        Suffix("律师事务所", minName: 2), Suffix("律所", minName: 2),
        Suffix("股份有限公司", minName: 2, maxName: 18), Suffix("有限责任公司", minName: 2, maxName: 18),
        Suffix("有限公司", minName: 2, maxName: 18),
        Suffix("人民调解委员会", minName: 2), Suffix("调委会", minName: 2),
        Suffix("委员会", minName: 2, rejectLast: "民"),
        Suffix("商会", minName: 2),
        Suffix("综合行政执法大队", minName: 0, rejectNext: squadWords), Suffix("综合行政执法中队", minName: 0, rejectNext: squadWords),
        Suffix("综合行政执法队", minName: 0, rejectNext: squadWords), Suffix("综合执法大队", minName: 0, rejectNext: squadWords),
        Suffix("综合执法中队", minName: 0, rejectNext: squadWords), Suffix("综合执法队", minName: 0, rejectNext: squadWords),
        Suffix("执法大队", minName: 2, rejectNext: squadWords), Suffix("执法中队", minName: 2, rejectNext: squadWords),
        Suffix("执法队", minName: 2, rejectNext: squadWords),
        Suffix("大队", minName: 2, rejectLast: "支", rejectNext: squadWords), Suffix("中队", minName: 2, rejectNext: squadWords),
        Suffix("局", minName: 2, rejectLast: "大格布全结开当骗饭棋赌变困僵残定破时政新",
               rejectNext: "势面限部长"),
        Suffix("办公室", minName: 2, maxName: 20),
        Suffix("综治中心", minName: 0), Suffix("综合治理中心", minName: 0),
        Suffix("公共法律服务中心", minName: 0), Suffix("公共法律服务工作站", minName: 0),
        Suffix("公共法律服务站", minName: 0), Suffix("公共法律服务工作室", minName: 0),
        Suffix("法律服务工作站", minName: 2), Suffix("法律服务工作室", minName: 2),
        Suffix("调解中心", minName: 2), Suffix("受理服务中心", minName: 2), Suffix("指挥中心", minName: 2),
        Suffix("人民政府", minName: 2, maxName: 20), Suffix("办事处", minName: 2, maxName: 20),
    ].sorted { $0.scalars.count > $1.scalars.count }

    /// 办 names an office only after the stem of one (综治办, 党政办, 依法治区办); elsewhere it is
    /// the verb (举办, 承办, 一网通办, 接诉即办).
    private static let officeStems = HanTextScan.words([
        "综治", "法治", "信访", "网信", "应急", "政府", "党政", "党群", "文明", "爱卫", "维稳", "禁毒",
        "扫黑", "创文", "创卫", "平安", "综合", "依法治区", "依法治县", "依法治市", "依法治镇", "依法治街",
        "依法治乡", "普法", "防汛", "安委", "食安", "城管",
    ])
    private static let office = HanTextScan.scalars("办")
    /// Characters after 办 that make it a verb compound (办理, 办事, 办结, 办公).
    private static let verbAfterOffice = HanTextScan.set("理事结公学案件法好实成妥证照")
    /// Words that are not part of a name although they stand right before it (原城管执法队).
    private static let droppedLeads = HanTextScan.words(["原"])
    private static let leadsToDrop = NameBoundary.genericLeads + droppedLeads
    /// The suffixes as a word list, its indexes those of `suffixes` (none is empty): a position
    /// compares only the suffixes that begin with its character (中, 大, 人 and 法 begin a few
    /// each, most characters none), all of them in order, since a suffix whose name does not
    /// hold gives way to the next.
    private static let suffixWords = WordList(scalarWords: suffixes.map(\.scalars))

    static func find(in scalars: Scalars, skipping skip: [Bool]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        // Read once: each use of a static in the loop is a call that checks its initialisation.
        let officeScalar = office[0], suffixWords = suffixWords, suffixes = suffixes
        for position in 0..<scalars.count where !skip[position] {
            if scalars[position] == officeScalar, let range = officeName(scalars, officeAt: position) {
                found.append(range)
                continue
            }
            for index in suffixWords.indexes(startingWith: scalars[position])
            where HanTextScan.matches(scalars, at: position, suffixes[index].scalars) {
                let suffix = suffixes[index]
                if let range = name(scalars, suffixAt: position, suffix) {
                    found.append(range)
                    break
                }
            }
        }
        return EntityOverlap.outermost(found).filter { range in !range.contains { skip[$0] } }
    }

    private static func name(_ scalars: Scalars, suffixAt position: Int, _ suffix: Suffix) -> Range<Int>? {
        let end = position + suffix.scalars.count
        // 居民委员会 and 村民委员会 are places (SubTownshipPlaceFinder).
        if position > 0, suffix.rejectedLastChars.contains(scalars[position - 1]) { return nil }
        if end < scalars.count, suffix.rejectedNextChars.contains(scalars[end]) { return nil }
        guard var start = boundedStart(scalars, before: position, maxLength: suffix.maxName) else { return nil }
        if let generic = HanTextScan.firstMatch(scalars, at: start, in: leadsToDrop),
           start + generic.count <= position {
            start += generic.count
        }
        guard position - start >= suffix.minName, namesEnough(scalars, start..<end),
              !containsDetachedBody(scalars, start..<position) else { return nil }
        return start..<end
    }

    /// A name may contain another body's name only right before its own suffix
    /// (…基层委员会法律服务工作站); a body followed by other words (街道商会编制商事调解中心)
    /// shows that the walk crossed a verb phrase.
    private static func containsDetachedBody(_ scalars: Scalars, _ name: Range<Int>) -> Bool {
        for end in (name.lowerBound + 2)..<max(name.lowerBound + 2, name.upperBound) {
            // …区人民政府…街道办事处 is the standard full name of a township office.
            if let suffix = suffixes.first(where: { $0.scalars.count >= 2 && HanTextScan.matches(scalars, endingAt: end, $0.scalars) }),
               end - suffix.scalars.count >= name.lowerBound, suffix.scalars != governmentSuffix {
                return true
            }
        }
        return false
    }

    /// Every suffix the span ends with must have its own minimum name before it: the generic
    /// 委员会 does not make a bare 人民调解委员会 a name.
    private static func namesEnough(_ scalars: Scalars, _ range: Range<Int>) -> Bool {
        suffixes.allSatisfy { suffix in
            let suffixStart = range.upperBound - suffix.scalars.count
            guard suffixStart >= range.lowerBound, HanTextScan.matches(scalars, at: suffixStart, suffix.scalars)
            else { return true }
            return suffixStart - range.lowerBound >= suffix.minName
        }
    }

    private static func officeName(_ scalars: Scalars, officeAt position: Int) -> Range<Int>? {
        guard HanTextScan.matches(scalars, at: position, office),
              HanTextScan.firstMatch(scalars, endingAt: position, in: officeStems) != nil else { return nil }
        if position + 1 < scalars.count, verbAfterOffice.contains(scalars[position + 1]) { return nil }
        guard let start = boundedStart(scalars, before: position, maxLength: 12) else { return nil }
        return start..<(position + 1)
    }

    /// The start of the name, nil when the walk ran to `maxLength` without meeting a boundary
    /// (then the "name" is a clause).
    private static func boundedStart(_ scalars: Scalars, before position: Int, maxLength: Int) -> Int? {
        let start = NameBoundary.nameStart(scalars, before: position, maxLength: maxLength + 1)
        return position - start > maxLength ? nil : start
    }
}

/// Resolves overlapping candidate spans of one entity type.
enum EntityOverlap {
    /// Drops spans inside a longer one; of two spans that overlap, keeps the earlier-starting.
    static func outermost(_ ranges: [Range<Int>]) -> [Range<Int>] {
        let sorted = ranges.sorted { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.count > $1.count }
        var kept: [Range<Int>] = []
        for range in sorted {
            if let last = kept.last, range.lowerBound < last.upperBound {
                if range.upperBound > last.upperBound, range.lowerBound == last.lowerBound {
                    kept[kept.count - 1] = range
                } else if range.upperBound > last.upperBound {
                    // A longer name ending later (…委员会 then …委员会办公室) that contains the
                    // earlier one's start is the same body's fuller name.
                    kept[kept.count - 1] = last.lowerBound..<range.upperBound
                }
                continue
            }
            kept.append(range)
        }
        return kept
    }
}
