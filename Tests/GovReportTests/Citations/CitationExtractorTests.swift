import Testing
@testable import GovReport

/// One expected citation: title, number, kind and the cited span as text.
struct ExpectedCitation: Sendable, CustomTestStringConvertible {
    var title: String
    var number: String = ""
    var kind: CitationKind
    var span: String

    var testDescription: String { "《\(title)》" }
}

@Suite struct CitationExtractorTests {
    /// Each case: a paragraph in the genre and the citations it must yield, in order.
    static let cases: [(String, [ExpectedCitation])] = [
        // 1 nested <…> with a (2015-2020年) inside: one notice
        ("深入贯彻《中共中央国务院关于印发<法治政府建设实施纲要(2015-2020年)>的通知》要求，以法治行动践行初心使命。",
         [ExpectedCitation(title: "中共中央国务院关于印发<法治政府建设实施纲要(2015-2020年)>的通知", kind: .notice,
                           span: "《中共中央国务院关于印发<法治政府建设实施纲要(2015-2020年)>的通知》")]),
        // 2 number in ASCII parentheses with 〔〕
        ("严格执行《建立“一网通办”政务服务“好差评”制度工作方案》(沪府办发〔2019〕20号)，群众满意率达99%。",
         [ExpectedCitation(title: "建立“一网通办”政务服务“好差评”制度工作方案", number: "沪府办发〔2019〕20号", kind: .plan,
                           span: "《建立“一网通办”政务服务“好差评”制度工作方案》(沪府办发〔2019〕20号)")]),
        // 3 number directly after 》
        ("街道对照《桃溪区行政规范性文件管理办法》闵民〔2019〕120号逐条梳理，清理文件17件。",
         [ExpectedCitation(title: "桃溪区行政规范性文件管理办法", number: "闵民〔2019〕120号", kind: .regulation,
                           span: "《桃溪区行政规范性文件管理办法》闵民〔2019〕120号")]),
        // 4 square brackets, full-width parentheses
        ("落实《国务院关于加快推进政务服务标准化规范化便利化的指导意见》（国发[2021]5号），推进高频事项“一网通办”。",
         [ExpectedCitation(title: "国务院关于加快推进政务服务标准化规范化便利化的指导意见", number: "国发[2021]5号", kind: .notice,
                           span: "《国务院关于加快推进政务服务标准化规范化便利化的指导意见》（国发[2021]5号）")]),
        // 5 regulation with a number in parentheses
        ("按照《临江市行政规范性文件管理规定》(沪府规〔2020〕3号)，对3件规范性文件进行合法性审核。",
         [ExpectedCitation(title: "临江市行政规范性文件管理规定", number: "沪府规〔2020〕3号", kind: .regulation,
                           span: "《临江市行政规范性文件管理规定》(沪府规〔2020〕3号)")]),
        // 6 full-width brackets ［］ and 第…号
        ("根据《青石县法治政府建设实施方案(2022—2025年)》（南府办发［2022］第15号）文件要求，现将有关情况报告如下。",
         [ExpectedCitation(title: "青石县法治政府建设实施方案(2022—2025年)", number: "南府办发［2022］第15号", kind: .plan,
                           span: "《青石县法治政府建设实施方案(2022—2025年)》（南府办发［2022］第15号）")]),
        // 7 【】 year brackets
        ("转发《关于做好2023年度行政执法统计年报工作的通知》(京司发【2023】8号)，按时报送统计数据。",
         [ExpectedCitation(title: "关于做好2023年度行政执法统计年报工作的通知", number: "京司发【2023】8号", kind: .notice,
                           span: "《关于做好2023年度行政执法统计年报工作的通知》(京司发【2023】8号)")]),
        // 8 order number: 国务院令第713号
        ("严格执行《重大行政决策程序暂行条例》(国务院令第713号)，全年完成重大行政决策事项4项。",
         [ExpectedCitation(title: "重大行政决策程序暂行条例", number: "国务院令第713号", kind: .regulation,
                           span: "《重大行政决策程序暂行条例》(国务院令第713号)")]),
        // 9 order number in Chinese numerals
        ("宣传《中华人民共和国行政复议法》（中华人民共和国主席令第九号），发放资料800余份。",
         [ExpectedCitation(title: "中华人民共和国行政复议法", number: "中华人民共和国主席令第九号", kind: .law,
                           span: "《中华人民共和国行政复议法》（中华人民共和国主席令第九号）")]),
        // 10 several titles joined by 、, the law ending 法典
        ("组织深入学习宣传《中华人民共和国宪法》、《中华人民共和国民法典》等，将法律常识融入到具体的行政决策中。",
         [ExpectedCitation(title: "中华人民共和国宪法", kind: .law, span: "《中华人民共和国宪法》"),
          ExpectedCitation(title: "中华人民共和国民法典", kind: .law, span: "《中华人民共和国民法典》")]),
        // 11 titles written one after another, no separator
        ("积极宣传《中华人民共和国宪法》《中华人民共和国民法典》《中华人民共和国反电信网络诈骗法》等与群众息息相关的法律法规。",
         [ExpectedCitation(title: "中华人民共和国宪法", kind: .law, span: "《中华人民共和国宪法》"),
          ExpectedCitation(title: "中华人民共和国民法典", kind: .law, span: "《中华人民共和国民法典》"),
          ExpectedCitation(title: "中华人民共和国反电信网络诈骗法", kind: .law, span: "《中华人民共和国反电信网络诈骗法》")]),
        // 12 short forms
        ("街道党校开展学习《条例》2次，以《宪法》、《民法典》为主开展宣传。",
         [ExpectedCitation(title: "条例", kind: .regulation, span: "《条例》"),
          ExpectedCitation(title: "宪法", kind: .law, span: "《宪法》"),
          ExpectedCitation(title: "民法典", kind: .law, span: "《民法典》")]),
        // 13 a plan with (2021—2025年), em dash
        ("结合《云溪街道开展法治宣传教育的第八个五年规划(2021—2025年)》，严格落实普法责任制。",
         [ExpectedCitation(title: "云溪街道开展法治宣传教育的第八个五年规划(2021—2025年)", kind: .plan,
                           span: "《云溪街道开展法治宣传教育的第八个五年规划(2021—2025年)》")]),
        // 14 (试行) after 办法
        ("制定《白沙街道公职律师管理办法(试行)》，推进合同审核由外审向内审过渡。",
         [ExpectedCitation(title: "白沙街道公职律师管理办法(试行)", kind: .regulation, span: "《白沙街道公职律师管理办法(试行)》")]),
        // 15 (2020年版) after 目录: other
        ("编制《白沙街道政务公开标准目录(2020年版)》，依法推进政府信息公开。",
         [ExpectedCitation(title: "白沙街道政务公开标准目录(2020年版)", kind: .other, span: "《白沙街道政务公开标准目录(2020年版)》")]),
        // 16 inner <…> whose title is a regulation, but the outer one ends with 清单: other
        ("制定了《白沙街道党工委落实<党政主要负责人履行推进法治建设第一责任人职责规定>工作清单》，明确主要职责。",
         [ExpectedCitation(title: "白沙街道党工委落实<党政主要负责人履行推进法治建设第一责任人职责规定>工作清单", kind: .other,
                           span: "《白沙街道党工委落实<党政主要负责人履行推进法治建设第一责任人职责规定>工作清单》")]),
        // 17 〈…〉 nested; a notice that 印发 a plan is a notice
        ("转发《区政府办公室关于印发〈桃溪区“八五”普法规划〉的通知》，部署全年普法工作。",
         [ExpectedCitation(title: "区政府办公室关于印发〈桃溪区“八五”普法规划〉的通知", kind: .notice,
                           span: "《区政府办公室关于印发〈桃溪区“八五”普法规划〉的通知》")]),
        // 18 a misused inner 《》 stays inside the outer title
        ("根据《关于印发《青石县行政执法公示办法》的通知》要求，公示执法信息320条。",
         [ExpectedCitation(title: "关于印发《青石县行政执法公示办法》的通知", kind: .notice,
                           span: "《关于印发《青石县行政执法公示办法》的通知》")]),
        // 19 unclosed 《 at the end of a paragraph
        ("下一步，街道将认真贯彻落实《法治政府建设实施纲要",
         []),
        // 20 an unclosed 《 before a sentence end, then a real citation
        ("街道印发《关于进一步加强法治宣传工作。同时制定《白沙街道法律顾问工作规则》。",
         [ExpectedCitation(title: "白沙街道法律顾问工作规则", kind: .regulation, span: "《白沙街道法律顾问工作规则》")]),
        // 21 an unclosed outer 《 with a closed title inside it
        ("对照《关于全面加强基层法治建设的实施意见、《白沙街道重大行政决策事项目录管理办法》开展自查",
         [ExpectedCitation(title: "白沙街道重大行政决策事项目录管理办法", kind: .regulation,
                           span: "《白沙街道重大行政决策事项目录管理办法》")]),
        // 22 parenthesis without a number: 以下简称 yields the short form
        ("贯彻《中国共产党政法工作条例》(以下简称《条例》)，把党的领导贯穿政法工作全过程。",
         [ExpectedCitation(title: "中国共产党政法工作条例", kind: .regulation, span: "《中国共产党政法工作条例》"),
          ExpectedCitation(title: "条例", kind: .regulation, span: "《条例》")]),
        // 23 titles with numbers and two in a row, the second with a number
        ("先后出台《全面依法治理委员会2020年工作要点与责任分工》、《白沙街道重大行政决策程序规定》（白府发〔2020〕6号）。",
         [ExpectedCitation(title: "全面依法治理委员会2020年工作要点与责任分工", kind: .other,
                           span: "《全面依法治理委员会2020年工作要点与责任分工》"),
          ExpectedCitation(title: "白沙街道重大行政决策程序规定", number: "白府发〔2020〕6号", kind: .regulation,
                           span: "《白沙街道重大行政决策程序规定》（白府发〔2020〕6号）")]),
        // 24 a work-plan summary (要点) and a 细则
        ("审议通过《2023年法治政府建设工作要点》和《白沙街道行政规范性文件管理细则》。",
         [ExpectedCitation(title: "2023年法治政府建设工作要点", kind: .plan, span: "《2023年法治政府建设工作要点》"),
          ExpectedCitation(title: "白沙街道行政规范性文件管理细则", kind: .regulation, span: "《白沙街道行政规范性文件管理细则》")]),
        // 25 titles that are not documents: other
        ("社区案例《“五心”聚齐 打造党建引领下的红色物业》获评十大案例，自编普法情景剧《“法”语微情》巡演6场。",
         [ExpectedCitation(title: "“五心”聚齐 打造党建引领下的红色物业", kind: .other, span: "《“五心”聚齐 打造党建引领下的红色物业》"),
          ExpectedCitation(title: "“法”语微情", kind: .other, span: "《“法”语微情》")]),
        // 26 decisions, reports (通报) and a 决定 with 〔〕 directly attached
        ("区政府印发《关于表彰2022年度法治建设先进集体的决定》桃政发〔2023〕2号，并下发《关于2022年度行政执法案卷评查情况的通报》。",
         [ExpectedCitation(title: "关于表彰2022年度法治建设先进集体的决定", number: "桃政发〔2023〕2号", kind: .notice,
                           span: "《关于表彰2022年度法治建设先进集体的决定》桃政发〔2023〕2号"),
          ExpectedCitation(title: "关于2022年度行政执法案卷评查情况的通报", kind: .notice,
                           span: "《关于2022年度行政执法案卷评查情况的通报》")]),
        // 27 a law named by its amendment and a draft regulation
        ("学习《中华人民共和国刑法修正案(十一)》，对《白沙街道城市管理条例(草案)》提出修改意见5条。",
         [ExpectedCitation(title: "中华人民共和国刑法修正案(十一)", kind: .law, span: "《中华人民共和国刑法修正案(十一)》"),
          ExpectedCitation(title: "白沙街道城市管理条例(草案)", kind: .regulation, span: "《白沙街道城市管理条例(草案)》")]),
        // 28 a 纲要 and a 计划; spaces around the number in its parenthesis
        ("对标《法治中国建设规划(2020-2025年)》，制定《2023年普法依法治理工作计划》( 云司发〔2023〕11号 )。",
         [ExpectedCitation(title: "法治中国建设规划(2020-2025年)", kind: .plan, span: "《法治中国建设规划(2020-2025年)》"),
          ExpectedCitation(title: "2023年普法依法治理工作计划", number: "云司发〔2023〕11号", kind: .plan,
                           span: "《2023年普法依法治理工作计划》( 云司发〔2023〕11号 )")]),
        // 29 words ending in 法 that are not laws; an empty 《》
        ("推广《新时代“枫桥经验”的基层做法》，总结《严格规范公正文明执法》经验，《》不计。",
         [ExpectedCitation(title: "新时代“枫桥经验”的基层做法", kind: .other, span: "《新时代“枫桥经验”的基层做法》"),
          ExpectedCitation(title: "严格规范公正文明执法", kind: .other, span: "《严格规范公正文明执法》")]),
        // 30 a year in parentheses after 》 is not a number
        ("修订《白沙街道财务管理制度》(2021年修订)，规范经费使用。",
         [ExpectedCitation(title: "白沙街道财务管理制度", kind: .other, span: "《白沙街道财务管理制度》")]),
    ]

    @Test(arguments: cases)
    func extractsCitations(paragraph: String, expected: [ExpectedCitation]) {
        let mentions = CitationExtractor.extract(paragraph: paragraph)
        #expect(mentions.map(\.title) == expected.map(\.title))
        #expect(mentions.map(\.docNumber) == expected.map(\.number))
        #expect(mentions.map(\.kind) == expected.map(\.kind))
        let scalars = Array(paragraph.unicodeScalars)
        let spans = mentions.map { String(String.UnicodeScalarView(scalars[$0.charStart..<$0.charEnd])) }
        #expect(spans == expected.map(\.span))
    }

    @Test func offsetsAreUnicodeScalarOffsets() {
        // 𠀀 (outside the BMP) is two UTF-16 units but one scalar.
        let paragraph = "𠀀村依照《村民委员会组织法》开展换届。"
        let mention = CitationExtractor.extract(paragraph: paragraph).first
        #expect(mention?.charStart == 4)
        #expect(mention?.charEnd == 14)
    }

    @Test func kindsByTitleEnding() {
        let kinds: [(String, CitationKind)] = [
            ("中华人民共和国行政处罚法", .law),
            ("宪法", .law),
            ("民法典", .law),
            ("行政执法公示办法", .regulation),
            ("党政机关公文处理工作条例", .regulation),
            ("中国共产党廉洁自律准则", .regulation),
            ("白沙街道“八五”普法规划(2021—2025年)", .plan),
            ("关于加强行政复议工作的实施意见", .notice),
            ("关于印发《白沙街道法治政府建设实施方案》的通知", .notice),
            ("关于印发<白沙街道法治政府建设实施方案>", .plan),
            ("白沙街道法治政府建设工作方法", .other),
            ("政府工作报告", .other),
        ]
        for (title, kind) in kinds {
            #expect(CitationKindClassifier.classify(title) == kind, "\(title)")
        }
    }
}
