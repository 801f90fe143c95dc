/// Finds places below the township: 黄姑山社区, 石门村, 古荡湾新村, 阳光花园小区, 青凤社区居委会.
///
/// Found by suffix with the name extended left to a boundary (`NameBoundary`). The words alone
/// (社区, 村, 村(社区), 村居, 各村) and generic phrases (老旧小区, 民主法治示范社区, 美丽乡村,
/// 街道社区) are not places.
enum SubTownshipPlaceFinder {
    typealias Scalars = HanTextScan.Scalars

    private static let suffixes = HanTextScan.words([
        "社区居民委员会", "社区居委会", "居民委员会", "村民委员会", "居委会", "村委会", "社区", "新村", "小区", "嘎查", "村",
    ])
    private static let village = HanTextScan.scalars("村")
    /// After 村: 村民, 村居, 村级, 村务, 村规, 村(社区) are common words, not a village's name.
    private static let notAfterVillage = HanTextScan.set("民居级务规庄镇社干(（")
    /// Words that make a phrase generic rather than a name.
    private static let genericWords = HanTextScan.words([
        "示范", "民主", "法治", "和谐", "文明", "平安", "老旧", "新建", "城乡", "农村", "乡村", "基层", "相关",
        "周边", "辖区", "所在", "试点", "重点", "涉及", "部分", "城市", "美丽", "智慧", "幸福", "数字",
        "未来", "无毒", "绿色", "安全", "文化", "模范", "先进", "星级", "团结", "网格", "行政", "自然",
        "全国", "省级", "市级", "区级", "县级", "服务", "建设", "管理", "工作", "开放式", "封闭", "居民",
        "村民", "各个", "有关", "一些", "多个", "社区", "小区", "街道", "村居", "宜居", "生态", "改造",
    ])
    /// A name may not end with a township or county suffix (街道社区, 禾丰镇村): that is the level
    /// word, not a village's name.
    private static let adminEndings = HanTextScan.set("镇乡区县市道村社居")

    static func find(in scalars: Scalars, skipping skip: [Bool]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for position in 0..<scalars.count where !skip[position] {
            guard let suffix = HanTextScan.firstMatch(scalars, at: position, in: suffixes) else { continue }
            let end = position + suffix.count
            if suffix == village, end < scalars.count, notAfterVillage.contains(scalars[end]) { continue }
            let start = NameBoundary.nameStart(scalars, before: position, maxLength: 11)
            guard position - start <= 10 else { continue }
            let name = Array(scalars[start..<position])
            guard isName(name) else { continue }
            found.append(start..<end)
        }
        return EntityOverlap.outermost(found).filter { range in !range.contains { skip[$0] } }
    }

    private static func isName(_ name: Scalars) -> Bool {
        guard name.count >= 2, let last = name.last, !adminEndings.contains(last) else { return false }
        for index in 0..<name.count where HanTextScan.firstMatch(name, at: index, in: genericWords) != nil {
            return false
        }
        return !NameBoundary.startsGeneric(name, at: 0)
    }
}
