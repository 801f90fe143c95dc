/// The four levels of the administrative hierarchy that reports name, highest first.
public enum AdministrativeLevel: Int, Sendable, Comparable, CaseIterable {
    case province = 0, city, county, township

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The suffix tables and word lists that decide what an administrative name is.
enum AdministrativeDivision {
    typealias Scalars = HanTextScan.Scalars

    /// Province-level municipalities: a province and a city at once.
    static let municipalities: Set<String> = ["北京市", "天津市", "上海市", "重庆市"]

    /// One way an administrative name can end.
    struct Suffix: Sendable {
        let scalars: Scalars
        /// The level the name has; 市 is refined by position in a chain.
        let level: AdministrativeLevel
        /// Shortest and longest name before the suffix, in scalars.
        let nameLength: ClosedRange<Int>
        /// Only after a province or city in the same chain (地区, 盟, 旗 are also common words).
        let needsParent: Bool
        /// Last characters of the name that make the whole a common word, not a place
        /// (城市, 超市, 辖区, 片区, 城镇, 城乡, 节省 …).
        let rejectedLastChars: ScalarSet
        /// Characters that may not follow the suffix (市场, 区域, 乡村, 州市 …).
        let rejectedNextChars: ScalarSet

        init(_ text: String, _ level: AdministrativeLevel, _ nameLength: ClosedRange<Int>,
             needsParent: Bool = false, rejectLast: String = "", rejectNext: String = "") {
            scalars = HanTextScan.scalars(text)
            self.level = level
            self.nameLength = nameLength
            self.needsParent = needsParent
            rejectedLastChars = HanTextScan.set(rejectLast)
            rejectedNextChars = HanTextScan.set(rejectNext)
        }
    }

    /// Longest first, so that 自治区 is tried before 区 and 街道 before 道-less forms.
    static let suffixes: [Suffix] = [
        Suffix("特别行政区", .province, 2...2),
        Suffix("自治区", .province, 2...6),
        Suffix("自治州", .city, 2...8),
        Suffix("自治县", .county, 2...8),
        Suffix("自治旗", .county, 2...8, needsParent: true),
        Suffix("街道", .township, 2...5, rejectLast: "本我全各该此原主干支背"),
        Suffix("苏木", .township, 2...4),
        Suffix("地区", .city, 2...5, needsParent: true),
        Suffix("省", .province, 2...3, rejectLast: "全本各外我该节反晨"),
        Suffix("市", .city, 2...4,
               rejectLast: "超门夜菜集股都上全本我各该早黑闹街花鱼墟互开罢直县",
               rejectNext: "场民级容县直"),
        Suffix("州", .city, 2...4, rejectLast: "神九全本", rejectNext: "市区县镇"),
        Suffix("盟", .city, 2...4, needsParent: true, rejectLast: "联结加同"),
        Suffix("区", .county, 2...4,
               rejectLast: "片景园小街社辖郊矿校厂营灾控护范验务能业住宅活公地牧林税游市本全各该我库港湾域点",
               rejectNext: "域别分块间县级划"),
        Suffix("县", .county, 1...4, rejectLast: "全本各该我区州郡市", rejectNext: "级域城"),
        Suffix("旗", .county, 2...4, needsParent: true, rejectLast: "红国党彩锦队团升军会",
               rejectNext: "帜下舰手杆"),
        Suffix("镇", .township, 2...4, rejectLast: "城乡集村市全本我各该坐重名小古", rejectNext: "村街守压定静"),
        Suffix("乡", .township, 2...4, rejectLast: "城家故下返回同老异他原梦水思侨全本我各该", rejectNext: "村镇土亲贤愁音"),
    ].sorted { $0.scalars.count > $1.scalars.count }

    /// The first scalars of all the suffixes.
    static let suffixFirsts = ScalarSet(suffixes.map { $0.scalars[0] })

    /// The body words that may stand between two units of a chain or after its last unit:
    /// 广州市海珠区人民政府江南中街道办事处.
    static let bodyWords = HanTextScan.words(["人民政府", "政府", "办事处", "管理委员会", "管委会"])

    /// Characters that never stand inside an administrative name in running text: function
    /// words, conjunctions and prepositions. (Real names such as 和平区 are lost; in this genre
    /// 和 between two names is far more common.)
    static let nameStopChars = HanTextScan.set("的了在与和及并等对为是将把被由向从于或之其每这那此个年度月日不即暨跟给让请以至又也还就均已共各全本我该级赴")

    /// Words that show a candidate name is a phrase, not a place (法治街道, 依法治区, 示范社区,
    /// 文明城市, 核心区 …).
    static let nameRejectWords = HanTextScan.words([
        "法治", "依法", "示范", "建设", "工作", "管理", "服务", "社区", "小区", "重点", "试点", "全面",
        "片区", "园区", "景区", "街区", "城区", "商圈", "功能", "行政", "辖区", "基层", "平安", "文明",
        "和谐", "智慧", "美丽", "民主", "推进", "深入", "开展", "加强", "组织", "积极", "协助", "围绕",
        "贯彻", "落实", "坚持", "领导", "部门", "单位", "机关", "企业", "学校", "群众", "中心", "核心",
        "政府", "党委", "党工委", "工委", "区委", "市委", "县委", "街道", "各级", "相关", "自贸", "卫生",
        "宜居", "海绵", "韧性", "创建", "国家", "全国", "人民城", "中共", "共产",
    ])

    /// A name made only of level characters (区县, 镇村, 市区) is a common word.
    private static let levelChars = HanTextScan.set("省市州区县旗镇乡街道村社居")

    /// Whether the name's last character makes a common word with the suffix (上市, 港区, 超市).
    static func endsLikeACommonWord(_ name: Scalars, suffix: Suffix) -> Bool {
        name.last.map(suffix.rejectedLastChars.contains) ?? false
    }

    /// Whether `name` can stand before `suffix` as a place name: Han characters without function
    /// words, not ending in a character that makes a common word with the suffix, not opening
    /// with a verb and not containing a word of policy language.
    /// With `ignoringLastChar`, a name whose last character would make a common word with the suffix
    /// (塞上市, 新港区) is still accepted; the caller then asks for a chain that continues after it.
    static func isPlausibleName(_ name: Scalars, suffix: Suffix, ignoringLastChar: Bool = false) -> Bool {
        guard suffix.nameLength.contains(name.count) else { return false }
        guard name.allSatisfy({ HanTextScan.isHan($0) && !nameStopChars.contains($0) }) else { return false }
        if !ignoringLastChar, let last = name.last, suffix.rejectedLastChars.contains(last) { return false }
        // 配合区市场监督管理局…: a name does not begin with the verb that introduces it.
        if HanTextScan.firstMatch(name, at: 0, in: NameBoundary.leadingWords) != nil { return false }
        for index in 0..<name.count where HanTextScan.firstMatch(name, at: index, in: nameRejectWords) != nil {
            return false
        }
        return !name.allSatisfy { levelChars.contains($0) }
    }
}
