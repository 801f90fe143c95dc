/// The kinds of quantity an indicator can measure, each with the measure words it accepts.
public enum UnitClass: String, CaseIterable, Sendable, Codable {
    case count, money, percent, duration, people

    /// Measure words of the class. A metric's unit must be one of its indicator's units.
    public var defaultUnits: [String] {
        switch self {
        case .count:
            return ["件", "起", "宗", "个", "次", "场", "场次", "期", "份", "条", "项", "家", "处", "篇", "批", "户",
                    "所", "台", "套", "册", "本", "张", "幅", "块", "类", "轮", "堂", "节", "单", "卷", "座", "支", "队", "份次", "期次", "人次"]
        case .money: return ["元"]
        case .percent: return ["%"]
        case .duration: return ["小时", "课时", "学时", "天", "日", "分钟", "个工作日", "年"]
        case .people: return ["人", "名", "位", "人次", ""]
        }
    }
}
