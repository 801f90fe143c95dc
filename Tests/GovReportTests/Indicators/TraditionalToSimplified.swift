import COpenCC
import Foundation

/// Traditional → simplified with OpenCC's `t2s.json`, through the C API as the normalize stage
/// does before extraction, so that the taxonomy is tried on what a traditional report becomes.
final class TraditionalToSimplified {
    struct OpenFailed: Error, CustomStringConvertible {
        var description: String
    }

    private let handle: opencc_t

    init() throws {
        // A bare name: OpenCC looks it up in its installed data directory.
        let opened = opencc_open("t2s.json")
        guard let opened, opened != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw OpenFailed(description: "opencc_open(t2s.json): " + (opencc_error().map { String(cString: $0) } ?? "unknown error"))
        }
        handle = opened
    }

    deinit {
        opencc_close(handle)
    }

    func callAsFunction(_ text: String) -> String {
        var input = text
        let output = input.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { opencc_convert_utf8(handle, $0.baseAddress, $0.count) }
        }
        guard let output else { return "" }
        defer { opencc_convert_utf8_free(output) }
        return String(cString: output)
    }
}
