import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTPCompression
import NIOPosix
import NIOSSL

/// A failed HTTP exchange: the `StageFailure` code and message, and whether to retry.
struct HTTPFailure: Error, Sendable, Equatable {
    /// Where the exchange stood: an error before the response head is a connection problem.
    enum Phase: Sendable { case connecting, body }

    var code: String
    var message: String
    var retryable: Bool
    var retryAfter: Duration?

    init(_ code: String, _ message: String, retryable: Bool = false, retryAfter: Duration? = nil) {
        self.code = code
        self.message = message
        self.retryable = retryable
        self.retryAfter = retryAfter
    }

    /// Maps what async-http-client and SwiftNIO throw to a stable code.
    static func classify(_ error: any Error, url: String, phase: Phase, options: FetchOptions) -> HTTPFailure {
        switch error {
        case let exceeded as BodyLimiter.Exceeded:
            return HTTPFailure("fetch.too_large", "\(url) sent more than maxBytes \(exceeded.limit) bytes; stopped reading after \(exceeded.received)")
        case NIOHTTPDecompression.DecompressionError.limit:
            return HTTPFailure("fetch.decompression", "\(url): the compressed body inflates to more than maxDecompressedBytes \(options.maxDecompressedBytes) bytes; stopped reading")
        case let error as NIOHTTPDecompression.DecompressionError:
            return HTTPFailure("fetch.decompression", "\(url): the body is not valid gzip or deflate data as its Content-Encoding says (\(error))")
        case let error as NIOHTTPDecompression.ExtraDecompressionError:
            return HTTPFailure("fetch.decompression", "\(url): the gzip or deflate body is damaged (\(error))")
        case let error as HTTPClientError:
            return classify(error, url: url, phase: phase, options: options)
        case let error as NIOSSLError:
            return HTTPFailure("fetch.tls", "TLS with \(url) failed: \(error)")
        case let error as NIOConnectionError:
            let reasons = error.connectionErrors.map { "\($0.target): \(describe($0.error))" }
            let detail = reasons.isEmpty ? (error.dnsAError ?? error.dnsAAAAError).map { "name lookup failed: \($0)" } ?? "\(error)"
                                         : reasons.joined(separator: "; ")
            return HTTPFailure("fetch.connect", "cannot connect to \(url): \(detail)", retryable: true)
        case let error as IOError where phase == .connecting:
            return HTTPFailure("fetch.connect", "cannot connect to \(url): \(describe(error))", retryable: true)
        case let error as ChannelError where phase == .connecting:
            return HTTPFailure("fetch.connect", "cannot connect to \(url): \(error)", retryable: true)
        case is CancellationError:
            return HTTPFailure("fetch.cancelled", "the fetch of \(url) was cancelled")
        default:
            return phase == .connecting
                ? HTTPFailure("fetch.network", "request to \(url) failed: \(describe(error))")
                : HTTPFailure("fetch.network", "connection to \(url) failed while reading the body: \(describe(error))")
        }
    }

    private static func classify(_ error: HTTPClientError, url: String, phase: Phase, options: FetchOptions) -> HTTPFailure {
        switch error {
        case .deadlineExceeded, .readTimeout, .writeTimeout:
            return HTTPFailure("fetch.timeout", "no complete response from \(url) within \(options.timeoutSeconds) s (timeoutSeconds)")
        case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
            return HTTPFailure("fetch.connect", "cannot connect to \(url) within \(options.connectTimeoutSeconds) s (connectTimeoutSeconds)", retryable: true)
        case .remoteConnectionClosed where phase == .connecting:
            return HTTPFailure("fetch.connect", "\(url) closed the connection before answering", retryable: true)
        case .invalidURL, .emptyHost, .emptyScheme:
            return HTTPFailure("fetch.bad_url", "\(url): \(error)")
        case .cancelled:
            return HTTPFailure("fetch.cancelled", "the fetch of \(url) was cancelled")
        default:
            return HTTPFailure("fetch.network", "\(url): \(error)")
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        return "\(error)"
    }
}
