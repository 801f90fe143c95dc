import Foundation
import Testing
@testable import GovReport

/// Fictional report pages and paragraphs in the genre, encoded with iconv in the tests.
enum DecodeFixtures {
    /// The body paragraphs of a county report, simplified script, all within GB2312.
    static let reportParagraphs = """
        2023年，在县委的坚强领导下，县政府深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要（2021—2025年）》，统筹推进依法行政各项工作，法治政府建设取得新进展。现将有关情况报告如下：
        一、主要工作及成效
        （一）健全依法决策机制。严格落实重大行政决策程序规定，全年提交县政府常务会议审议的重大行政决策事项12件，均经过公众参与、专家论证、风险评估、合法性审查和集体讨论决定等程序。县政府法律顾问参与审查合同、协议等文件156份，提出法律意见建议300余条。
        （二）深化法治宣传教育。开展“八五”普法中期检查，组织“宪法宣传周”“民法典宣传月”等主题活动46场次，发放宣传资料2.3万余份，解答群众法律咨询1800余人次。
        （三）推进矛盾纠纷化解。全县各级人民调解组织共排查矛盾纠纷1265件，调解成功1238件，调解成功率达97.9%。
        二、存在的问题
        一是部分单位对法治政府建设重视不够；二是基层执法人员业务能力有待提升。
        三、下一步工作打算
        2024年，我县将继续加强行政执法监督，规范执法程序，不断提升依法行政水平。
        """

    /// A whole page around the paragraphs; `head` holds the charset declaration, if any.
    static func page(head: String) -> String {
        let body = reportParagraphs.split(separator: "\n").map { "<p>\($0)</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html>
            <head>
            \(head)
            <title>青岚县2023年法治政府建设情况报告</title>
            </head>
            <body>
            <div class="crumb">首页 &gt; 政务公开 &gt; 法治政府建设</div>
            <h1>青岚县2023年法治政府建设情况报告</h1>
            <div class="info">发布时间：2024-01-26 来源：青岚县司法局 字体大小：大 中 小</div>
            \(body)
            </body>
            </html>
            """
    }

    /// A city report in traditional script (Taiwan forms, all within Big5).
    static let traditionalReport = """
        澄江市人民政府2023年度法治政府建設情況報告
        一、主要工作成效
        （一）堅持黨的領導，壓實法治建設責任。市政府常務會議專題研究法治政府建設工作6次，及時調整法治政府建設領導小組，明確各部門主要負責人為本單位推進法治建設第一責任人。
        （二）規範行政執法行為。全面推行行政執法公示、執法全過程記錄、重大執法決定法制審核三項制度，全年辦理行政處罰案件835件，罰沒金額296萬餘元，行政複議糾錯率下降至4.2%。
        （三）加強普法宣傳教育。組織開展憲法進社區、進學校、進企業活動72場次，印發法治宣傳手冊1.5萬餘份，受眾群眾超過3萬人次。
        二、存在的不足
        個別部門執法人員對新頒佈法律法規學習不夠深入，基層法治力量相對薄弱。
        三、下一步工作安排
        我市將繼續深化行政執法體制改革，加快建設職責明確、依法行政的政府治理體系。
        """

    /// A town report naming places and people with characters outside GBK (㙟 is CJK
    /// extension A, 𠮷 extension B): only GB18030 encodes them, in four-byte sequences.
    static let gb18030Report = """
        㙟口镇2023年法治政府建设工作总结
        今年以来，㙟口镇党委、政府坚持把法治建设摆在全局工作的重要位置，成立了由镇长任组长的法治建设领导小组。
        一是抓好学法用法。镇党委理论学习中心组集体学法4次，组织全镇干部参加网上学法考试，参考率和合格率均达到100%。
        二是抓好矛盾调处。镇司法所联合𠮷家村等12个村（社区）人民调解委员会，共调处各类矛盾纠纷87起，调解成功85起。
        三是抓好法律服务。村（居）法律顾问坐班服务千余次，为群众提供法律咨询300余人次，代写法律文书26份。
        """

    /// A paragraph well under 300 bytes in GBK: too short for statistical detection.
    static let shortParagraph = "2023年，石门镇共开展法治宣传活动12场次，发放宣传资料3000余份，调解矛盾纠纷45件，调解成功率达100%。"

    /// `text` encoded in `charset` with iconv; fails the test if any character is not encodable.
    static func encoded(_ text: String, _ charset: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        let conversion = try #require(IconvConverter.convert(Array(text.utf8), from: "UTF-8", to: charset,
                                                             replacement: Array("?".utf8)),
                                      sourceLocation: sourceLocation)
        try #require(conversion.invalidBytes == 0, "\(charset) cannot encode the fixture",
                     sourceLocation: sourceLocation)
        return conversion.bytes
    }

    static func raw(_ bytes: [UInt8], declared: String? = nil, contentType: String? = nil) -> RawDocument {
        RawDocument(docId: "d0c1d", source: "samples/report.html", bytes: bytes, sha256: "",
                    declaredCharset: declared, contentType: contentType)
    }

    static func decode(_ raw: RawDocument, options: DecodeOptions = DecodeOptions()) throws -> DecodedDocument {
        try DecodeStage(options: options).process(raw, document: DocumentRef(docId: raw.docId, source: raw.source))
    }

    /// The failure `decode` throws for `raw`, or nil when it decodes.
    static func failure(_ raw: RawDocument, options: DecodeOptions = DecodeOptions()) -> StageFailure? {
        do {
            _ = try decode(raw, options: options)
            return nil
        } catch let failure as StageFailure {
            return failure
        } catch {
            return StageFailure("unexpected", "\(error)")
        }
    }

    /// Reproducible noise for binary fixtures (SplitMix64).
    static func noise(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0 ..< count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: z ^ (z >> 31))
        }
    }
}
