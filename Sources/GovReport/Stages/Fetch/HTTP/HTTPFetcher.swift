import AsyncHTTPClient
import Dispatch
import Logging

/// Fetches a batch of URLs over http(s) with one shared async-http-client `HTTPClient`.
///
/// Per URL: conditional request from the stored validators, redirects followed by hand (only to
/// http/https, at most `maxRedirects`, loops refused), retries with backoff on connection
/// failures, 429 and 5xx, a total timeout per request, and a body streamed into memory up to
/// `maxBytes` (gzip/deflate inflated by the client up to `maxDecompressedBytes`). Across the
/// batch: `perHostConcurrency` and `perHostDelayMilliseconds` per host, and at most
/// `maxInFlight` URLs being worked on at once.
public struct HTTPFetcher: Sendable {
    public let options: FetchOptions
    let logger: Logger
    /// URLs worked on at once over all hosts; bounds memory (each may hold `maxBytes`) while
    /// the per-host limits keep each site's load low.
    static let maxInFlight = 16

    public init(options: FetchOptions,
                logger: Logger = Logger(label: "govreport.fetch", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.options = options
        self.logger = logger
    }

    /// Fetches every request; `outcomes[i]` belongs to `requests[i]`. Never throws: each
    /// problem is that URL's `.failed`. `onEach` is called as each URL finishes (any thread).
    public func fetchAll(_ requests: [HTTPFetchRequest],
                         onEach: (@Sendable (Int, HTTPFetchOutcome) -> Void)? = nil) async -> [HTTPFetchOutcome] {
        let outcomes = Locked([HTTPFetchOutcome?](repeating: nil, count: requests.count))
        await fetchEach(requests) { index, outcome in
            outcomes.withLock { $0[index] = outcome }
            onEach?(index, outcome)
        }
        return outcomes.current.map { $0 ?? .failed(StageFailure("fetch.internal", "no outcome was recorded")) }
    }

    /// Fetches every request and hands each outcome to `handle` as it finishes (any thread),
    /// keeping none: a night's bodies never sit in memory together. Once `stop` says so, no
    /// further request starts (those under way finish): a SIGINT/SIGTERM ends the batch soon.
    public func fetchEach(_ requests: [HTTPFetchRequest], stop: @Sendable () -> Bool = { false },
                          handle: @Sendable (Int, HTTPFetchOutcome) -> Void) async {
        guard !requests.isEmpty else { return }
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                                configuration: Self.clientConfiguration(options),
                                backgroundActivityLogger: logger)
        let session = HTTPFetchSession(client: client, options: options, logger: logger)
        await withTaskGroup(of: (Int, HTTPFetchOutcome).self) { group in
            var order = Self.interleavedByHost(requests).makeIterator()
            func startNext() {
                guard !stop(), let index = order.next() else { return }
                group.addTask { (index, await session.fetch(requests[index])) }
            }
            for _ in 0..<Self.maxInFlight { startNext() }
            while let (index, outcome) = await group.next() {
                handle(index, outcome)
                startNext()
            }
        }
        do {
            try await client.shutdown()
        } catch {
            logger.warning("HTTP client shutdown: \(error)")
        }
    }

    /// `fetchAll` for synchronous callers: blocks the calling thread until the batch is done.
    /// Call it from an ordinary thread (the runner's), never from inside a Swift concurrency task.
    public func fetchAllBlocking(_ requests: [HTTPFetchRequest],
                                 onEach: (@Sendable (Int, HTTPFetchOutcome) -> Void)? = nil) -> [HTTPFetchOutcome] {
        let result = Locked<[HTTPFetchOutcome]>([])
        blocking {
            let outcomes = await self.fetchAll(requests, onEach: onEach)
            result.withLock { $0 = outcomes }
        }
        return result.current
    }

    /// `fetchEach` for synchronous callers (see `fetchAllBlocking`).
    public func fetchEachBlocking(_ requests: [HTTPFetchRequest], stop: @escaping @Sendable () -> Bool = { false },
                                  handle: @escaping @Sendable (Int, HTTPFetchOutcome) -> Void) {
        blocking { await self.fetchEach(requests, stop: stop, handle: handle) }
    }

    private func blocking(_ work: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await work()
            done.signal()
        }
        done.wait()
    }

    static func clientConfiguration(_ options: FetchOptions) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        // Redirects are followed by HTTPFetchSession: the client's own following returns a
        // redirect to file: or ftp: as a plain 3xx response, and a hop to another host must
        // wait for that host's turn.
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .milliseconds(Int64((options.connectTimeoutSeconds * 1_000).rounded())))
        // NIOHTTPResponseDecompressor: gzip and zlib-wrapped deflate, inflation capped.
        configuration.decompression = .enabled(limit: .size(options.maxDecompressedBytes))
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = options.perHostConcurrency
        // A failed connection fails the request at once; RetryPolicy decides about trying again.
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    /// Request indices ordered round-robin over hosts, so that the first `maxInFlight` slots
    /// are not all taken by one site's URLs waiting for its per-host limit.
    static func interleavedByHost(_ requests: [HTTPFetchRequest]) -> [Int] {
        var queues: [String: [Int]] = [:]
        var hosts: [String] = []
        for (index, request) in requests.enumerated() {
            let host = HTTPFetchSession.hostKey(request.url) ?? request.url
            if queues[host] == nil { hosts.append(host) }
            queues[host, default: []].append(index)
        }
        var order: [Int] = []
        order.reserveCapacity(requests.count)
        var round = 0
        while order.count < requests.count {
            for host in hosts where round < queues[host]!.count { order.append(queues[host]![round]) }
            round += 1
        }
        return order
    }
}
