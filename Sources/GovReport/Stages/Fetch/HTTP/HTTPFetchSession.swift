import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Fetches one URL at a time for `HTTPFetcher`: retries around a chain of redirects, each hop
/// one throttled, time-limited HTTP exchange.
struct HTTPFetchSession: Sendable {
    let client: HTTPClient
    let options: FetchOptions
    let logger: Logger
    let throttle: HostThrottle
    let retryPolicy: RetryPolicy

    init(client: HTTPClient, options: FetchOptions, logger: Logger) {
        self.client = client
        self.options = options
        self.logger = logger
        self.throttle = HostThrottle(concurrency: options.perHostConcurrency,
                                     minimumDelay: .milliseconds(options.perHostDelayMilliseconds))
        self.retryPolicy = RetryPolicy(options)
    }

    /// What one HTTP exchange gave.
    enum Hop {
        case redirect(location: String, status: Int)
        case notModified(HTTPHeaders)
        case content(status: Int, headers: HTTPHeaders, bytes: [UInt8])
        case failure(HTTPFailure)
    }

    func fetch(_ request: HTTPFetchRequest) async -> HTTPFetchOutcome {
        let url: String
        do {
            url = try URLNormalizer.normalize(request.url)
        } catch {
            return .failed(StageFailure("fetch.bad_url", "\(request.url): \(error)"))
        }
        var attempt = 1
        while true {
            let result = await followRedirects(from: url, request: request)
            guard case .failure(let failure) = result.hop else { return outcome(of: result, request: request) }
            guard failure.retryable, attempt <= retryPolicy.maxRetries else {
                let suffix = attempt > 1 ? " (gave up after \(attempt) attempts)" : ""
                return .failed(StageFailure(failure.code, failure.message + suffix))
            }
            let wait = retryPolicy.delay(beforeRetry: attempt, retryAfter: failure.retryAfter)
            logger.info("\(url): \(failure.code): \(failure.message); retry \(attempt) of \(retryPolicy.maxRetries) in \(wait)")
            try? await Task.sleep(for: wait)
            attempt += 1
        }
    }

    private func outcome(of result: (hop: Hop, finalURL: String), request: HTTPFetchRequest) -> HTTPFetchOutcome {
        switch result.hop {
        case .notModified(let headers):
            return .notModified(etag: headers.first(name: "ETag") ?? request.etag,
                                lastModified: headers.first(name: "Last-Modified") ?? request.lastModified)
        case .content(let status, let headers, let bytes):
            let sha = sha256Hex(bytes)
            let etag = headers.first(name: "ETag"), lastModified = headers.first(name: "Last-Modified")
            if sha == request.previousSHA256 { return .notModified(etag: etag, lastModified: lastModified) }
            let contentType = ContentTypeCharset(header: headers.first(name: "Content-Type"))
            return .fetched(bytes: bytes, sha256: sha, contentType: contentType.mediaType, charset: contentType.charset,
                            etag: etag, lastModified: lastModified, finalURL: result.finalURL, status: status)
        case .failure(let failure):
            return .failed(StageFailure(failure.code, failure.message))
        case .redirect(_, let status):
            return .failed(StageFailure("fetch.internal", "redirect \(status) left unfollowed"))
        }
    }

    /// Follows redirects from `url` by hand: only to http/https, no URL twice, at most `maxRedirects`.
    private func followRedirects(from url: String, request: HTTPFetchRequest) async -> (hop: Hop, finalURL: String) {
        var current = url
        var chain = [url]
        while true {
            let hop = await exchange(current, request: request)
            guard case .redirect(let location, let status) = hop else { return (hop, current) }
            let target: String
            do {
                target = try URLNormalizer.resolve(location, against: current)
            } catch .unsupportedScheme(let scheme) {
                return (.failure(HTTPFailure("fetch.redirect_scheme",
                                             "HTTP \(status) redirect from \(current) to \(location) refused: \(scheme): is not http or https")), current)
            } catch {
                return (.failure(HTTPFailure("fetch.bad_url", "HTTP \(status) redirect from \(current) to an invalid Location \(location): \(error)")), current)
            }
            if chain.contains(target) {
                return (.failure(HTTPFailure("fetch.too_many_redirects",
                                             "redirect loop: \((chain + [target]).joined(separator: " → "))")), current)
            }
            if chain.count > options.maxRedirects {
                return (.failure(HTTPFailure("fetch.too_many_redirects",
                                             "more than \(options.maxRedirects) redirects from \(url) (maxRedirects)")), current)
            }
            chain.append(target)
            current = target
        }
    }

    /// One request to `url` under the host's throttle and the total timeout.
    private func exchange(_ url: String, request: HTTPFetchRequest) async -> Hop {
        let host = Self.hostKey(url) ?? url
        await throttle.acquire(host)
        let timeout = Duration.milliseconds(Int64((options.timeoutSeconds * 1_000).rounded()))
        let phase = Locked(HTTPFailure.Phase.connecting)
        let hop: Hop
        do {
            hop = try await withThrowingTaskGroup(of: Hop.self) { group in
                group.addTask { try await self.send(url, request: request, timeout: timeout, phase: phase) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw TimedOut()
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
        } catch is TimedOut {
            hop = .failure(HTTPFailure("fetch.timeout", "no complete response from \(url) within \(options.timeoutSeconds) s (timeoutSeconds)"))
        } catch {
            hop = .failure(HTTPFailure.classify(error, url: url, phase: phase.current, options: options))
        }
        await throttle.release(host)
        return hop
    }

    private struct TimedOut: Error {}

    private func send(_ url: String, request: HTTPFetchRequest, timeout: Duration,
                      phase: Locked<HTTPFailure.Phase>) async throws -> Hop {
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = .GET
        outgoing.headers.add(name: "User-Agent", value: options.userAgent)
        outgoing.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
        outgoing.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = request.etag { outgoing.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = request.lastModified { outgoing.headers.add(name: "If-Modified-Since", value: lastModified) }

        let (seconds, attoseconds) = timeout.components
        let deadline = NIODeadline.now() + .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        let response = try await client.execute(outgoing, deadline: deadline, logger: logger)
        phase.withLock { $0 = .body }
        let status = Int(response.status.code)
        let declaredLength = response.headers.first(name: "Content-Length").flatMap { Int($0) }
        switch status {
        case 304:
            return .notModified(response.headers)
        case 300...399:
            await drainSmallBody(response, declaredLength: declaredLength)
            guard let location = response.headers.first(name: "Location") else {
                return .failure(HTTPFailure("fetch.http_status", "HTTP \(status) \(response.status.reasonPhrase) without a Location header"))
            }
            return .redirect(location: location, status: status)
        case 200...299:
            if let declaredLength, declaredLength > options.maxBytes {
                // Dropping the unread body makes the client close the connection.
                return .failure(HTTPFailure("fetch.too_large",
                                            "\(url) is \(declaredLength) bytes (Content-Length), more than maxBytes \(options.maxBytes); not read"))
            }
            let bytes = try await BodyLimiter.collect(response.body, limit: options.maxBytes, expectedLength: declaredLength)
            return .content(status: status, headers: response.headers, bytes: bytes)
        default:
            await drainSmallBody(response, declaredLength: declaredLength)
            return .failure(HTTPFailure("fetch.http_status", "HTTP \(status) \(response.status.reasonPhrase)",
                                        retryable: RetryPolicy.isRetryable(status: status),
                                        retryAfter: RetryPolicy.retryAfter(response.headers.first(name: "Retry-After"))))
        }
    }

    /// Reads a short error or redirect body so that the connection can be reused; a long or
    /// unknown-length one is left unread, which closes the connection instead.
    private func drainSmallBody(_ response: HTTPClientResponse, declaredLength: Int?) async {
        guard let declaredLength, declaredLength <= 64 * 1024 else { return }
        _ = try? await response.body.collect(upTo: 64 * 1024)
    }

    /// Politeness key: `scheme://host:port` of a normalised URL.
    static func hostKey(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              let host = components.host else { return nil }
        return "\(scheme)://\(host):\(components.port ?? URLNormalizer.defaultPort(scheme))"
    }
}
