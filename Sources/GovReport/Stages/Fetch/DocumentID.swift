import Crypto
import Foundation

/// Stable document ids: the first 16 hex digits of the SHA-256 of the normalised source.
public enum DocumentID {
    public static func make(source: String) -> String {
        String(sha256Hex(Data(source.utf8)).prefix(16))
    }
}

/// Lower-case hex SHA-256 (swift-crypto). The digits are written from a table: formatting each
/// byte with `String(format:)` cost more than hashing the bytes (the runner hashes every stage
/// output and cache key).
public func sha256Hex(_ data: some DataProtocol) -> String {
    hexDigest(SHA256.hash(data: data))
}

/// A finished digest in lower-case hex (for hashes fed piece by piece).
func hexDigest(_ digest: SHA256.Digest) -> String {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
        var index = 0
        for byte in digest {
            buffer[index] = digits[Int(byte >> 4)]
            buffer[index + 1] = digits[Int(byte & 0x0F)]
            index += 2
        }
        return index
    }
}
