import Crypto
import Foundation

/// Stable document ids: the first 16 hex digits of the SHA-256 of the normalised source.
public enum DocumentID {
    public static func make(source: String) -> String {
        String(sha256Hex(Data(source.utf8)).prefix(16))
    }
}

/// Lower-case hex SHA-256 (swift-crypto).
public func sha256Hex(_ data: some DataProtocol) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}
