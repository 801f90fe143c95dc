import Foundation

/// How stage outputs are stored in the work store. One place, so the format can change
/// (and with it every cache key, through `formatVersion`) without touching the stages.
enum PayloadCodec {
    static let formatVersion = "json1"

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        try JSONEncoder().encode(value)
    }

    static func decode<T: Decodable>(_: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(T.self, from: data)
    }
}
