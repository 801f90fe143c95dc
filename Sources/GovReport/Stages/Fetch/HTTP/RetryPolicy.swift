import Foundation

/// When to try a request again and how long to wait first.
///
/// Retried: a connection that could not be opened, HTTP 429 and HTTP 5xx — the failures that
/// tend to pass. Not retried: other 4xx (the request itself is wrong), timeouts (a site that
/// stalls for the whole timeout would hold the batch several times as long), bad bodies.
public struct RetryPolicy: Sendable {
    public var maxRetries: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// A random fraction in 0...1; injectable so tests can pin the jitter.
    var random: @Sendable () -> Double

    public init(maxRetries: Int, baseDelay: Duration, maxDelay: Duration,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
    }

    public init(_ options: FetchOptions) {
        self.init(maxRetries: options.maxRetries,
                  baseDelay: .milliseconds(options.retryBaseDelayMilliseconds),
                  maxDelay: .milliseconds(Int64((options.retryMaxDelaySeconds * 1_000).rounded())))
    }

    /// Whether an HTTP status is worth another attempt.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }

    /// The wait before retry number `retry` (1 for the first retry). A server's `Retry-After`
    /// wins over the backoff; both are capped by `maxDelay`.
    ///
    /// Backoff is "equal jitter": half of `base × 2^(retry-1)` fixed, the other half random, so
    /// that URLs of one host that failed together do not all come back at the same instant.
    public func delay(beforeRetry retry: Int, retryAfter: Duration? = nil) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), maxDelay) }
        let exponent = min(max(retry - 1, 0), 30)
        let backoff = min(baseDelay * (1 << exponent), maxDelay)
        return backoff / 2 + backoff / 2 * random()
    }

    /// The `Retry-After` header as a wait from `now`: delay-seconds (`120`) or an HTTP-date
    /// (`Wed, 21 Oct 2026 07:28:00 GMT`, or the obsolete RFC 850 and asctime forms that
    /// RFC 9110 §5.6.7 says a recipient must accept). A date in the past means no wait.
    public static func retryAfter(_ header: String?, now: Date = Date()) -> Duration? {
        guard let value = header?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber) {
            guard let seconds = Int64(value) else { return nil }
            return .seconds(seconds)
        }
        guard let date = httpDate(value) else { return nil }
        let seconds = date.timeIntervalSince(now)
        return seconds > 0 ? .milliseconds(Int64((seconds * 1_000).rounded(.up))) : .zero
    }

    private static let httpDateFormats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",   // IMF-fixdate
        "EEEE, dd-MMM-yy HH:mm:ss zzz",    // RFC 850
        "EEE MMM d HH:mm:ss yyyy",         // asctime
    ]

    static func httpDate(_ text: String) -> Date? {
        let collapsed = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        for format in httpDateFormats {
            // A formatter per call: DateFormatter is not Sendable, and retries are rare.
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: collapsed) { return date }
        }
        return nil
    }
}
