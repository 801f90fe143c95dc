/// Trims a candidate subject phrase to what was counted: drops dates, outline markers, time words,
/// connectives, "we/the street" fillers and the exact markers (达到, 共计) that sit between a subject
/// and its number.
enum SubjectCleaner {
    typealias Scalars = [Unicode.Scalar]

    /// Leading words that never belong to a subject.
    static let leadingFillers = WordList("""
        其中 全年共 今年以来 今年来 年初以来 近年来 近年 今年 全年 本年度 本年 年内 去年 上半年 下半年 前三季度 \
        目前 当前 现已 至今 截至目前 截止目前 截至 截止 以来 止 自 从 共计 共有 一共 共 累计 累积 合计 总计 已经 已 \
        第一季度 第二季度 第三季度 第四季度 一季度 二季度 三季度 四季度 \
        现有 拥有 另有 此外 另外 同时 并且 并 还 又 也 均 都 先后 积极 及时 主动 成功 切实 认真 和 及 以及 与 而 另 \
        我街道 我街 我镇 我乡 我区 我县 我市 我局 我所 我中心 我委 我办 本街道 本镇 全街道 全街 全镇 全乡 全区 全县 \
        全市 辖区内 辖区 全辖区 街道 首先 其次 再次 最后 期间 其间 年度 有 在此基础上 适用 将 力争 确保
        """)
    /// Words between a subject and its number (服务时间累积, 调解成功率达到, 受理量为).
    static let trailingFillers = WordList("""
        共计 合计 总计 累计 累积 一共 共有 现有 共 计 达到 高达 多达 已达 达 为期 约为 为 分别为 分别 均为 均 已 仅 \
        只有 是 和 及 与 并 的 控制在 保持在 压缩至 压缩到 缩短至 缩短到 降至 降低至 降低到 提升至 提升到 提高至 \
        提高到 增至 增加到 增加至 从 去年 上年
        """)
    /// Words after which the rest of the phrase is the subject (联合多部门共检查餐饮商铺 → 检查餐饮商铺).
    static let cutWords = WordList("共计 合计 总计 累计 累积 一共 共 其中")
    /// One-character fillers and the characters before or after them that make them part of a word.
    static let blockedBefore: [String: String] = [
        "达": "传下表送抵通直转发到雷", "为": "行作认成称视以所因无有", "计": "统设会审估", "共": "公总",
        "是": "但就还都也只正于", "的": "标目", "和": "平温调缓", "与": "参给赋", "及": "涉普惠危波", "并": "合兼吞",
        "已": "", "均": "平人", "仅": "", "从": "服自无何遵听顺",
    ]
    static let blockedAfter: [String: String] = [
        "共": "同享识治赢担商谋青产性和鸣济育建", "有": "效关力序利所的些点时助望机益限偿线形理用待", "和": "谐解睦美",
        "并": "联购", "还": "原款", "均": "衡", "及": "格时", "与": "会", "自": "治觉愿查主身我然助行筹学", "从": "严事",
        "另": "行外", "止": "", "将": "近来要", "成功": "率案经", "街道": "级办党工", "我街": "道", "全街": "道",
    ]
    /// Nouns too general to stand alone after a classifier (3名同志取得行政执法证 keeps its verb phrase).
    static let genericNouns = WordList("同志 人员 干部 人 事项 群众 居民 党员 职工 学生 企业 单位 家庭 村民 对象 个人")
    /// Verbs that, after the counted noun, start what is said about it (6名律师作为专业力量入驻街道).
    static let predicateStarts = WordList("""
        均 都 已 正在 将 有序 进行 分类 作为 进驻 入驻 参与 签订 签署 负责 得到 全部 共同 正式 通过 被 开展 提供 \
        实现 取得 获得 完成 接受 纳入 涉及 轮流 分别 担任 参加 持有 予以 按时 及时 依法 获评 被评为 荣获 组成 构成 \
        履行 列入 配备 设立 建立 建成 开通 落实 全年 今年 不予
        """)
    static let followingFillers = WordList("为 均 都 已 共 是 均为 都是")
    static let achievementVerbs = WordList("实现 达到 保持 提升至 提高到 提升到 提高至")
    static let placeSuffixes = WordList("街道 镇 乡")
    /// What may follow a place name at the start of a clause (新开铺街道共…, 兴泾镇新增…).
    static let afterPlace = ScalarSet("共累已今全现辖新先积依在于各本对与和开组完建实受行")
    /// Characters of the verbs and prepositions that stand before a place (列席镇党委会, 走访全镇企业).
    static let notInPlaceNames = ScalarSet("全各本我该每列席走访覆盖到进赴在对向与和及联召参组织开展深入乡镇")
    static let markerEnders = "、.．)）"
    static let edgePunctuation = "，,；;。：:、 　\t\n()（）“”\"'‘’·-—…|>》《"
    static let edgePunctuationSet = ScalarSet(edgePunctuation)

    // MARK: Phrases before the number

    /// Time words and detached qualifiers dropped wherever they stand (法律顾问全年审查合同 → 法律顾问审查合同,
    /// 每月至少开展 → 每月开展).
    static let timeWords = WordList("今年以来 今年 全年 年内 至少 最少 最多 至多")

    /// Takes the phrase's scalars, as the subject finder has them: making a string of them only to
    /// split it into scalars again was a tenth of the clean-up.
    /// - Parameter keepAgent: keep who did it (a 其中 part such as 各居委调委会受理纠纷 is named by its agent).
    static func cleanPreceding(scalars: Scalars, keepAgent: Bool = false) -> String {
        var t = removeWords(timeWords, from: removeDates(scalars))
        while true {
            let before = t
            t = trimEdges(t)
            t = stripLeading(t, keepAgent: keepAgent)
            t = stripTrailing(t)
            if let cut = midCut(t) { t = cut }
            if t == before { break }
        }
        return string(balanceQuotes(t))
    }

    /// Removes years, months and days (2023年, 1-12月, 11月20日止, 20219月) wherever they stand.
    static func removeDates(_ t: Scalars) -> Scalars {
        let text = ScalarText(scalars: t)
        var out = Scalars()
        var i = 0
        while i < t.count {
            if CharClass.isDigit(t[i]) {
                var j = i
                while CharClass.isDigit(text[j]) { j += 1 }
                if CharClass.isOneOf(text[j], "-－—–~～至"), CharClass.isDigit(text[j + 1]) {
                    j += 1
                    while CharClass.isDigit(text[j]) { j += 1 }
                }
                if let suffix = dateSuffix(text, at: j) {
                    // 第2季度: the ordinal mark goes with its date.
                    if out.last == "第" { out.removeLast() }
                    i = j + suffix
                    continue
                }
            }
            out.append(t[i])
            i += 1
        }
        return out
    }

    /// Removes the words of `list` outside quotations (“最多跑一次” keeps its 最多).
    static func removeWords(_ list: WordList, from t: Scalars) -> Scalars {
        let text = ScalarText(scalars: t)
        var out = Scalars()
        var i = 0
        var inQuote = false
        while i < t.count {
            if t[i] == "“" { inQuote = true } else if t[i] == "”" { inQuote = false }
            if !inQuote, let w = text.longestMatch(list, at: i) {
                i += w.count
                continue
            }
            out.append(t[i])
            i += 1
        }
        return out
    }

    static let dateSuffixes = WordList("""
        年度 年底 年初 年末 年以来 年 季度 月份 月底 月初 月末 月中旬 月上旬 月下旬 月以来 月 日止 日起 日前 日以来 日 号
        """)

    static func dateSuffix(_ text: ScalarText, at j: Int) -> Int? {
        text.longestMatch(dateSuffixes, at: j)?.count
    }

    static func stripLeading(_ t: Scalars, keepAgent: Bool = false) -> Scalars {
        var t = t
        while let first = t.first {
            // An aside in brackets: (均已收缴)其中简易处罚 → 其中简易处罚.
            if CharClass.isOneOf(first, CharClass.openParens),
               let close = t.firstIndex(where: { CharClass.isOneOf($0, CharClass.closeParens) }) {
                t = Scalars(t[(close + 1)...])
                continue
            }
            if let n = markerLength(t) {
                t = Scalars(t[n...])
                continue
            }
            if let n = agentOrPrepositionLength(t, keepAgent: keepAgent) {
                t = Scalars(t[n...])
                continue
            }
            if let n = placeLength(t) {
                t = Scalars(t[n...])
                continue
            }
            let text = ScalarText(scalars: t)
            if let w = text.longestMatch(leadingFillers, at: 0), !isBlockedAfter(w, in: text, at: w.count),
               !(keepAgent && string(w) == "街道") {
                t = Scalars(t[w.count...])
                t = trimEdges(t)
                continue
            }
            break
        }
        return t
    }

    static func stripTrailing(_ t: Scalars) -> Scalars {
        var t = t
        while !t.isEmpty {
            let text = ScalarText(scalars: t)
            guard let w = text.longestMatch(trailingFillers, endingAt: t.count), w.count < t.count,
                  !CharClass.isOneOf(text[t.count - w.count - 1], blockedBefore[string(w)] ?? "") else { break }
            t.removeLast(w.count)
            t = trimEdges(t)
        }
        return t
    }

    /// Whether the character at `i` makes the filler `w` before it part of a word (共同, 有效); 共 before
    /// 建设/建立 is still "in total".
    static func isBlockedAfter(_ w: Scalars, in text: ScalarText, at i: Int) -> Bool {
        let key = string(w)
        if key == "共", text[i] == "建" { return !CharClass.isOneOf(text[i + 1], "设立成") }
        return CharClass.isOneOf(text[i], blockedAfter[key] ?? "")
    }

    /// The phrase after the last 共/累计/其中 (with at least three characters left).
    static func midCut(_ t: Scalars) -> Scalars? {
        let text = ScalarText(scalars: t)
        var k = t.count - 1
        while k > 0 {
            if let w = text.longestMatch(cutWords, at: k) {
                let key = string(w)
                let rest = Scalars(t[(k + w.count)...])
                let blocked = CharClass.isOneOf(text[k - 1], blockedBefore[key] ?? "")
                    || isBlockedAfter(w, in: text, at: k + w.count)
                // A short rest (平台累计访问 → 访问) says too little: keep the whole phrase.
                if !blocked, trimEdges(rest).count >= 3 { return trimEdges(rest) }
            }
            k -= 1
        }
        return nil
    }

    /// Outline markers: 1、 1. (1) 一、 一是 二是.
    static func markerLength(_ t: Scalars) -> Int? {
        var k = 0
        while k < t.count, CharClass.isDigit(t[k]) || ChineseNumerals.isNumeral(t[k]) { k += 1 }
        guard k > 0, k < t.count, k <= 3 else { return nil }
        if CharClass.isOneOf(t[k], markerEnders) { return k + 1 }
        if t[k] == "是", ChineseNumerals.isNumeral(t[0]) { return k + 1 }
        return nil
    }

    /// Verbs that start what was done (综合执法大队办理行政处罚案件 → 办理行政处罚案件).
    static let actionVerbs = WordList("""
        办理 受理 审查 审核 立案 作出 提供 公开 主动公开 公布 公示 开展 调解 调处 接待 化解 检查 查处 发放 组织 举办 \
        培育 培养 建成 建立 配备 聘请 处理 接收 办结 出具 参与 排查 整改 签订 制定 清理 评查 抽查 列席 召开 走访 收集 \
        解答 协助 指导 参加 完成 审结 结案 打造 设置 设立 安装 新增 新建 招录 发布 印发 修订 废止 备案 讲授 主持 \
        研究 听取 解决 帮助 代写 出动 查办 移送 核查 整治 拆除 处置 实施 投入 挽回 追回 追缴 收缴 采取 编印 制作 \
        张贴 悬挂 录制 刊发 回访 约谈 下达 督办 转办 交办 培训 评选 创建 接听 派驻 选派 联系 邀请 委托 指派 \
        收到
        """)
    /// Ends of the names of who did it: offices, teams, people (执法大队, 司法局, 法律顾问, 12345热线).
    static let agentSuffixes = WordList("""
        大队 中队 执法队 执法办 中心 局 办 所 站 室 点 委员会 调委会 部门 顾问 律师 热线 窗口 政府 法院 检察院 \
        组织 单位 机构 小组 专班
        """)
    /// Prepositions whose phrase comes before the verb (通过政务公开专栏主动公开政府信息, 为群众解答法律咨询).
    static let prepositions = WordList("通过 联合 围绕 依托 借助 利用 结合 针对 会同 协同 配合 按照 根据 依据 在 为 向 与")

    private static let organise = Array("组织".unicodeScalars)
    private static let takePart = [Array("参加".unicodeScalars), Array("参与".unicodeScalars)]
    /// Marks an agent or a prepositional phrase does not run across.
    private static let clauseMarks = ScalarSet("，,；;：:“”《》")

    /// The length of an agent or a prepositional phrase in front of the verb, dropped so the subject starts
    /// with what was done; `组织X参加Y` keeps 参加Y.
    static func agentOrPrepositionLength(_ t: Scalars, keepAgent: Bool) -> Int? {
        if keepAgent { return nil }
        let text = ScalarText(scalars: t)
        let verbStarts = (1..<max(1, t.count - 1)).filter { text.longestMatch(actionVerbs, at: $0) != nil }
        func plain(_ end: Int) -> Bool {
            !t[..<end].contains { clauseMarks.contains($0) }
        }
        // The agent ends right before the first verb: 综合执法大队办理…, 法律顾问和公职律师审核…, 12345热线受理….
        if let p = verbStarts.first, p >= 2, plain(p), text.longestMatch(agentSuffixes, endingAt: p) != nil,
           text.longestMatch(actionVerbs, at: 0) == nil {
            return p
        }
        // A prepositional phrase may hold verbs of its own (通过村务公开栏等渠道公开政府信息): take the last
        // verb that still leaves an object after it.
        if text.longestMatch(prepositions, at: 0) != nil,
           let p = verbStarts.last(where: { t.count - $0 >= 4 && plain($0) }) {
            return p
        }
        if text.matches(organise, at: 0),
           let q = (2..<t.count).first(where: { text.matches(takePart[0], at: $0) || text.matches(takePart[1], at: $0) }) {
            return q
        }
        return nil
    }

    /// 新开铺街道, 兴泾镇 at the start of a clause, when what follows is the clause going on.
    static func placeLength(_ t: Scalars) -> Int? {
        let text = ScalarText(scalars: t)
        for nameLength in 2...5 {
            guard (0..<nameLength).allSatisfy({ CharClass.isHan(text[$0]) && !CharClass.isOneOf(text[$0], notInPlaceNames) })
            else { return nil }
            if let suffix = text.longestMatch(placeSuffixes, at: nameLength) {
                let end = nameLength + suffix.count
                if end < t.count, CharClass.isOneOf(text[end], afterPlace) { return end }
            }
        }
        return nil
    }

    // MARK: Phrases after the number

    /// Whether the phrase starts with a verb or adverb (全部办结, 均已整改): then it says what happened
    /// to the counted things, and the phrase before the number names them.
    static func startsWithPredicate(_ s: String) -> Bool {
        ScalarText(s).longestMatch(predicateStarts, at: 0) != nil
    }

    /// The counted noun after a classifier: 律师 in 6名律师作为专业力量入驻街道, 法律明白人 in 113名“法律明白人”.
    static func cleanFollowing(_ s: String, cutPredicates: Bool = true, keepGeneric: Bool = true) -> String {
        var t = trimEdges(s.scalarArray)
        // 其中29件为同一件事 → 同一件事
        if let w = ScalarText(scalars: t).longestMatch(followingFillers, at: 0), w.count < t.count {
            t = Scalars(t[w.count...])
        }
        if cutPredicates {
            let scan = ScalarText(scalars: t)
            var k = 1
            while k < t.count {
                if scan.longestMatch(predicateStarts, at: k) != nil {
                    let head = Scalars(t[..<k])
                    if !keepGeneric || !genericNouns.contains(head) { t = head }
                    break
                }
                k += 1
            }
        }
        t = removeQuotes(t)
        while let last = t.last, CharClass.isOneOf(last, "了的等着"), t.count > 1 { t.removeLast() }
        // A long phrase with modifiers: the head noun after the last 的.
        if t.count > 16, let de = t.lastIndex(of: "的"), t.count - de - 1 >= 2 {
            t = Scalars(t[(de + 1)...])
        }
        return string(trimEdges(t))
    }

    /// 在街道辖区已实现中小学法治副校长 → 中小学法治副校长.
    static func afterLastAchievementVerb(_ s: String) -> String {
        let t = s.scalarArray
        let text = ScalarText(s)
        var k = t.count - 1
        while k >= 0 {
            if let w = text.longestMatch(achievementVerbs, at: k) { return string(Scalars(t[(k + w.count)...])) }
            k -= 1
        }
        return s
    }

    // MARK: Helpers

    static func trimEdges(_ t: Scalars) -> Scalars {
        var lo = 0, hi = t.count
        while lo < hi, edgePunctuationSet.contains(t[lo]), !isBalancedOpen(t, lo) { lo += 1 }
        while hi > lo, edgePunctuationSet.contains(t[hi - 1]), !isBalancedClose(t, hi - 1, from: lo) { hi -= 1 }
        return lo == 0 && hi == t.count ? t : Scalars(t[lo..<hi])
    }

    /// Quotes and brackets with their partners, each way.
    static let closers: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "(": ")", "（": "）", "《": "》", "‘": "’"]
    static let openers = Dictionary(uniqueKeysWithValues: closers.map { ($0.value, $0.key) })

    /// An opening quote or bracket whose partner is inside the phrase stays (“粤执法”系统).
    static func isBalancedOpen(_ t: Scalars, _ i: Int) -> Bool {
        guard let close = closers[t[i]] else { return false }
        return t[(i + 1)...].contains(close)
    }

    static func isBalancedClose(_ t: Scalars, _ i: Int, from lo: Int) -> Bool {
        guard let open = openers[t[i]] else { return false }
        return t[lo..<i].contains(open)
    }

    /// Drops quotation marks that wrap the whole phrase or have lost their partner.
    static func removeQuotes(_ t: Scalars) -> Scalars {
        if t.first == "“", t.last == "”", !t.dropFirst().dropLast().contains("“") {
            return Scalars(t.dropFirst().dropLast())
        }
        return balanceQuotes(t)
    }

    static func balanceQuotes(_ t: Scalars) -> Scalars {
        let opens = t.filter { $0 == "“" }.count, closes = t.filter { $0 == "”" }.count
        guard opens != closes else { return t }
        return t.filter { $0 != "“" && $0 != "”" }
    }

    static func string(_ t: Scalars) -> String {
        String(scalars: t)
    }

    static func string(_ t: ArraySlice<Unicode.Scalar>) -> String {
        String(scalars: t)
    }
}
