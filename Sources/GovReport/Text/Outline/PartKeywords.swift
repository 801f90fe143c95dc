/// The keyword tables of `PartClassifier`, in simplified characters.
enum PartKeywords {
    /// Decisive wherever they stand in a heading.
    static let leaderDuty: KeyValuePairs<String, [String]> = [
        "leader_duty": ["第一责任人", "主要负责人", "党政负责人", "负责人履职", "负责人履行", "述法"],
    ]

    static let strong: KeyValuePairs<String, [String]> = [
        "measures": [
            "主要举措", "举措", "成效", "主要做法", "做法", "工作情况", "开展情况", "推进情况", "落实情况",
            "完成情况", "进展情况", "建设情况", "实施情况", "取得的成绩", "成绩", "主要工作", "工作开展",
            "工作回顾", "回顾", "亮点", "特色", "经验", "主要措施", "工作措施", "采取的措施", "总结", "成果",
            "基本情况", "总体情况", "进展",
        ],
        "problems": [
            "存在的问题", "存在问题", "存在的不足", "存在不足", "不足之处", "不足", "短板", "差距", "薄弱",
            "困难和问题", "问题和困难", "问题与困难", "问题和不足", "问题与不足", "问题及不足", "主要问题",
            "突出问题", "问题及原因", "原因分析", "存在的困难", "瓶颈",
        ],
        "next_year": [
            "下一年度", "下一年", "下一步", "下步", "下阶段", "下一阶段", "明年", "来年", "今后", "新的一年",
            "工作计划", "计划", "工作安排", "主要安排", "安排", "打算", "思路", "工作重点", "设想", "展望",
            "努力方向", "改进措施", "整改措施", "改进方向", "工作要点", "目标任务", "工作目标",
        ],
        "other": ["其他", "其它", "需要报告", "需要说明", "附件", "附表"],
    ]

    /// Consulted only when no strong keyword matches.
    static let weak: KeyValuePairs<String, [String]> = [
        "measures": ["情况", "工作", "建设", "措施"],
        "problems": ["问题", "困难", "原因", "挑战", "风险"],
        "next_year": ["方向", "目标", "重点", "努力"],
    ]

    /// A top-level heading that starts with one of these names a line of work: a measure.
    static let actionVerbs = [
        "加强", "强化", "深化", "完善", "健全", "坚持", "落实", "规范", "提升", "提高", "优化", "严格", "全面",
        "持续", "扎实", "狠抓", "创新", "夯实", "加快", "加大", "推进", "推动", "抓实", "抓好", "做好", "聚焦",
        "注重", "着力", "构建", "建立", "打造", "深入", "积极", "依法", "不断", "统筹", "切实", "筑牢", "围绕",
        "立足", "保障", "服务",
    ]

    /// Traditional forms of the characters in the keywords above. `normalize` converts whole
    /// documents with OpenCC; this small table only keeps the classifier right when a heading
    /// slips through partly converted (mixed-script pages), without loading OpenCC a second time.
    /// Generated with `opencc -c s2t|s2tw|s2hk` over the keyword characters.
    static let traditionalFold: [Unicode.Scalar: Unicode.Scalar] = [
        "來": "来", "優": "优", "創": "创", "劃": "划", "動": "动", "務": "务", "問": "问", "嚴": "严",
        "圍": "围", "堅": "坚", "報": "报", "實": "实", "強": "强", "後": "后", "戰": "战", "採": "采",
        "斷": "断", "極": "极", "構": "构", "標": "标", "況": "况", "積": "积", "範": "范", "築": "筑",
        "籌": "筹", "結": "结", "統": "统", "經": "经", "總": "总", "績": "绩", "繞": "绕", "續": "续",
        "職": "职", "與": "与", "舉": "举", "著": "着", "處": "处", "規": "规", "計": "计", "設": "设",
        "說": "说", "説": "说", "負": "负", "責": "责", "進": "进", "開": "开", "階": "阶", "險": "险",
        "難": "难", "頸": "颈", "題": "题", "顧": "顾", "風": "风", "驗": "验", "體": "体", "點": "点",
        "黨": "党",
    ]
}
