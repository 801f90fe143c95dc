import Foundation

/// How stage outputs are stored in the work store. One place, so the format can change
/// (and with it every cache key, through `formatVersion`) without touching the stages.
///
/// Payloads are in the project's own compact binary form (`BinaryPayloadEncoder`). "bin1"
/// replaced "json1"; the version is part of every stage's fingerprint, so an output stored as
/// JSON matches no cache key any more and is recomputed when its stage runs.
enum PayloadCodec {
    static let formatVersion = "bin1"

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try BinaryPayloadEncoder.encode(value))
    }

    static func decode<T: Decodable>(_: T.Type, from data: Data) throws -> T {
        // Some outputs of a work store from before "bin1" are read without their stage running
        // again: those of a document whose re-fetch failed (kept for the tables) and those that
        // `--from`/`--only` reuse. They are JSON objects, starting with "{", which is no bin1 tag.
        if data.first == UInt8(ascii: "{") { return try JSONDecoder().decode(T.self, from: data) }
        return try data.withUnsafeBytes { try BinaryPayloadDecoder.decode(T.self, from: $0) }
    }
}
