@testable import GovReport

/// Rows of two fictional reports (临河区, 青川市; 松溪镇, a traditional-script one) in every table,
/// with the awkward cells a real run meets: commas, quotes, line breaks, formula-like text,
/// negative numbers, large amounts, empty and missing values.
enum TablesFixture {
    static let linhe = "3f9a1c07d2e4b6a8"
    static let songxi = "b71e0d5c93a2f648"
    static let hyperlink = "=HYPERLINK(\"http://example.invalid/x\",\"点击查看原文\")"

    static let documents: [TableRow] = [
        [.text(linhe), .text("https://www.linhe.example.gov.cn/zwgk/fzzf/202403/t20240328_118.html"),
         .text("9c1d4e0b7a3f52e8c6d9b01a4f7e3c2d5b8a6f90e1d2c3b4a5968778695a4b3c"), .integer(48_213),
         .text("GB2312"), .text("GB18030"), .integer(0), .text("hans"),
         .text("青川市临河区2023年法治政府建设情况报告"), .text("临河区司法局"), .integer(2023), .date("2024-03-28"),
         .text("东川省"), .text("青川市"), .text("临河区"), .text(""),
         .text("首页 > 政务公开 > 法治政府建设"), .integer(6_842), .integer(41),
         .bool(true), .bool(true), .bool(true), .bool(true), .text("ok")],
        [.text(songxi), .text("samples/songxi-2022.htm"),
         .text("04be2f7d61c8a93e5f0d7c2b9a184e6f3d5c7b9a1e2f4d6c8b0a9e7f5d3c1b2a"), .integer(12_008),
         .text(""), .text("BIG5-HKSCS"), .integer(3), .text("hant"),
         .text("松溪鎮2022年度法治政府建設工作報告, 附件\"一\""), .text(""), .integer(2022), .null,
         .text("东川省"), .text("青川市"), .text("临河区"), .text("松溪镇"),
         .text(""), .integer(2_315), .integer(17),
         .bool(true), .bool(false), .bool(false), .bool(true), .text("ok")],
    ]

    static let sections: [TableRow] = [
        [.text(linhe), .text("1"), .integer(1), .text("一、"), .text("2023年推进法治政府建设的主要举措和成效"),
         .text("measures"), .integer(2)],
        [.text(linhe), .text("1.1"), .integer(2), .text("（一）"), .text("健全依法决策机制"), .text(""), .integer(3)],
        [.text(linhe), .text("2"), .integer(1), .text("二、"), .text("存在的不足和原因"), .text("problems"), .integer(31)],
        [.text(songxi), .text("1"), .integer(1), .text("一、"), .text("主要工作"), .text("measures"), .integer(1)],
    ]

    static let paragraphs: [TableRow] = [
        [.text(linhe), .integer(1), .text(""),
         .text("2023年，临河区坚持以习近平法治思想为指导，全面推进依法行政，各项工作取得新成效。现将有关情况报告如下：")],
        [.text(linhe), .integer(3), .text("1.1"),
         .text("严格落实重大行政决策程序，全年审核规范性文件27件、合同协议143份，提出\"修改意见\"312条。")],
        [.text(linhe), .integer(4), .text("1.1"), .text(hyperlink)],
        [.text(linhe), .integer(5), .text("1.1"),
         .text("调处矛盾纠纷208起,其中邻里纠纷47起、婚姻家庭纠纷10起。\n（材料来源：区司法局）")],
        [.text(songxi), .integer(6), .text("1"), .text("-全年行政复议纠错率同比下降3.2个百分点")],
        [.text(songxi), .integer(7), .text("1"), .text("  共发放法治宣传资料1.2万余份，涉及金额400余万元 ")],
    ]

    static let metrics: [TableRow] = [
        [.text(linhe), .integer(1), .integer(3), .text("1.1"), .text("审核规范性文件"), .text("normative_documents_reviewed"),
         .number(27), .text("件"), .text("exact"), .text("27件"),
         .text("严格落实重大行政决策程序，全年审核规范性文件27件"), .null, .integer(23), .integer(26)],
        [.text(linhe), .integer(2), .integer(5), .text("1.1"), .text("调处矛盾纠纷"), .text("disputes_mediated"),
         .number(208), .text("起"), .text("exact"), .text("208起"), .text("调处矛盾纠纷208起"), .null,
         .integer(6), .integer(10)],
        [.text(linhe), .integer(3), .integer(5), .text("1.1"), .text("邻里纠纷"), .text(""),
         .number(47), .text("起"), .text("exact"), .text("47起"), .text("其中邻里纠纷47起"), .integer(2),
         .integer(17), .integer(20)],
        [.text(songxi), .integer(1), .integer(6), .text("1"), .text("行政复议纠错率"), .text("review_correction_rate"),
         .number(-3.2), .text("个百分点"), .text("exact"), .text("下降3.2个百分点"),
         .text("全年行政复议纠错率同比下降3.2个百分点"), .null, .integer(13), .integer(22)],
        [.text(songxi), .integer(2), .integer(7), .text("1"), .text("发放法治宣传资料"), .text("publicity_materials"),
         .number(12_000), .text("份"), .text("more_than"), .text("1.2萬餘份"),
         .text("共发放法治宣传资料1.2万余份"), .null, .integer(11), .integer(17)],
        [.text(songxi), .integer(3), .integer(7), .text("1"), .text("涉及金额"), .text(""),
         .number(4_000_000), .text("元"), .text("more_than"), .text("400余万元"),
         .text("涉及金额400余万元"), .null, .integer(22), .integer(28)],
    ]

    static let citations: [TableRow] = [
        [.text(linhe), .integer(1), .text("中华人民共和国行政复议法"), .text(""), .text("law"), .integer(3),
         .integer(5), .integer(19)],
        [.text(linhe), .integer(2), .text("青川市临河区重大行政决策程序规定"), .text("临政办发〔2023〕12号"),
         .text("regulation"), .integer(3), .integer(20), .integer(52)],
    ]

    static let entities: [TableRow] = [
        [.text(linhe), .integer(1), .text("organization"), .text("临河区司法局"), .text("临河区司法局"), .integer(5),
         .integer(35), .integer(41)],
        [.text(linhe), .integer(2), .text("programme"), .text("“枫桥式”司法所"), .text("枫桥式司法所"), .integer(5),
         .integer(0), .integer(8)],
        [.text(songxi), .integer(1), .text("event"), .text("3月15日"), .text("2022-03-15"), .integer(7),
         .integer(0), .integer(5)],
    ]

    static let indicators: [TableRow] = [
        [.text(linhe), .text("东川省"), .text("青川市"), .text("临河区"), .text(""), .integer(2023),
         .text("disputes_mediated"), .text("调处矛盾纠纷"), .text("Disputes mediated"), .number(208), .text("起"),
         .integer(1), .text("2")],
        [.text(songxi), .text("东川省"), .text("青川市"), .text("临河区"), .text("松溪镇"), .integer(2022),
         .text("review_correction_rate"), .text("行政复议纠错率"), .text("Administrative review correction rate"),
         .number(-3.2), .text("个百分点"), .integer(1), .text("1")],
        [.text(songxi), .text("东川省"), .text("青川市"), .text("临河区"), .text("松溪镇"), .integer(2022),
         .text("publicity_materials"), .text("发放法治宣传资料"), .text("Legal publicity materials, copies"),
         .number(12_000), .text("份"), .integer(1), .text("2")],
    ]

    static let errors: [TableRow] = [
        [.text(songxi), .text("samples/songxi-2022.htm"), .text("strip"), .text("strip.table_layout"),
         .text("正文在表格布局中, 已按\"td\"逐段读取;\n部分段落可能顺序有误")],
    ]

    static var tables: [TableWriter.Table] {
        [
            .init(schema: TableCatalog.documents, rows: documents),
            .init(schema: TableCatalog.sections, rows: sections),
            .init(schema: TableCatalog.paragraphs, rows: paragraphs),
            .init(schema: TableCatalog.metrics, rows: metrics),
            .init(schema: TableCatalog.citations, rows: citations),
            .init(schema: TableCatalog.entities, rows: entities),
            .init(schema: TableCatalog.indicators, rows: indicators),
            .init(schema: TableCatalog.errors, rows: errors),
        ]
    }
}
