import Foundation
import NIOCore
import NIOPosix
import Testing
@testable import GovReport

extension HTTPFetchTests {
    @Suite("errors, retries, limits, timeouts")
    struct Failures {
        @Test func serverErrorThenSuccessIsRetried() async throws {
            let page = Array(HTTPTestPages.notice(5).utf8)
            let (outcome, hits) = try await withTestServer({ request, respond in
                if let stats = respond.stats.current.hits[request.path], stats == 1 {
                    try await respond.send(.internalServerError, [("Content-Type", "text/html")], body: Array("<h1>500 Internal Server Error</h1>".utf8))
                } else {
                    try await respond.send(.ok, [("Content-Type", "text/html")], body: page)
                }
            }) { server in
                (await fetchSingle(server.url("/flaky.html"), options: .forTests()), server.stats.hits("/flaky.html"))
            }
            #expect(outcome.fetchedBytes == page)
            #expect(hits == 2)
        }

        @Test func persistentServerErrorGivesUpAfterMaxRetries() async throws {
            let (outcome, hits) = try await withTestServer({ _, respond in
                try await respond.send(.serviceUnavailable)
            }) { server in
                (await fetchSingle(server.url("/down.html"), options: .forTests { $0.maxRetries = 2 }), server.stats.hits("/down.html"))
            }
            #expect(outcome.failure == StageFailure("fetch.http_status", "HTTP 503 Service Unavailable (gave up after 3 attempts)"))
            #expect(hits == 3)
        }

        @Test func tooManyRequestsHonoursRetryAfter() async throws {
            let page = Array(HTTPTestPages.notice(6).utf8)
            let clock = ContinuousClock()
            let (outcome, elapsed, stats) = try await withTestServer({ request, respond in
                if respond.stats.current.hits[request.path] == 1 {
                    try await respond.send(.tooManyRequests, [("Retry-After", "1")])
                } else {
                    try await respond.send(.ok, [("Content-Type", "text/html")], body: page)
                }
            }) { server in
                let start = clock.now
                let outcome = await fetchSingle(server.url("/busy.html"), options: .forTests())
                return (outcome, clock.now - start, server.stats.current)
            }
            #expect(outcome.fetchedBytes == page)
            #expect(stats.hits["/busy.html"] == 2)
            let gap = stats.starts[1].at - stats.starts[0].at
            #expect(gap >= .seconds(1), "the retry waited for Retry-After: \(gap)")
            #expect(elapsed < .seconds(4))
        }

        @Test func notFoundIsOneRequestAndNoRetry() async throws {
            let (outcome, hits) = try await withTestServer({ _, respond in
                try await respond.send(.notFound, [("Content-Type", "text/html")], body: Array("<h1>404 页面不存在</h1>".utf8))
            }) { server in
                (await fetchSingle(server.url("/gone.html"), options: .forTests { $0.maxRetries = 3 }), server.stats.hits("/gone.html"))
            }
            #expect(outcome.failure == StageFailure("fetch.http_status", "HTTP 404 Not Found"))
            #expect(hits == 1)
        }

        @Test func redirectLoopIsRefused() async throws {
            let (outcome, total) = try await withTestServer({ request, respond in
                try await respond.send(.found, [("Location", request.path == "/a.html" ? "/b.html" : "/a.html")])
            }) { server in
                (await fetchSingle(server.url("/a.html"), options: .forTests()), server.stats.current.requests.count)
            }
            #expect(outcome.failure?.code == "fetch.too_many_redirects")
            #expect(outcome.failure?.message.contains("loop") == true)
            #expect(total == 2, "the loop is seen on the second redirect, without a retry")
        }

        @Test func redirectChainLongerThanMaxRedirectsIsRefused() async throws {
            let route: TestRoute = { request, respond in
                let step = Int(request.path.dropFirst(3)) ?? 0
                if step < 7 {
                    try await respond.send(.movedPermanently, [("Location", "/r/\(step + 1)")])
                } else {
                    try await respond.send(.ok, [("Content-Type", "text/plain")], body: Array("终点".utf8))
                }
            }
            let outcomes = try await withTestServer(route) { server in
                [await fetchSingle(server.url("/r/2"), options: .forTests { $0.maxRedirects = 5 }),
                 await fetchSingle(server.url("/r/1"), options: .forTests { $0.maxRedirects = 5 })]
            }
            #expect(outcomes[0].fetchedBytes == Array("终点".utf8), "5 redirects are followed")
            #expect(outcomes[1].failure?.code == "fetch.too_many_redirects", "a 6th is not")
        }

        @Test func redirectToFileSchemeIsRefused() async throws {
            let (outcome, total) = try await withTestServer({ _, respond in
                try await respond.send(.found, [("Location", "file:///etc/passwd")])
            }) { server in
                (await fetchSingle(server.url("/report.html"), options: .forTests()), server.stats.current.requests.count)
            }
            #expect(outcome.failure?.code == "fetch.redirect_scheme")
            #expect(outcome.failure?.message.contains("file:///etc/passwd") == true)
            #expect(total == 1)
        }

        @Test func streamedBodyOverTheLimitIsCutOff() async throws {
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024)
            let total = 100_000_000
            let (outcome, stats) = try await withTestServer({ _, respond in
                try await respond.head(.ok, [("Content-Type", "text/plain")])
                var sent = 0
                while sent < total {
                    try await respond.chunk(chunk)
                    sent += chunk.count
                }
                try await respond.end()
            }) { server in
                let outcome = await fetchSingle(server.url("/huge.txt"), options: .forTests { $0.maxBytes = 1_000_000 })
                // The server notices the closed connection at its next write (up to 10 s, for a
                // loaded machine).
                for _ in 0..<500 where server.stats.current.abortedResponses == 0 {
                    try await Task.sleep(for: .milliseconds(20))
                }
                return (outcome, server.stats.current)
            }
            let failure = try #require(outcome.failure)
            #expect(failure.code == "fetch.too_large")
            // "… stopped reading after N": what the body stream had handed over when reading stopped.
            let received = try #require(Int(failure.message.split(separator: " ").last ?? ""))
            #expect(received > 1_000_000 && received < 2_000_000)
            #expect(stats.abortedResponses == 1, "the client closed the connection before the body ended")
            // What the server got rid of also filled the socket buffers (loopback autotunes up to 32 MB).
            #expect(stats.bytesSent < total / 2, "the server sent \(stats.bytesSent) of \(total) bytes")
        }

        @Test func declaredLengthOverTheLimitIsRefusedUnread() async throws {
            let (outcome, stats) = try await withTestServer({ _, respond in
                try await respond.head(.ok, [("Content-Type", "text/html"), ("Content-Length", "30000000")])
                let chunk = [UInt8](repeating: UInt8(ascii: "b"), count: 64 * 1024)
                for _ in 0..<(30_000_000 / chunk.count) { try await respond.chunk(chunk) }
            }) { server in
                let outcome = await fetchSingle(server.url("/big.html"), options: .forTests { $0.maxBytes = 1_000_000 })
                // Up to 10 s for the server to see the connection closed: the whole suite running
                // at once on two cores once took longer than 2 s.
                for _ in 0..<500 where server.stats.current.abortedResponses == 0 {
                    try await Task.sleep(for: .milliseconds(20))
                }
                return (outcome, server.stats.current)
            }
            #expect(outcome.failure?.code == "fetch.too_large")
            #expect(outcome.failure?.message.contains("Content-Length") == true)
            #expect(stats.abortedResponses == 1)
        }

        @Test func silentServerTimesOutWithinTheConfiguredTime() async throws {
            let clock = ContinuousClock()
            let (outcome, elapsed, hits) = try await withTestServer({ _, _ in
                try await Task.sleep(for: .seconds(30))
            }) { server in
                let start = clock.now
                let outcome = await fetchSingle(server.url("/silent.html"), options: .forTests { $0.timeoutSeconds = 1.5 })
                return (outcome, clock.now - start, server.stats.hits("/silent.html"))
            }
            #expect(outcome.failure?.code == "fetch.timeout")
            #expect(elapsed >= .milliseconds(1_450) && elapsed < .milliseconds(5_000), "timed out after \(elapsed)")
            #expect(hits == 1, "a timeout is not retried")
        }

        @Test func refusedConnectionIsRetriedThenReported() async throws {
            // A port that was just free: bind, note the port, close.
            let probe = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
            let port = try #require(probe.localAddress?.port)
            try await probe.close()
            let clock = ContinuousClock()
            let start = clock.now
            let outcome = await fetchSingle("http://127.0.0.1:\(port)/report.html", options: .forTests { $0.maxRetries = 1 })
            #expect(outcome.failure?.code == "fetch.connect")
            #expect(outcome.failure?.message.contains("after 2 attempts") == true, "\(String(describing: outcome.failure))")
            #expect(clock.now - start < .seconds(3))
        }

        @Test func badURLInTheRequest() async {
            let outcomes = await HTTPFetcher(options: .forTests()).fetchAll([
                HTTPFetchRequest(docId: "x", url: "ftp://ftp.tongxi.gov.cn/report.doc"),
                HTTPFetchRequest(docId: "y", url: "not a url"),
            ])
            #expect(outcomes.map { $0.failure?.code } == ["fetch.bad_url", "fetch.bad_url"])
        }
    }
}
