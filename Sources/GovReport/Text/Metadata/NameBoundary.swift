/// Where a proper name begins in running Chinese text.
///
/// Names of bodies and places are written without spaces, so the left edge of a name is found
/// by walking left from its suffix (…人民检察院, …社区) until a character or word that cannot be
/// part of a name: punctuation, digits, function words (与 和 及 在 由 向 对 为 的 了 并 等) and
/// the verbs that introduce a partner or a place (签约 合作 成立 联合 组织 邀请 协助 …).
enum NameBoundary {
    typealias Scalars = HanTextScan.Scalars

    /// Function characters that end a name on its left. Looser than the place-name stop list:
    /// bodies' names contain 全 (全面依法治理委员会), 共 (中共…), 本 and 之.
    static let stopChars = HanTextScan.set("的了在与和及并等对为是将把被由向从于或即暨跟给让请又也还就都均已各我该其此这那每年度月日到赴往经进级以不")

    /// Measure words: they end a name when a number stands before them (9家律师事务所).
    static let measureChars = HanTextScan.set("家个名位支批类种项次件起所处座")
    static let numberChars = HanTextScan.set("0123456789一二三四五六七八九十两百千万多余几数各每")

    /// Verbs and prepositions that introduce a name (与浙江金道律所签约; 协助杭州快智科技有限公司).
    static let leadingWords = HanTextScan.words([
        "签约", "签订", "签署", "合作", "成立", "联合", "组织", "邀请", "协助", "协调", "会同", "配合",
        "指导", "支持", "推动", "推进", "建立", "设立", "创建", "打造", "组建", "依托", "联系", "对接",
        "走访", "深入", "走进", "前往", "来到", "位于", "针对", "根据", "按照", "依据", "结合", "围绕",
        "通过", "借助", "依靠", "携手", "联手", "委托", "聘请", "聘任", "牵头", "以及", "包括", "其中",
        "协同", "参加", "参与", "举办", "召开", "开展", "接受", "获得", "荣获", "授予", "入驻", "进驻",
        "选派", "派驻", "设置", "下设", "设在", "申请", "提请", "报请", "报送", "移送", "移交", "提交",
        "督促", "要求", "发挥", "加强", "强化", "深化", "完善", "健全", "升级", "改造", "建成", "整合",
        "引入", "引进", "聘用", "成为", "担任", "作为", "同时", "积极", "主动", "认真", "由此", "目前",
        "今年", "去年", "近年", "以来", "期间", "我街", "我镇", "我乡", "我区", "我县", "我市", "实现",
        "启动", "完成", "新建", "新增", "筹建", "挂牌", "揭牌", "开通", "落实", "指定", "安排", "协办",
        "主办", "承办", "共建", "负责", "进行", "执行", "共同", "分别", "先后", "相继", "持续", "定期", "每月", "每周",
        // Awards and lists, whose names start with the place that gives them (获评江西省民主法治示范村).
        "获评", "评为", "入选", "列入", "命名为", "确定为",
        // What a place has (辖区现有人民调解委员会10个).
        "现有", "共有", "拥有", "设有", "建有", "另有",
    ])

    /// Words that, standing at the start of a candidate name, show it is a generic phrase
    /// (相关律师事务所, 各类调解委员会), not a name.
    static let genericLeads = HanTextScan.words([
        "相关", "有关", "多家", "各类", "各级", "部分", "所有", "其他", "其它", "上级", "下级", "一些",
        "多个", "全体", "辖区", "辖内", "属地", "专业", "各个", "不同", "基层", "机构",
    ])

    /// Walks left from `end` (the first scalar of the suffix) and returns where the name starts;
    /// `end` itself when nothing before it can belong to the name. Stops after `maxLength`.
    static func nameStart(_ scalars: Scalars, before end: Int, maxLength: Int) -> Int {
        var start = end
        while start > 0, end - start < maxLength {
            let previous = scalars[start - 1]
            guard HanTextScan.isHan(previous), !stopChars.contains(previous) else { break }
            if HanTextScan.firstMatch(scalars, endingAt: start, in: leadingWords) != nil { break }
            if measureChars.contains(previous), start >= 2, numberChars.contains(scalars[start - 2])
                || HanTextScan.isASCIIDigit(scalars[start - 2]) { break }
            start -= 1
        }
        return start
    }

    /// Whether a name may begin at `index`: at the text start, after a non-Han scalar, a stop
    /// character or a leading word.
    static func isNameStart(_ scalars: Scalars, at index: Int, stopChars: ScalarSet) -> Bool {
        guard index > 0 else { return true }
        let previous = scalars[index - 1]
        if !HanTextScan.isHan(previous) || stopChars.contains(previous) { return true }
        return HanTextScan.firstMatch(scalars, endingAt: index, in: leadingWords) != nil
    }

    static func startsGeneric(_ scalars: Scalars, at index: Int) -> Bool {
        HanTextScan.firstMatch(scalars, at: index, in: genericLeads) != nil
    }
}
