import Foundation
import Testing
@testable import GovReport

@Suite("urls and url sources")
struct URLListSourceTests {
    static let analystList = """
    # 2024年度法治政府建设情况报告 — 桐溪市及所辖区县
    # 更新：2025-03-20

    https://www.tongxi.gov.cn/zwgk/fzzfjs/202503/t20250318_1042.html
    https://www.tongxi.gov.cn/zwgk/fzzfjs/202503/t20250318_1042.html#top
    http://sfj.tongxi.gov.cn/art/2025/3/12/art_118_5531.html   # 司法局，GBK 页面

    \thttps://www.qingchuan.gov.cn/xxgk/fzzf/2025/0315/report.shtml\r
    HTTPS://WWW.Tongxi.gov.cn:443/zwgk/fzzfjs/202503/t20250318_1042.html
    """

    @Test func parsesAnAnalystsList() {
        let (entries, problems) = URLList.parse(Self.analystList)
        #expect(problems.isEmpty)
        #expect(entries.map(\.url) == [
            "https://www.tongxi.gov.cn/zwgk/fzzfjs/202503/t20250318_1042.html",
            "http://sfj.tongxi.gov.cn/art/2025/3/12/art_118_5531.html",
            "https://www.qingchuan.gov.cn/xxgk/fzzf/2025/0315/report.shtml",
        ])
        #expect(entries.map(\.line) == [4, 6, 8], "duplicates after normalisation keep their first line")
    }

    @Test func reportsBadLinesWithTheirNumbers() {
        let text = """
        # 待核实
        https://www.tongxi.gov.cn/a.html
        ftp://ftp.tongxi.gov.cn/2024/report.doc
        www.qingchuan.gov.cn/report.html
        https://www.tongxi.gov.cn/b.html https://www.tongxi.gov.cn/c.html
        file:///etc/passwd
        """
        let (entries, problems) = URLList.parse(text)
        #expect(entries.map(\.url) == ["https://www.tongxi.gov.cn/a.html"])
        #expect(problems.map(\.line) == [3, 4, 5, 6])
        #expect(problems[0].message.contains("ftp"))
        #expect(problems[2].message.contains("one URL per line"))
    }

    @Test func configValidationNamesTheFileLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-urls-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "https://www.tongxi.gov.cn/a.html\n\n# 备注\nftp://ftp.tongxi.gov.cn/x\n".write(
            to: folder.appendingPathComponent("reports.txt"), atomically: true, encoding: .utf8)

        let descriptor = URLListSourceDescriptor()
        let (bad, problems) = descriptor.configure(["type": "urls", "file": "reports.txt"], path: "$.sources[1]", baseDirectory: folder)
        #expect(bad == nil)
        #expect(problems.map(\.path) == ["$.sources[1].file:4"])

        let (_, missing) = descriptor.configure(["type": "urls", "file": "nowhere.txt"], path: "$.sources[0]", baseDirectory: folder)
        #expect(missing.map(\.path) == ["$.sources[0].file"])
        #expect(missing.first?.message.contains("no such file") == true)

        try "http://sfj.tongxi.gov.cn/a.html\r\nhttps://www.qingchuan.gov.cn/b.html\r\n".write(
            to: folder.appendingPathComponent("reports.txt"), atomically: true, encoding: .utf8)
        let (good, none) = descriptor.configure(["type": "urls", "file": "reports.txt", "charset": "gbk"],
                                                 path: "$.sources[1]", baseDirectory: folder)
        #expect(none.isEmpty)
        let listing = try #require(good).list()
        #expect(listing.items.map(\.source) == ["http://sfj.tongxi.gov.cn/a.html", "https://www.qingchuan.gov.cn/b.html"])
        #expect(listing.items.allSatisfy { $0.declaredCharset == "gbk" })
        #expect(listing.items[0].locator == .url("http://sfj.tongxi.gov.cn/a.html"))
        #expect(listing.items[0].docId == DocumentID.make(source: "http://sfj.tongxi.gov.cn/a.html"))
    }

    @Test func singleURLSource() throws {
        let descriptor = URLSourceDescriptor()
        let base = URL(fileURLWithPath: "/tmp")
        let (source, problems) = descriptor.configure(["type": "url", "url": "HTTPS://www.Tongxi.gov.cn/report.html#p1"],
                                                      path: "$.sources[0]", baseDirectory: base)
        #expect(problems.isEmpty)
        let items = try #require(source).list().items
        #expect(items.map(\.source) == ["https://www.tongxi.gov.cn/report.html"])
        #expect(items.first?.declaredCharset == nil)

        let (refused, found) = descriptor.configure(["type": "url", "url": "file:///etc/passwd"], path: "$.sources[0]", baseDirectory: base)
        #expect(refused == nil)
        #expect(found.map(\.path) == ["$.sources[0].url"])
        let (_, empty) = descriptor.configure(["type": "url"], path: "$.sources[2]", baseDirectory: base)
        #expect(empty.map(\.path) == ["$.sources[2].url"])
    }
}
