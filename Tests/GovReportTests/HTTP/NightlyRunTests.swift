import Foundation
import Testing
@testable import GovReport

/// The real binary run twice, as cron runs it, against pages on the local test server.
@Suite("nightly runs over URL lists", .serialized)
struct NightlyRunTests {
    /// Which night the server is serving: pages change their answers from one night to the next.
    final class Night: Sendable {
        let number = Locked(1)
    }

    static let gbkPage = HTTPTestPages.encode(HTTPTestPages.reportHTML, as: "GBK")
    static let gzipPage = Array(HTTPTestPages.reportHTML.replacingOccurrences(of: "青川县", with: "白沙县")
        .replacingOccurrences(of: "2317件", with: "1876件").utf8)

    /// /gbk.html: charset only in Content-Type, ETag validator. /gzip.html: gzip body,
    /// Last-Modified validator. /flaky.html: fine the first night, 404 the second.
    static func route(_ night: Night) -> TestRoute {
        { request, respond in
            let tonight = night.number.current
            switch request.path {
            case "/gbk.html":
                if request.headers.first(name: "If-None-Match") == "\"v1\"" {
                    try await respond.send(.notModified, [("ETag", "\"v1\"")])
                } else {
                    try await respond.send(.ok, [("Content-Type", "text/html; charset=GBK"), ("ETag", "\"v1\"")], body: gbkPage)
                }
            case "/gzip.html":
                let stamp = "Tue, 18 Mar 2025 08:00:00 GMT"
                if request.headers.first(name: "If-Modified-Since") == stamp {
                    try await respond.send(.notModified)
                } else {
                    try await respond.send(.ok, [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                                                 ("Last-Modified", stamp)], body: try HTTPTestPages.gzip(gzipPage))
                }
            case "/flaky.html" where tonight == 1:
                try await respond.send(.ok, [("Content-Type", "text/html; charset=utf-8")], body: Array(HTTPTestPages.notice(7).utf8))
            case "/slow.html":
                try await Task.sleep(for: .seconds(3))
                try await respond.send(.ok, [("Content-Type", "text/html; charset=utf-8")], body: Array(HTTPTestPages.notice(9).utf8))
            default:
                try await respond.send(.notFound)
            }
        }
    }

    static func project(_ server: TestHTTPServer, paths: [String], name: String = #function) throws -> PipelineFixture {
        let fixture = try PipelineFixture(name: name)
        let list = "# 法治政府建设年度报告 (test server)\n" + paths.map { server.url($0) + "\n" }.joined()
        try TestSupport.write(list, to: fixture.root.appendingPathComponent("urls.txt"))
        try TestSupport.write("""
            {"sources": [{"type": "urls", "file": "urls.txt"}],
             "stages": [{"type": "fetch", "perHostDelayMilliseconds": 0, "retryBaseDelayMilliseconds": 50, "maxRetries": 1},
                        {"type": "decode"}, {"type": "strip"}, {"type": "normalize"}, {"type": "segment"},
                        {"type": "extract"}, {"type": "write"}]}
            """, to: fixture.root.appendingPathComponent("pipeline.json"))
        return fixture
    }

    @Test func secondNightRedoesNothingDownstreamAndKeepsAFailedPage() async throws {
        let night = Night()
        try await withTestServer(Self.route(night)) { server in
            let fixture = try Self.project(server, paths: ["/gbk.html", "/gzip.html", "/flaky.html"])
            let first = try await offPool { try fixture.run() }
            #expect(first.status == 0, "\(first.stderr)")
            let http1 = try #require(try fixture.report()["http"] as? [String: Any])
            #expect(http1["requested"] as? Int == 3)
            #expect(http1["fetched"] as? Int == 3)
            #expect(try fixture.counts("extract")["processed"] == 3)

            let documents = try fixture.table("documents")
            let gbk = try #require(documents.first { $0["source"]!.hasSuffix("/gbk.html") })
            #expect(gbk["encoding_declared"]?.lowercased() == "gbk", "the charset came from Content-Type")
            #expect(gbk["title"] == "青川县人民政府关于2024年度法治政府建设情况的报告")
            #expect(gbk["report_year"] == "2024")
            let gzip = try #require(documents.first { $0["source"]!.hasSuffix("/gzip.html") })
            #expect(gzip["title"]?.hasPrefix("白沙县") == true, "the gzip body was inflated before decoding")
            let cases = try fixture.table("metrics").filter { $0["raw"] == "1876件" }
            #expect(cases.count == 1 && cases[0]["doc_id"] == gzip["doc_id"])

            night.number.withLock { $0 = 2 }
            let hitsBefore = server.stats.hits("/flaky.html")
            let second = try await offPool { try fixture.run() }
            #expect(second.status == 2, "a page that failed tonight makes the exit status 2: \(second.stderr)")
            let http2 = try #require(try fixture.report()["http"] as? [String: Any])
            #expect(http2["not_modified"] as? Int == 2)
            #expect(http2["fetched"] as? Int == 0)
            #expect(http2["failed"] as? Int == 1)
            #expect(server.stats.hits("/flaky.html") == hitsBefore + 1, "a 404 is not retried")
            for stage in ["decode", "strip", "normalize", "segment", "extract"] {
                #expect(try fixture.counts(stage)["processed"] == 0, "\(stage) redid work after a 304")
            }
            let conditional = server.stats.current.requests.filter { $0.path == "/gbk.html" }.last
            #expect(conditional?.headers.first(name: "If-None-Match") == "\"v1\"")

            let after = try fixture.table("documents")
            let flaky = try #require(after.first { $0["source"]!.hasSuffix("/flaky.html") })
            #expect(flaky["status"] == "stale", "yesterday's rows stay, marked stale")
            #expect(flaky["title"]?.contains("第7号") == true)
            let errors = try fixture.table("errors")
            #expect(errors.count == 1)
            #expect(errors.first?["code"] == "fetch.http_status")
            #expect(errors.first?["message"]?.contains("404") == true)
            #expect(try fixture.table("paragraphs").contains { $0["doc_id"] == flaky["doc_id"] })

            // The analyst drops the failing URL from the list: it leaves the tables.
            try TestSupport.write(server.url("/gbk.html") + "\n" + server.url("/gzip.html") + "\n",
                                  to: fixture.root.appendingPathComponent("urls.txt"))
            let third = try await offPool { try fixture.run() }
            #expect(third.status == 0, "\(third.stderr)")
            let documents3 = try #require(try fixture.report()["documents"] as? [String: Any])
            #expect(documents3["removed"] as? Int == 1)
            #expect(try fixture.table("documents").count == 2)
            #expect(try fixture.table("errors").isEmpty)
        }
    }

    @Test func aSecondConcurrentRunExitsOneAndTheFirstFinishes() async throws {
        try await withTestServer(Self.route(Night())) { server in
            let fixture = try Self.project(server, paths: ["/slow.html", "/gbk.html"])
            let first = Task.detached { try fixture.run() }
            // Wait until the first run holds the lock and is waiting on the slow page.
            let deadline = ContinuousClock.now + .seconds(20)
            while server.stats.hits("/slow.html") == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            let second = try await offPool { try fixture.run() }
            #expect(second.status == 1)
            #expect(second.stderr.contains("pid"), "the message names the holder: \(second.stderr)")
            let firstResult = try await first.value
            #expect(firstResult.status == 0, "\(firstResult.stderr)")
            #expect(try fixture.table("documents").count == 2)
        }
    }
}

/// Runs blocking work (a child process) on its own thread, off Swift concurrency's pool.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
