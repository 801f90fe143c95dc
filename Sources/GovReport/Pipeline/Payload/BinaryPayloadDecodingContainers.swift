import Foundation

/// A keyed container being read. Keys are looked up by scanning the entries from the one found
/// last: records are decoded in the order they were encoded, so a lookup usually looks at one or
/// two entries, and entries nobody asks for are stepped over by their length, never decoded. A
/// class, because the scan position changes under the protocol's non-mutating methods.
final class BinaryPayloadKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let state: BinaryPayloadDecodingState
    let depth: Int
    let nested: [any CodingKey]
    private let entriesStart: Int
    private let end: Int
    private let count: Int
    /// Where the next lookup starts: the entry found last, and its index.
    private var cursor: Int
    private var cursorIndex = 0

    init(state: BinaryPayloadDecodingState, offset: Int, end: Int, depth: Int, nested: [any CodingKey]) throws {
        self.state = state
        self.depth = depth
        self.nested = nested
        let tag = try state.tag(at: offset, end: end, path: state.codingPath(depth: depth, nested: nested))
        guard tag == .keyed else {
            throw state.mismatch([String: Any].self, found: tag, path: state.codingPath(depth: depth, nested: nested))
        }
        let reader = state.reader
        var position = offset + 1
        (self.end, count) = try state.check({ () throws(BinaryPayloadReader.Corrupt) in
            let length = try reader.length(at: &position, limit: end)
            let bodyEnd = position + length
            // Each entry takes at least two bytes (key length, tag); the check also keeps a
            // corrupt count from driving a long scan.
            let count = try reader.length(at: &position, limit: bodyEnd)
            guard count <= (bodyEnd - position) / 2 else {
                throw BinaryPayloadReader.Corrupt("count \(count) too large for its container at byte \(offset)")
            }
            return (bodyEnd, count)
        }, path: state.codingPath(depth: depth, nested: nested))
        entriesStart = position
        cursor = position
    }

    var codingPath: [any CodingKey] { state.codingPath(depth: depth, nested: nested) }

    var allKeys: [Key] {
        var keys: [Key] = []
        keys.reserveCapacity(count)
        let reader = state.reader
        var position = entriesStart
        for _ in 0..<count {
            guard let (key, valueEnd) = try? { () throws(BinaryPayloadReader.Corrupt) -> (String, Int) in
                let length = try reader.length(at: &position, limit: end)
                let key = try reader.string(position, length)
                return (key, try reader.end(ofValueAt: position + length, limit: end))
            }() else { break }  // The decode calls for these keys will report the damage.
            if let key = Key(stringValue: key) { keys.append(key) }
            position = valueEnd
        }
        return keys
    }

    /// The extent of the value stored under `key`, or nil if there is no such entry.
    private func find(_ key: some CodingKey) throws -> (offset: Int, end: Int)? {
        guard count > 0 else { return nil }
        var name = key.stringValue
        let reader = state.reader
        let (found, entry, index) = try name.withUTF8 { wanted in
            try state.check({ () throws(BinaryPayloadReader.Corrupt) -> ((offset: Int, end: Int)?, Int, Int) in
                var entry = cursor
                var index = cursorIndex
                for _ in 0..<count {
                    var position = entry
                    let length = try reader.length(at: &position, limit: end)
                    let valueStart = position + length
                    let valueEnd = try reader.end(ofValueAt: valueStart, limit: end)
                    if length == wanted.count, length == 0 || memcmp(reader.bytes.baseAddress! + position, wanted.baseAddress!, length) == 0 {
                        return ((valueStart, valueEnd), entry, index)
                    }
                    entry = valueEnd
                    index += 1
                    if index == count {
                        guard entry == end else { throw BinaryPayloadReader.Corrupt("bytes after the last entry of the container ending at byte \(end)") }
                        entry = entriesStart
                        index = 0
                    }
                }
                return (nil, cursor, cursorIndex)
            }, path: codingPath + [key])
        }
        cursor = entry
        cursorIndex = index
        return found
    }

    private func value(_ key: some CodingKey) throws -> (offset: Int, end: Int) {
        guard let value = try find(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "no value for key \"\(key.stringValue)\""))
        }
        return value
    }

    func contains(_ key: Key) -> Bool {
        // A damaged container says yes, so that the decode that follows reports the damage.
        do { return try find(key) != nil } catch { return true }
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        let value = try value(key)
        return state.isNil(at: value.offset, end: value.end)
    }

    // The primitive overloads, so that a record's fields are read without a decoder per field.
    // The four types records use call their reader directly: through the generic `primitive`,
    // which the compiler leaves unspecialised in this generic class, each field cost a lookup of
    // Optional<T>'s metadata and a dynamic cast.

    func decode(_: Bool.Type, forKey key: Key) throws -> Bool { let v = try value(key); return try state.decodeBool(at: v.offset, end: v.end, path: codingPath + [key]) }
    func decode(_: String.Type, forKey key: Key) throws -> String { let v = try value(key); return try state.decodeString(at: v.offset, end: v.end, path: codingPath + [key]) }
    func decode(_: Double.Type, forKey key: Key) throws -> Double { let v = try value(key); return try state.decodeDouble(at: v.offset, end: v.end, path: codingPath + [key]) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try primitive(type, key) }
    func decode(_: Int.Type, forKey key: Key) throws -> Int { let v = try value(key); return try state.decodeInteger(Int.self, at: v.offset, end: v.end, path: codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try primitive(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try primitive(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try primitive(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try primitive(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try primitive(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try primitive(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try primitive(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try primitive(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try primitive(type, key) }

    private func primitive<T: Decodable>(_: T.Type, _ key: Key) throws -> T {
        let value = try value(key)
        guard let result = try state.decodePrimitive(T.self, at: value.offset, end: value.end, path: codingPath + [key]) else {
            preconditionFailure("\(T.self) is not a primitive")
        }
        return result
    }

    func decode<T: Decodable>(_: T.Type, forKey key: Key) throws -> T {
        let value = try value(key)
        return try state.decodeValue(T.self, at: value.offset, end: value.end, nested: nested, key: key)
    }

    // One lookup for a missing key, nil and a value (the protocol's defaults look up three times).

    func decodeIfPresent(_: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let v = try present(key) else { return nil }
        return try state.decodeBool(at: v.offset, end: v.end, path: codingPath + [key])
    }
    func decodeIfPresent(_: String.Type, forKey key: Key) throws -> String? {
        guard let v = try present(key) else { return nil }
        return try state.decodeString(at: v.offset, end: v.end, path: codingPath + [key])
    }
    func decodeIfPresent(_: Double.Type, forKey key: Key) throws -> Double? {
        guard let v = try present(key) else { return nil }
        return try state.decodeDouble(at: v.offset, end: v.end, path: codingPath + [key])
    }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try ifPresent(type, key) }
    func decodeIfPresent(_: Int.Type, forKey key: Key) throws -> Int? {
        guard let v = try present(key) else { return nil }
        return try state.decodeInteger(Int.self, at: v.offset, end: v.end, path: codingPath + [key])
    }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try ifPresent(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try ifPresent(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try ifPresent(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try ifPresent(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try ifPresent(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try ifPresent(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try ifPresent(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try ifPresent(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try ifPresent(type, key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try ifPresent(type, key) }

    private func ifPresent<T: Decodable>(_: T.Type, _ key: Key) throws -> T? {
        guard let value = try present(key) else { return nil }
        return try state.decodeValue(T.self, at: value.offset, end: value.end, nested: nested, key: key)
    }

    /// The extent of the value under `key`; nil when there is no such entry or it is nil.
    private func present(_ key: Key) throws -> (offset: Int, end: Int)? {
        guard let value = try find(key), !state.isNil(at: value.offset, end: value.end) else { return nil }
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let value = try value(key)
        return KeyedDecodingContainer(try BinaryPayloadKeyedDecodingContainer<NestedKey>(
            state: state, offset: value.offset, end: value.end, depth: depth, nested: nested + [key]))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let value = try value(key)
        return try BinaryPayloadUnkeyedDecodingContainer(state: state, offset: value.offset, end: value.end,
                                                         depth: depth, nested: nested + [key])
    }

    // The default key "super" need not be one of `Key` (the encoder writes it whatever the keys).
    func superDecoder() throws -> any Decoder { try superDecoder(BinaryPayloadKey.super) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(key) }

    private func superDecoder(_ key: some CodingKey) throws -> any Decoder {
        let value = try value(key)
        return BinaryPayloadValueDecoder(state: state, offset: value.offset, end: value.end, depth: depth, nested: nested + [key])
    }
}

/// An unkeyed container being read, one value after the other.
struct BinaryPayloadUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let state: BinaryPayloadDecodingState
    let depth: Int
    let nested: [any CodingKey]
    private let end: Int
    private let total: Int
    private var position: Int
    private(set) var currentIndex = 0

    init(state: BinaryPayloadDecodingState, offset: Int, end: Int, depth: Int, nested: [any CodingKey]) throws {
        self.state = state
        self.depth = depth
        self.nested = nested
        let tag = try state.tag(at: offset, end: end, path: state.codingPath(depth: depth, nested: nested))
        guard tag == .unkeyed else {
            throw state.mismatch([Any].self, found: tag, path: state.codingPath(depth: depth, nested: nested))
        }
        let reader = state.reader
        var position = offset + 1
        (self.end, total) = try state.check({ () throws(BinaryPayloadReader.Corrupt) in
            let length = try reader.length(at: &position, limit: end)
            let bodyEnd = position + length
            // Each value takes at least its tag byte.
            let count = try reader.length(at: &position, limit: bodyEnd)
            return (bodyEnd, count)
        }, path: state.codingPath(depth: depth, nested: nested))
        self.position = position
    }

    var codingPath: [any CodingKey] { state.codingPath(depth: depth, nested: nested) }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    private var key: BinaryPayloadKey { .index(currentIndex) }

    /// The extent of the next value; the caller moves past it once it is decoded.
    private func next<T>(_: T.Type) throws -> (offset: Int, end: Int) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(T.self, DecodingError.Context(
                codingPath: codingPath + [key], debugDescription: "unkeyed container is at its end"))
        }
        let reader = state.reader
        let start = self.position, limit = self.end, last = currentIndex == total - 1
        let valueEnd = try state.check({ () throws(BinaryPayloadReader.Corrupt) in
            let valueEnd = try reader.end(ofValueAt: start, limit: limit)
            guard !last || valueEnd == limit else {
                throw BinaryPayloadReader.Corrupt("bytes after the last value of the container ending at byte \(limit)")
            }
            return valueEnd
        }, path: codingPath + [key])
        return (start, valueEnd)
    }

    private mutating func advance(to end: Int) {
        position = end
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        let value = try next(Never?.self)
        guard state.isNil(at: value.offset, end: value.end) else { return false }
        advance(to: value.end)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try primitive(type) }
    mutating func decode(_ type: String.Type) throws -> String { try primitive(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try primitive(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try primitive(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try primitive(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try primitive(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try primitive(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try primitive(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try primitive(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try primitive(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try primitive(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try primitive(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try primitive(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try primitive(type) }

    private mutating func primitive<T: Decodable>(_: T.Type) throws -> T {
        let value = try next(T.self)
        guard let result = try state.decodePrimitive(T.self, at: value.offset, end: value.end, path: codingPath + [key]) else {
            preconditionFailure("\(T.self) is not a primitive")
        }
        advance(to: value.end)
        return result
    }

    mutating func decode<T: Decodable>(_: T.Type) throws -> T {
        let value = try next(T.self)
        let result = try state.decodeValue(T.self, at: value.offset, end: value.end, nested: nested, key: key)
        advance(to: value.end)
        return result
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let value = try next(KeyedDecodingContainer<NestedKey>.self)
        let container = try BinaryPayloadKeyedDecodingContainer<NestedKey>(
            state: state, offset: value.offset, end: value.end, depth: depth, nested: nested + [key])
        advance(to: value.end)
        return KeyedDecodingContainer(container)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let value = try next((any UnkeyedDecodingContainer).self)
        let container = try BinaryPayloadUnkeyedDecodingContainer(
            state: state, offset: value.offset, end: value.end, depth: depth, nested: nested + [key])
        advance(to: value.end)
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let value = try next((any Decoder).self)
        let decoder = BinaryPayloadValueDecoder(state: state, offset: value.offset, end: value.end,
                                                depth: depth, nested: nested + [key])
        advance(to: value.end)
        return decoder
    }
}
