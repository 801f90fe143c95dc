import NIOCore

/// Reads a streamed response body into memory up to a limit, and stops reading the moment the
/// limit is passed: returning from the loop drops the body iterator, which makes
/// async-http-client cancel the request and close the connection, so the rest is never received.
enum BodyLimiter {
    struct Exceeded: Error, Equatable {
        let limit: Int
        /// Bytes received when reading stopped (at most one chunk past the limit).
        let received: Int
    }

    static func collect<Body: AsyncSequence>(_ body: Body, limit: Int, expectedLength: Int? = nil) async throws -> [UInt8]
        where Body.Element == ByteBuffer {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(expectedLength ?? 64 * 1024, limit))
        for try await chunk in body {
            if bytes.count + chunk.readableBytes > limit {
                throw Exceeded(limit: limit, received: bytes.count + chunk.readableBytes)
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }
}
