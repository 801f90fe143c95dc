import Foundation
import Testing
@testable import GovReport

@Suite("retry policy, Content-Type, fetch options")
struct FetchPolicyTests {
    @Test func backoffDoublesWithJitterAndIsCapped() {
        let low = RetryPolicy(maxRetries: 5, baseDelay: .milliseconds(1_000), maxDelay: .seconds(6), random: { 0 })
        let high = RetryPolicy(maxRetries: 5, baseDelay: .milliseconds(1_000), maxDelay: .seconds(6), random: { 1 })
        #expect((1...5).map { low.delay(beforeRetry: $0) } == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(3), .seconds(3)])
        #expect((1...5).map { high.delay(beforeRetry: $0) } == [.seconds(1), .seconds(2), .seconds(4), .seconds(6), .seconds(6)])
        let random = RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(400), maxDelay: .seconds(60))
        for _ in 0..<20 {
            let delay = random.delay(beforeRetry: 2)
            #expect(delay >= .milliseconds(400) && delay <= .milliseconds(800))
        }
    }

    @Test func retryAfterWinsButIsCapped() {
        let policy = RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(30), random: { 0.5 })
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(7)) == .seconds(7))
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(3_600)) == .seconds(30))
    }

    @Test func parsesRetryAfterInBothForms() throws {
        let now = try #require(RetryPolicy.httpDate("Tue, 18 Mar 2025 08:00:00 GMT"))
        #expect(RetryPolicy.retryAfter("120") == .seconds(120))
        #expect(RetryPolicy.retryAfter(" 0 ") == .zero)
        #expect(RetryPolicy.retryAfter("Tue, 18 Mar 2025 08:01:30 GMT", now: now) == .seconds(90))
        #expect(RetryPolicy.retryAfter("Tuesday, 18-Mar-25 08:00:10 GMT", now: now) == .seconds(10))
        #expect(RetryPolicy.retryAfter("Tue Mar 18 08:00:05 2025", now: now) == .seconds(5))
        #expect(RetryPolicy.retryAfter("Mon, 17 Mar 2025 08:00:00 GMT", now: now) == .zero, "a date in the past: no wait")
        #expect(RetryPolicy.retryAfter("soon") == nil)
        #expect(RetryPolicy.retryAfter("-5") == nil)
        #expect(RetryPolicy.retryAfter(nil) == nil)
    }

    @Test func retriesOnlyTransientStatuses() {
        #expect([429, 500, 502, 503, 504].allSatisfy(RetryPolicy.isRetryable(status:)))
        #expect(![400, 401, 403, 404, 410, 451].contains(where: RetryPolicy.isRetryable(status:)))
    }

    @Test("charset and media type from Content-Type", arguments: [
        ("text/html; charset=GBK", "text/html", "gbk"),
        ("Text/HTML;Charset=\"gb2312\"", "text/html", "gb2312"),
        ("text/html;charset=utf-8;q=1", "text/html", "utf-8"),
        ("text/html; name=\"a;b\"; charset=GB18030", "text/html", "gb18030"),
        ("text/plain", "text/plain", nil),
        ("text/html; charset=", "text/html", nil),
        ("html", nil, nil),
    ] as [(String, String?, String?)])
    func contentType(_ header: String, _ mediaType: String?, _ charset: String?) {
        let parsed = ContentTypeCharset(header: header)
        #expect(parsed.mediaType == mediaType)
        #expect(parsed.charset == charset)
    }

    @Test func optionsDefaultsAndRangeChecks() {
        let defaults = FetchOptions()
        #expect(defaults.problems(at: "$.stages[0]", baseDirectory: URL(fileURLWithPath: "/")).isEmpty)
        #expect(defaults.maxRedirects == 5 && defaults.perHostConcurrency == 2 && defaults.perHostDelayMilliseconds == 500)
        #expect(defaults.maxRetries == 3 && defaults.maxBytes == 20_000_000)
        #expect(defaults.userAgent.hasPrefix("govreport/"))
        #expect(Set(FetchOptions.fields.map(\.name)) == Set(GovReport.defaultsJSON(FetchOptions.self).keys))

        var bad = FetchOptions()
        bad.userAgent = "govreport\r\nX-Injected: 1"
        bad.timeoutSeconds = 0
        bad.maxRedirects = 50
        bad.perHostConcurrency = 0
        bad.maxRetries = -1
        bad.maxDecompressedBytes = 0
        let paths = bad.problems(at: "$.stages[0]", baseDirectory: URL(fileURLWithPath: "/")).map(\.path)
        #expect(paths == ["$.stages[0].userAgent", "$.stages[0].timeoutSeconds", "$.stages[0].maxRedirects",
                          "$.stages[0].perHostConcurrency", "$.stages[0].maxRetries", "$.stages[0].maxDecompressedBytes"])
    }
}
