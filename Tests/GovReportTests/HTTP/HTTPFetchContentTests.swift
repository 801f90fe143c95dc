import Foundation
import Testing
@testable import GovReport

/// All tests against the local server, one at a time so that timings hold on a busy machine.
@Suite("HTTP fetch against a local server", .serialized)
struct HTTPFetchTests {}

extension HTTPFetchTests {
    @Suite("content, charset, encoding, conditional requests")
    struct Content {
        @Test func gbkPageWithCharsetOnlyInContentType() async throws {
            let gbk = HTTPTestPages.encode(HTTPTestPages.reportHTML, as: "GBK")
            let outcome = try await withTestServer({ request, respond in
                try await respond.send(.ok, [("Content-Type", "text/html; charset=GBK")], body: gbk)
            }) { server in
                await fetchSingle(server.url("/zwgk/fzzfjs/202503/t20250318_1042.html"), options: .forTests())
            }
            guard case .fetched(let bytes, let sha, let contentType, let charset, _, _, let finalURL, let status) = outcome else {
                Issue.record("expected a fetched page, got \(outcome)")
                return
            }
            #expect(bytes == gbk, "the raw GBK bytes are kept for decode")
            #expect(bytes != Array(HTTPTestPages.reportHTML.utf8))
            #expect(sha == sha256Hex(gbk))
            #expect(contentType == "text/html")
            #expect(charset == "gbk")
            #expect(status == 200)
            #expect(finalURL.hasSuffix("/zwgk/fzzfjs/202503/t20250318_1042.html"))
        }

        @Test func sendsUserAgentAndAcceptEncoding() async throws {
            let options = FetchOptions.forTests { $0.userAgent = "govreport-test/1.0 (+mailto:fzb@example.org)" }
            let stats = try await withTestServer({ _, respond in
                try await respond.send(.ok, [("Content-Type", "text/html; charset=utf-8")], body: Array(HTTPTestPages.notice(1).utf8))
            }) { server in
                _ = await fetchSingle(server.url("/tzgg/1.html"), options: options)
                return server.stats.current
            }
            let headers = try #require(stats.requests.first).headers
            #expect(headers.first(name: "User-Agent") == "govreport-test/1.0 (+mailto:fzb@example.org)")
            #expect(headers.first(name: "Accept-Encoding")?.contains("gzip") == true)
            #expect(headers.first(name: "If-None-Match") == nil, "no validators stored: an unconditional request")
        }

        @Test func gzipEncodedPageIsInflated() async throws {
            let html = Array(HTTPTestPages.reportHTML.utf8)
            let compressed = try HTTPTestPages.gzip(html)
            #expect(compressed.count < html.count)
            let outcome = try await withTestServer({ _, respond in
                try await respond.send(.ok, [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")], body: compressed)
            }) { server in
                await fetchSingle(server.url("/report.html"), options: .forTests())
            }
            #expect(outcome.fetchedBytes == html)
            if case .fetched(_, let sha, _, let charset, _, _, _, _) = outcome {
                #expect(sha == sha256Hex(html), "the hash is of the inflated page")
                #expect(charset == "utf-8")
            }
        }

        @Test func deflateEncodedPageIsInflated() async throws {
            let html = Array(HTTPTestPages.reportHTML.utf8)
            let compressed = HTTPTestPages.deflate(html)
            #expect(compressed.prefix(1) == [0x78], "a zlib header")
            let outcome = try await withTestServer({ _, respond in
                try await respond.send(.ok, [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "deflate")], body: compressed)
            }) { server in
                await fetchSingle(server.url("/report.html"), options: .forTests())
            }
            #expect(outcome.fetchedBytes == html)
        }

        @Test func gzipBombIsStoppedAtMaxDecompressedBytes() async throws {
            let bomb = try HTTPTestPages.gzipOfZeros(50_000_000)
            #expect(bomb.count < 200_000)
            let options = FetchOptions.forTests { $0.maxDecompressedBytes = 2_000_000 }
            let outcome = try await withTestServer({ _, respond in
                try await respond.send(.ok, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: bomb)
            }) { server in
                await fetchSingle(server.url("/bomb.html"), options: options)
            }
            #expect(outcome.failure?.code == "fetch.decompression")
            #expect(outcome.failure?.message.contains("2000000") == true)
        }

        @Test func damagedGzipIsADecompressionError() async throws {
            let html = Array(HTTPTestPages.notice(2).utf8)
            var corrupted = try HTTPTestPages.gzip(html)
            corrupted.replaceSubrange(12..<40, with: [UInt8](repeating: 0xFF, count: 28))
            let damaged = corrupted
            let outcome = try await withTestServer({ request, respond in
                if request.path == "/plain" {
                    try await respond.send(.ok, [("Content-Encoding", "gzip")], body: html)
                } else {
                    try await respond.send(.ok, [("Content-Encoding", "gzip")], body: damaged)
                }
            }) { server in
                await HTTPFetcher(options: .forTests()).fetchAll([
                    HTTPFetchRequest(docId: "a", url: server.url("/damaged")),
                    HTTPFetchRequest(docId: "b", url: server.url("/plain")),
                ])
            }
            #expect(outcome.map { $0.failure?.code } == ["fetch.decompression", "fetch.decompression"])
        }

        @Test func etagAndLastModifiedGive304AndNotModified() async throws {
            let page = Array(HTTPTestPages.reportHTML.utf8)
            let etag = "\"5f3a-61c2e8\"", lastModified = "Tue, 18 Mar 2025 08:00:00 GMT"
            let (first, second, stats) = try await withTestServer({ request, respond in
                if request.headers.first(name: "If-None-Match") == etag {
                    try await respond.send(.notModified, [("ETag", etag)])
                } else {
                    try await respond.send(.ok, [("Content-Type", "text/html; charset=utf-8"), ("ETag", etag),
                                                 ("Last-Modified", lastModified)], body: page)
                }
            }) { server in
                let url = server.url("/report.html")
                let first = await fetchSingle(url, options: .forTests())
                guard case .fetched(_, let sha, _, _, let storedETag, let storedLastModified, _, _) = first else {
                    return (first, first, server.stats.current)
                }
                let second = await fetchSingle(url, options: .forTests(), etag: storedETag, lastModified: storedLastModified,
                                            previousSHA256: sha)
                return (first, second, server.stats.current)
            }
            #expect(first.fetchedBytes == page)
            #expect(second == .notModified(etag: etag, lastModified: lastModified))
            #expect(stats.requests.count == 2)
            #expect(stats.requests[1].headers.first(name: "If-None-Match") == etag)
            #expect(stats.requests[1].headers.first(name: "If-Modified-Since") == lastModified)
        }

        @Test func unchangedBodyWithoutValidatorsIsNotModified() async throws {
            let page = Array(HTTPTestPages.notice(3).utf8)
            let outcomes = try await withTestServer({ _, respond in
                try await respond.send(.ok, [("Content-Type", "text/html")], body: page)
            }) { server in
                await HTTPFetcher(options: .forTests()).fetchAll([
                    HTTPFetchRequest(docId: "same", url: server.url("/same.html"), previousSHA256: sha256Hex(page)),
                    HTTPFetchRequest(docId: "changed", url: server.url("/changed.html"), previousSHA256: sha256Hex(Array("旧版本".utf8))),
                ])
            }
            #expect(outcomes[0] == .notModified(etag: nil, lastModified: nil))
            #expect(outcomes[1].fetchedBytes == page)
        }

        @Test func followsRedirectsAndReportsTheFinalURL() async throws {
            let page = Array(HTTPTestPages.notice(4).utf8)
            let (outcome, hits) = try await withTestServer({ request, respond in
                switch request.path {
                case "/old/report.html": try await respond.send(.movedPermanently, [("Location", "/tmp/../new/report.html")])
                case "/new/report.html": try await respond.send(.found, [("Location", "final.html?from=old")])
                default: try await respond.send(.ok, [("Content-Type", "text/html")], body: page)
                }
            }) { server in
                (await fetchSingle(server.url("/old/report.html"), options: .forTests()), server.stats.current.hits)
            }
            guard case .fetched(let bytes, _, _, _, _, _, let finalURL, _) = outcome else {
                Issue.record("expected a fetched page, got \(outcome)")
                return
            }
            #expect(bytes == page)
            #expect(finalURL.hasSuffix("/new/final.html?from=old"))
            #expect(hits == ["/old/report.html": 1, "/new/report.html": 1, "/new/final.html?from=old": 1])
        }
    }
}
