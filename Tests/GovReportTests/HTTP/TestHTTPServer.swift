import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
@testable import GovReport

/// A request as the test server saw it.
struct TestRequest: Sendable {
    var path: String
    var headers: HTTPHeaders
}

/// What the server observed, for the tests to assert on.
final class ServerStats: Sendable {
    struct State {
        var hits: [String: Int] = [:]
        var active = 0
        var maxActive = 0
        var starts: [(path: String, at: ContinuousClock.Instant)] = []
        var requests: [TestRequest] = []
        /// Body bytes the server managed to hand to the connection.
        var bytesSent = 0
        /// Responses whose writing failed because the client had gone away.
        var abortedResponses = 0
    }

    private let state = Locked(State())

    var current: State { state.current }
    func hits(_ path: String) -> Int { state.current.hits[path, default: 0] }

    func begin(_ request: TestRequest) {
        state.withLock {
            $0.hits[request.path, default: 0] += 1
            $0.active += 1
            $0.maxActive = max($0.maxActive, $0.active)
            $0.starts.append((request.path, ContinuousClock.now))
            $0.requests.append(request)
        }
    }

    func end(aborted: Bool) {
        state.withLock {
            $0.active -= 1
            if aborted { $0.abortedResponses += 1 }
        }
    }

    func sent(_ count: Int) { state.withLock { $0.bytesSent += count } }
}

/// Writes one response; every write waits while the connection is not writable, so a
/// streamed body goes no faster than the client reads it.
struct TestResponder: Sendable {
    let writer: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    let stats: ServerStats

    func head(_ status: HTTPResponseStatus, _ headers: [(String, String)] = []) async throws {
        try await writer.write(.head(HTTPResponseHead(version: .http1_1, status: status, headers: HTTPHeaders(headers))))
    }

    func chunk(_ bytes: [UInt8]) async throws {
        try await writer.write(.body(.byteBuffer(ByteBuffer(bytes: bytes))))
        stats.sent(bytes.count)
    }

    func end() async throws {
        try await writer.write(.end(nil))
    }

    /// A whole response with its Content-Length.
    func send(_ status: HTTPResponseStatus, _ headers: [(String, String)] = [], body: [UInt8] = []) async throws {
        try await head(status, headers + [("Content-Length", "\(body.count)")])
        if !body.isEmpty { try await chunk(body) }
        try await end()
    }
}

typealias TestRoute = @Sendable (TestRequest, TestResponder) async throws -> Void

/// An HTTP/1.1 server on 127.0.0.1 and an ephemeral port (SwiftNIO), running `route` for
/// every request, until `stop`.
final class TestHTTPServer: Sendable {
    let port: Int
    let stats: ServerStats
    private let channel: any Channel
    private let task: Task<Void, Never>

    var base: String { "http://127.0.0.1:\(port)" }
    func url(_ path: String) -> String { base + path }

    private init(port: Int, stats: ServerStats, channel: any Channel, task: Task<Void, Never>) {
        self.port = port
        self.stats = stats
        self.channel = channel
        self.task = task
    }

    static func start(_ route: @escaping TestRoute) async throws -> TestHTTPServer {
        let stats = ServerStats()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: channel)
                }
            }
        guard let port = server.channel.localAddress?.port else { throw ChannelError.inappropriateOperationForState }
        let task = Task {
            await withDiscardingTaskGroup { group -> Void in
                _ = try? await server.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { await serve(connection, route: route, stats: stats) }
                    }
                }
            }
        }
        return TestHTTPServer(port: port, stats: stats, channel: server.channel, task: task)
    }

    /// Closes the listening socket and every connection, and waits until all is done.
    func stop() async {
        task.cancel()
        try? await channel.close()
        await task.value
    }

    private static func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>,
                              route: TestRoute, stats: ServerStats) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            for try await part in inbound {
                switch part {
                case .head(let received): head = received
                case .body: continue
                case .end:
                    guard let head else { continue }
                    let request = TestRequest(path: head.uri, headers: head.headers)
                    stats.begin(request)
                    do {
                        try await route(request, TestResponder(writer: outbound, stats: stats))
                        stats.end(aborted: false)
                    } catch {
                        stats.end(aborted: true)
                        throw error
                    }
                }
            }
        }
    }
}

/// Runs `body` with a fresh server, and stops the server whatever happens.
func withTestServer<T: Sendable>(_ route: @escaping TestRoute,
                                 _ body: (TestHTTPServer) async throws -> T) async throws -> T {
    let server = try await TestHTTPServer.start(route)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
