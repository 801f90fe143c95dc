import Foundation
import Testing
@testable import GovReport

@Suite("URL normalisation")
struct URLNormalizerTests {
    @Test("spellings of one page normalise to one URL, and so to one doc_id", arguments: [
        ("HTTP://WWW.Qingchuan.GOV.cn:80/zwgk/fzzfjs/index.html#top", "http://www.qingchuan.gov.cn/zwgk/fzzfjs/index.html"),
        ("https://www.qingchuan.gov.cn:443/zwgk/", "https://www.qingchuan.gov.cn/zwgk/"),
        ("https://www.qingchuan.gov.cn:8443/zwgk/", "https://www.qingchuan.gov.cn:8443/zwgk/"),
        ("http://www.qingchuan.gov.cn:443/a", "http://www.qingchuan.gov.cn:443/a"),
        ("http://www.qingchuan.gov.cn", "http://www.qingchuan.gov.cn/"),
        ("http://www.qingchuan.gov.cn/%7Esfj/%e6%b3%95.html", "http://www.qingchuan.gov.cn/~sfj/%E6%B3%95.html"),
        ("http://www.qingchuan.gov.cn/zwgk/./2025/../2024/t20250318_1.html", "http://www.qingchuan.gov.cn/zwgk/2024/t20250318_1.html"),
        ("http://www.qingchuan.gov.cn/法治 报告.html", "http://www.qingchuan.gov.cn/%E6%B3%95%E6%B2%BB%20%E6%8A%A5%E5%91%8A.html"),
        ("  http://www.qingchuan.gov.cn/art?id=3&Type=%2f#p2  ", "http://www.qingchuan.gov.cn/art?id=3&Type=%2F"),
        ("http://www.qingchuan.gov.cn/a/b/../../../c", "http://www.qingchuan.gov.cn/c"),
    ])
    func normalises(_ input: String, _ expected: String) throws {
        #expect(try URLNormalizer.normalize(input) == expected)
        #expect(try URLNormalizer.normalize(expected) == expected, "normalising is idempotent")
    }

    @Test func equivalentSpellingsShareADocumentID() throws {
        let a = try URLNormalizer.normalize("HTTPS://www.tongxi.gov.cn:443/sfj/%7Ebg/2024.html#sec3")
        let b = try URLNormalizer.normalize("https://WWW.TONGXI.GOV.CN/sfj/~bg/2024.html")
        #expect(DocumentID.make(source: a) == DocumentID.make(source: b))
        #expect(DocumentID.make(source: a) != DocumentID.make(source: "https://www.tongxi.gov.cn/sfj/~bg/2023.html"))
    }

    @Test("only absolute http(s) URLs with an ASCII host are accepted", arguments: [
        ("file:///etc/passwd", URLNormalizer.Problem.unsupportedScheme("file")),
        ("ftp://ftp.qingchuan.gov.cn/report.doc", .unsupportedScheme("ftp")),
        ("javascript:alert(1)", .unsupportedScheme("javascript")),
        ("www.qingchuan.gov.cn/report.html", .notAURL("www.qingchuan.gov.cn/report.html")),
        ("http:///report.html", .missingHost("http:///report.html")),
        ("http://青川.政府.cn/report.html", .nonASCIIHost("青川.政府.cn")),
    ])
    func refuses(_ input: String, _ problem: URLNormalizer.Problem) {
        #expect(throws: problem) { try URLNormalizer.normalize(input) }
    }

    @Test func resolvesRedirectLocations() throws {
        let base = "https://www.tongxi.gov.cn/sfj/tzgg/index.html"
        #expect(try URLNormalizer.resolve("t20250301_88.html", against: base) == "https://www.tongxi.gov.cn/sfj/tzgg/t20250301_88.html")
        #expect(try URLNormalizer.resolve("../fzzf/", against: base) == "https://www.tongxi.gov.cn/sfj/fzzf/")
        #expect(try URLNormalizer.resolve("/2024/report.html", against: base) == "https://www.tongxi.gov.cn/2024/report.html")
        #expect(try URLNormalizer.resolve("//mirror.tongxi.gov.cn/a.html", against: base) == "https://mirror.tongxi.gov.cn/a.html")
        #expect(try URLNormalizer.resolve("HTTP://Other.gov.cn:80/x", against: base) == "http://other.gov.cn/x")
        #expect(throws: URLNormalizer.Problem.unsupportedScheme("file")) {
            try URLNormalizer.resolve("file:///etc/passwd", against: base)
        }
    }
}
