/// What kind of thing a measure word counts; it decides how the subject is found and which
/// "number + unit + noun" sequences are fixed terms rather than counts.
public enum UnitKind: String, Sendable, Codable {
    /// No measure word (有人民调解员60，).
    case none
    /// Classifiers and event counts (个 名 件 场次 人次): a noun right after them is what was counted.
    case count
    /// Durations, lengths, areas, weights (小时 课时 米 吨): a noun right after them makes a fixed term
    /// (24小时监控模式, 15分钟公共法律服务圈).
    case measure
    /// Money (元, after 万/亿 are folded into the value).
    case money
    /// Percentages, per mille, percentage points and multiples.
    case ratio
}

/// The measure words the parser recognises after a number, with the words they must not be read
/// out of (3处理…, 5项目…: the character is then the start of a word, not a measure word).
enum MeasureWords {
    static let count = WordList("""
        人次 场次 件次 户次 批次 车次 班次 期次 架次 台次 辆次 艘次 家次 轮次 课次 篇次 人天 部门 社区 \
        人 名 位 个 家 处 所 支 台 辆 套 件 项 条 篇 册 本 块 幅 张 座 栋 间 部 首 封 笔 株 棵 盏 枚 副 面 根 类 \
        批 组 队 户 起 宗 例 份 场 次 期 轮 节 堂 讲 门 村 卷 艘 架 头 只 箱 袋 瓶 盒 双 对 片 道 层 趟 遍 回 口
        """)
    static let measure = WordList("""
        个工作日 工作日 平方公里 平方米 立方米 小时 分钟 课时 学时 公里 千米 公顷 公斤 千克 秒 天 周 米 亩 吨 斤 分
        """)
    static let money = WordList("元 美元 港元 欧元")
    static let ratio = WordList("个百分点 百分点 % ％ ‰ 倍")
    /// Measure words that are themselves the thing counted (联合5部门, 6村3社区).
    static let nounUnits = WordList("部门 社区 村")

    /// Two-character words that begin with a measure word: after a number they are not a unit.
    static let notUnits = WordList("""
        处理 处罚 处置 处室 处级 名单 名称 名额 家庭 家属 家长 项目 期间 期限 期末 条件 条例 条款 人民 人员 人口 人大 \
        人数 人身 人才 本地 本级 本年 本次 本届 本人 本着 所有 所属 所在 支持 支部 场所 场地 场景 次日 天然 天气 份额 \
        张贴 户籍 户外 类型 类别 类似 批准 批复 批示 起草 例如 节约 节日 节点 节气 门头 门户 门诊 门口 门槛 讲座 讲解 \
        讲话 村民 村级 村居 村委 村庄 村务 村规 位置 位于 组织 组建 组长 队伍 队长 台账 面向 面对 面积 首次 首批 周年 周岁 \
        周边 周期 个月 个多月 个半月 分局 分队 分别 分类 分析 分管 分所 部署 部分 间隔 根据 根本 套餐 篇章 笔录 册子 座谈 \
        片区 片面 道路 道德 道理 层级 层面 层层 对象 对接 对于 对标 对照 对比 对待 回复 回访 回应 回顾 回头 回收 回归 \
        只有 只是 只要 头部 双方 双向 双重 口径 口头 口号 口罩 架构 架设 遍及 箱体 对策 社区矫正 副主任 副书记 副组长 副局长 副镇长 副所长 轮流 轮换 幅度 台风
        """)

    /// The lists by kind, made once: a literal array here allocated and retained four lists at
    /// every call, and this runs after every number and at every character a number could continue.
    private static let kinds: [(WordList, UnitKind)] = [(count, .count), (measure, .measure), (money, .money), (ratio, .ratio)]

    /// The measure word starting at `i`, with its kind; nil when none (or when it begins another word).
    static func unit(in text: ScalarText, at i: Int) -> (word: [Unicode.Scalar], kind: UnitKind)? {
        var best: (word: [Unicode.Scalar], kind: UnitKind)?
        for (list, kind) in kinds {
            if let w = text.longestMatch(list, at: i), w.count > (best?.word.count ?? 0) {
                best = (w, kind)
            }
        }
        guard let found = best else { return nil }
        // A longer "not a unit" word starting here wins over a one- or two-character unit.
        if let blocked = text.longestMatch(notUnits, at: i), blocked.count > found.word.count {
            return nil
        }
        return found
    }
}
