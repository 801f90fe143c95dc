/// Decodes a `Decodable` from the binary payload format (see `BinaryPayloadTag`), reading the
/// bytes in place. Values a type does not ask for are stepped over by their length, never
/// decoded; every length, count and varint is checked against the bytes that are there, so a
/// damaged payload throws a `DecodingError` rather than reading out of bounds.
enum BinaryPayloadDecoder {
    /// - Parameter records: read `BinaryPayloadRecord`s their own way (false: through Codable
    ///   only; for the tests that hold the two together).
    static func decode<T: Decodable>(_: T.Type, from bytes: UnsafeRawBufferPointer, records: Bool = true) throws -> T {
        let state = BinaryPayloadDecodingState(BinaryPayloadReader(bytes: bytes))
        state.usesRecords = records
        let end = try state.check({ () throws(BinaryPayloadReader.Corrupt) in
            try state.reader.end(ofValueAt: 0, limit: bytes.count)
        }, path: [])
        guard end == bytes.count else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: [], debugDescription: "\(bytes.count - end) bytes after the end of the value"))
        }
        return try state.decodeValue(T.self, at: 0, end: end, nested: [], key: nil)
    }
}

/// The state of one decoding: the bytes and the coding path.
final class BinaryPayloadDecodingState {
    let reader: BinaryPayloadReader
    /// Keys from the top-level value down to the value being decoded (the coding path, kept as
    /// a stack so that no array is built per value).
    var keyStack: [any CodingKey] = []
    var usesRecords = true

    init(_ reader: BinaryPayloadReader) {
        self.reader = reader
        keyStack.reserveCapacity(16)
    }

    func codingPath(depth: Int, nested: [any CodingKey]) -> [any CodingKey] {
        Array(keyStack.prefix(depth)) + nested
    }

    /// Runs a read of the bytes, turning a `Corrupt` into `DecodingError.dataCorrupted`.
    @inline(__always)
    func check<R>(_ body: () throws(BinaryPayloadReader.Corrupt) -> R, path: @autoclosure () -> [any CodingKey]) throws -> R {
        do {
            return try body()
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: error.message))
        }
    }

    func mismatch(_ type: Any.Type, found tag: BinaryPayloadTag, path: [any CodingKey]) -> DecodingError {
        if tag == .null {
            return .valueNotFound(type, DecodingError.Context(codingPath: path, debugDescription: "expected \(type) but found nil"))
        }
        return .typeMismatch(type, DecodingError.Context(codingPath: path, debugDescription: "expected \(type) but found \(tag.name)"))
    }

    // MARK: Values

    /// Decodes the value at `offset` (which ends at `end`): primitives directly, anything else
    /// through its own `init(from:)`.
    func decodeValue<T: Decodable>(_: T.Type, at offset: Int, end: Int, nested: [any CodingKey], key: (any CodingKey)?) throws -> T {
        if let value = try decodePrimitive(T.self, at: offset, end: end, path: keyStack + nested + (key.map { [$0] } ?? [])) {
            return value
        }
        if usesRecords, let record = T.self as? any BinaryPayloadReadable.Type, let value = readRecord(record, at: offset, end: end) as? T {
            return value
        }
        let pushed = nested.count + (key == nil ? 0 : 1)
        if !nested.isEmpty { keyStack.append(contentsOf: nested) }
        if let key { keyStack.append(key) }
        defer { keyStack.removeLast(pushed) }
        let depth = keyStack.count
        return try T(from: BinaryPayloadValueDecoder(state: self, offset: offset, end: end, depth: depth, nested: []))
    }

    /// Swift's primitive types without going through a decoder (the common case of the generic
    /// `decode(_:)` that arrays and optionals call).
    @inline(__always)
    func decodePrimitive<T: Decodable>(_: T.Type, at offset: Int, end: Int, path: @autoclosure () -> [any CodingKey]) throws -> T? {
        if T.self == String.self { return try decodeString(at: offset, end: end, path: path()) as? T }
        if T.self == Int.self { return try decodeInteger(Int.self, at: offset, end: end, path: path()) as? T }
        if T.self == Double.self { return try decodeDouble(at: offset, end: end, path: path()) as? T }
        if T.self == Bool.self { return try decodeBool(at: offset, end: end, path: path()) as? T }
        if T.self == Int64.self { return try decodeInteger(Int64.self, at: offset, end: end, path: path()) as? T }
        if T.self == Int32.self { return try decodeInteger(Int32.self, at: offset, end: end, path: path()) as? T }
        if T.self == Int16.self { return try decodeInteger(Int16.self, at: offset, end: end, path: path()) as? T }
        if T.self == Int8.self { return try decodeInteger(Int8.self, at: offset, end: end, path: path()) as? T }
        if T.self == UInt.self { return try decodeInteger(UInt.self, at: offset, end: end, path: path()) as? T }
        if T.self == UInt64.self { return try decodeInteger(UInt64.self, at: offset, end: end, path: path()) as? T }
        if T.self == UInt32.self { return try decodeInteger(UInt32.self, at: offset, end: end, path: path()) as? T }
        if T.self == UInt16.self { return try decodeInteger(UInt16.self, at: offset, end: end, path: path()) as? T }
        if T.self == UInt8.self { return try decodeInteger(UInt8.self, at: offset, end: end, path: path()) as? T }
        if T.self == Float.self { return try decodeFloat(at: offset, end: end, path: path()) as? T }
        return nil
    }

    @inline(__always)
    func tag(at offset: Int, end: Int, path: @autoclosure () -> [any CodingKey]) throws -> BinaryPayloadTag {
        try check({ () throws(BinaryPayloadReader.Corrupt) in try reader.tag(at: offset, limit: end) }, path: path())
    }

    func isNil(at offset: Int, end: Int) -> Bool {
        offset < end && reader.bytes[offset] == BinaryPayloadTag.null.rawValue
    }

    func decodeBool(at offset: Int, end: Int, path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        switch try tag(at: offset, end: end, path: path()) {
        case .true: return true
        case .false: return false
        case let tag: throw mismatch(Bool.self, found: tag, path: path())
        }
    }

    /// Any integer width from either integer tag, if the value fits (else `dataCorrupted`).
    func decodeInteger<T: FixedWidthInteger>(_: T.Type, at offset: Int, end: Int, path: @autoclosure () -> [any CodingKey]) throws -> T {
        var position = offset + 1
        let result: T?
        let found: String
        switch try tag(at: offset, end: end, path: path()) {
        case .int:
            let value = BinaryPayloadVarint.unzigzag(try check({ () throws(BinaryPayloadReader.Corrupt) in
                try reader.varint(at: &position, limit: end)
            }, path: path()))
            result = T(exactly: value)
            found = String(value)
        case .uint:
            let value = try check({ () throws(BinaryPayloadReader.Corrupt) in try reader.varint(at: &position, limit: end) }, path: path())
            result = T(exactly: value)
            found = String(value)
        case let tag:
            throw mismatch(T.self, found: tag, path: path())
        }
        guard let result else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: "\(found) does not fit in \(T.self)"))
        }
        return result
    }

    func decodeDouble(at offset: Int, end: Int, path: @autoclosure () -> [any CodingKey]) throws -> Double {
        switch try tag(at: offset, end: end, path: path()) {
        case .double:
            return Double(bitPattern: try check({ () throws(BinaryPayloadReader.Corrupt) in
                try reader.littleEndian64(at: offset + 1, limit: end)
            }, path: path()))
        case .float:
            return Double(try decodeFloat(at: offset, end: end, path: path()))
        case .int, .uint:
            // A whole number stored by an older record whose field was an integer.
            let integer = try decodeInteger(Int64.self, at: offset, end: end, path: path())
            guard let value = Double(exactly: integer) else {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: "\(integer) is not exact as a Double"))
            }
            return value
        case let tag:
            throw mismatch(Double.self, found: tag, path: path())
        }
    }

    func decodeFloat(at offset: Int, end: Int, path: @autoclosure () -> [any CodingKey]) throws -> Float {
        switch try tag(at: offset, end: end, path: path()) {
        case .float:
            return Float(bitPattern: try check({ () throws(BinaryPayloadReader.Corrupt) in
                try reader.littleEndian32(at: offset + 1, limit: end)
            }, path: path()))
        case .double:
            let value = try decodeDouble(at: offset, end: end, path: path())
            guard !value.isFinite || abs(value) <= Double(Float.greatestFiniteMagnitude) else {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: "\(value) does not fit in Float"))
            }
            return Float(value)
        case .int, .uint:
            let integer = try decodeInteger(Int64.self, at: offset, end: end, path: path())
            guard let value = Float(exactly: integer) else {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: "\(integer) is not exact as a Float"))
            }
            return value
        case let tag:
            throw mismatch(Float.self, found: tag, path: path())
        }
    }

    func decodeString(at offset: Int, end: Int, path: @autoclosure () -> [any CodingKey]) throws -> String {
        let tag = try tag(at: offset, end: end, path: path())
        guard tag == .string else { throw mismatch(String.self, found: tag, path: path()) }
        return try check({ () throws(BinaryPayloadReader.Corrupt) in
            var position = offset + 1
            let count = try reader.length(at: &position, limit: end)
            return try reader.string(position, count)
        }, path: path())
    }
}

/// The `Decoder` handed to one value's `init(from:)`, and its single value container. A struct:
/// most values of a payload are nested structs, and they should cost no allocation of their own.
struct BinaryPayloadValueDecoder: Decoder, SingleValueDecodingContainer {
    let state: BinaryPayloadDecodingState
    /// The value's bytes: `offset..<end` (its extent already checked).
    let offset: Int
    let end: Int
    /// The coding path: the first `depth` keys of the state's stack, then `nested`.
    let depth: Int
    let nested: [any CodingKey]

    var codingPath: [any CodingKey] { state.codingPath(depth: depth, nested: nested) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try BinaryPayloadKeyedDecodingContainer<Key>(
            state: state, offset: offset, end: end, depth: depth, nested: nested))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try BinaryPayloadUnkeyedDecodingContainer(state: state, offset: offset, end: end, depth: depth, nested: nested)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { state.isNil(at: offset, end: end) }
    func decode(_ type: Bool.Type) throws -> Bool { try primitive(type) }
    func decode(_ type: String.Type) throws -> String { try primitive(type) }
    func decode(_ type: Double.Type) throws -> Double { try primitive(type) }
    func decode(_ type: Float.Type) throws -> Float { try primitive(type) }
    func decode(_ type: Int.Type) throws -> Int { try primitive(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try primitive(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try primitive(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try primitive(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try primitive(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try primitive(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try primitive(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try primitive(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try primitive(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try primitive(type) }

    private func primitive<T: Decodable>(_: T.Type) throws -> T {
        guard let result = try state.decodePrimitive(T.self, at: offset, end: end, path: codingPath) else {
            preconditionFailure("\(T.self) is not a primitive")
        }
        return result
    }

    func decode<T: Decodable>(_: T.Type) throws -> T {
        try state.decodeValue(T.self, at: offset, end: end, nested: nested, key: nil)
    }
}
