import Foundation
import Testing
@testable import GovReport

extension HTTPFetchTests {
    @Suite("per-host limits and the batch API")
    struct Politeness {
        static let slowRoute: TestRoute = { request, respond in
            try await Task.sleep(for: .milliseconds(250))
            let number = Int(request.path.filter(\.isNumber)) ?? 0
            try await respond.send(.ok, [("Content-Type", "text/html; charset=utf-8")], body: Array(HTTPTestPages.notice(number).utf8))
        }

        @Test func atMostPerHostConcurrencyRequestsAtOnce() async throws {
            let (outcomes, stats) = try await withTestServer(Self.slowRoute) { server in
                let requests = (1...8).map { HTTPFetchRequest(docId: "d\($0)", url: server.url("/tzgg/\($0).html")) }
                let outcomes = await HTTPFetcher(options: .forTests { $0.perHostConcurrency = 2 }).fetchAll(requests)
                return (outcomes, server.stats.current)
            }
            #expect(outcomes.map(\.fetchedBytes) == (1...8).map { Array(HTTPTestPages.notice($0).utf8) }, "outcomes in request order")
            #expect(stats.requests.count == 8)
            #expect(stats.maxActive == 2, "at most 2 at once, and the 2 are used")
        }

        @Test func minimumDelayBetweenRequestsToOneHost() async throws {
            let starts = try await withTestServer({ _, respond in
                try await respond.send(.ok, [("Content-Type", "text/plain")], body: Array("ok".utf8))
            }) { server in
                let requests = (1...4).map { HTTPFetchRequest(docId: "d\($0)", url: server.url("/\($0).txt")) }
                _ = await HTTPFetcher(options: .forTests { $0.perHostConcurrency = 4; $0.perHostDelayMilliseconds = 300 }).fetchAll(requests)
                return server.stats.current.starts.map(\.at)
            }
            #expect(starts.count == 4)
            // 300 ms apart as reserved; the margin is for scheduling on a busy machine.
            for (earlier, later) in zip(starts, starts.dropFirst()) {
                #expect(later - earlier >= .milliseconds(250), "requests to one host started \(later - earlier) apart")
            }
        }

        @Test func blockingWrapperFromAPlainThread() async throws {
            let outcomes = try await withTestServer(Self.slowRoute) { server in
                let requests = [HTTPFetchRequest(docId: "a", url: server.url("/tzgg/7.html")),
                                HTTPFetchRequest(docId: "b", url: server.url("/missing"))]
                let fetcher = HTTPFetcher(options: .forTests())
                return await withCheckedContinuation { continuation in
                    Thread { continuation.resume(returning: fetcher.fetchAllBlocking(requests)) }.start()
                }
            }
            #expect(outcomes.count == 2)
            #expect(outcomes[0].fetchedBytes == Array(HTTPTestPages.notice(7).utf8))
            #expect(outcomes[1].fetchedBytes == Array(HTTPTestPages.notice(0).utf8))
        }
    }
}
