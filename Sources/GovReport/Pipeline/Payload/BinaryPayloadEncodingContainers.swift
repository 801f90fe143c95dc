/// A keyed container being written: each entry is its key's UTF-8 and the value.
struct BinaryPayloadKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: BinaryPayloadWriter
    let frame: Int
    let serial: Int
    let depth: Int
    /// Keys of the nested containers this one is in, below the value that owns them.
    let nested: [any CodingKey]

    var codingPath: [any CodingKey] { writer.codingPath(depth: depth, nested: nested) }

    /// Writes the key of a new entry.
    @inline(__always)
    private func begin(_ key: some CodingKey) throws {
        try writer.prepare(frame: frame, serial: serial, path: codingPath + [key])
        writer.frames[frame].count += 1
        writer.writeUTF8(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { try begin(key); writer.writeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try begin(key); writer.writePrimitive(value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try begin(key)
        try writer.encodeValue(value, nested: nested, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let (index, serial) = openNested(key, keyed: true)
        return KeyedEncodingContainer(BinaryPayloadKeyedEncodingContainer<NestedKey>(
            writer: writer, frame: index, serial: serial, depth: depth, nested: nested + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let (index, serial) = openNested(key, keyed: false)
        return BinaryPayloadUnkeyedEncodingContainer(writer: writer, frame: index, serial: serial,
                                                     depth: depth, nested: nested + [key])
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(key: BinaryPayloadKey.super)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(key: key)
    }

    private func superEncoder(key: any CodingKey) -> any Encoder {
        do {
            try begin(key)
        } catch {
            writer.fail("container used after the value that owned it was complete", path: codingPath + [key], value: ())
            return BinaryPayloadValueEncoder(writer: writer, id: writer.newValueID(), start: -1, depth: depth, nested: nested + [key])
        }
        writer.frames[frame].pendingSuper = writer.bytes.count
        return BinaryPayloadValueEncoder(writer: writer, id: writer.newValueID(), start: writer.bytes.count,
                                         depth: depth, nested: nested + [key])
    }

    /// Writes the key and opens the frame of a nested container (no way to throw here: misuse is
    /// recorded and thrown at the end).
    private func openNested(_ key: Key, keyed: Bool) -> (Int, Int) {
        do {
            try begin(key)
        } catch {
            writer.fail("container used after the value that owned it was complete", path: codingPath + [key], value: ())
            return (-1, -1)
        }
        return writer.openFrame(keyed: keyed, owner: writer.newValueID())
    }
}

/// An unkeyed container being written: its values one after the other.
struct BinaryPayloadUnkeyedEncodingContainer: UnkeyedEncodingContainer, BinaryPayloadPrimitiveEncoding {
    let writer: BinaryPayloadWriter
    let frame: Int
    let serial: Int
    let depth: Int
    let nested: [any CodingKey]
    private(set) var count = 0

    init(writer: BinaryPayloadWriter, frame: Int, serial: Int, depth: Int, nested: [any CodingKey]) {
        self.writer = writer
        self.frame = frame
        self.serial = serial
        self.depth = depth
        self.nested = nested
        // A second request for the same container continues where the first one stopped.
        if frame >= 0, frame < writer.frames.count { count = writer.frames[frame].count }
    }

    var codingPath: [any CodingKey] { writer.codingPath(depth: depth, nested: nested) }

    @inline(__always)
    mutating func begin() throws {
        try writer.prepare(frame: frame, serial: serial, path: codingPath + [BinaryPayloadKey.index(count)])
        writer.frames[frame].count += 1
        count += 1
    }

    mutating func encodeNil() throws { try begin(); writer.writeNil() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = count
        try begin()
        try writer.encodeValue(value, nested: nested, key: BinaryPayloadKey.index(index))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = BinaryPayloadKey.index(count)
        let (index, serial) = openNested(keyed: true)
        return KeyedEncodingContainer(BinaryPayloadKeyedEncodingContainer<NestedKey>(
            writer: writer, frame: index, serial: serial, depth: depth, nested: nested + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = BinaryPayloadKey.index(count)
        let (index, serial) = openNested(keyed: false)
        return BinaryPayloadUnkeyedEncodingContainer(writer: writer, frame: index, serial: serial,
                                                     depth: depth, nested: nested + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let key = BinaryPayloadKey.index(count)
        do {
            try begin()
        } catch {
            writer.fail("container used after the value that owned it was complete", path: codingPath + [key], value: ())
            return BinaryPayloadValueEncoder(writer: writer, id: writer.newValueID(), start: -1, depth: depth, nested: nested + [key])
        }
        writer.frames[frame].pendingSuper = writer.bytes.count
        return BinaryPayloadValueEncoder(writer: writer, id: writer.newValueID(), start: writer.bytes.count,
                                         depth: depth, nested: nested + [key])
    }

    private mutating func openNested(keyed: Bool) -> (Int, Int) {
        let key = BinaryPayloadKey.index(count)
        do {
            try begin()
        } catch {
            writer.fail("container used after the value that owned it was complete", path: codingPath + [key], value: ())
            return (-1, -1)
        }
        return writer.openFrame(keyed: keyed, owner: writer.newValueID())
    }
}

/// The single value of a value encoder: written once, where the value starts.
struct BinaryPayloadSingleValueEncodingContainer: SingleValueEncodingContainer, BinaryPayloadPrimitiveEncoding {
    let encoder: BinaryPayloadValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    var writer: BinaryPayloadWriter { encoder.writer }

    @inline(__always)
    func begin() throws {
        guard writer.bytes.count == encoder.start else {
            throw EncodingError.invalidValue((), EncodingError.Context(
                codingPath: codingPath, debugDescription: "single value encoded more than once, or after other values"))
        }
    }

    mutating func encodeNil() throws { try begin(); writer.writeNil() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try begin()
        try writer.encodeValue(value, nested: encoder.nested, key: nil)
    }
}

/// The per-type methods that unkeyed and single value containers share: each starts the value
/// (`begin`) and writes it through the writer's one mapping of primitive types.
protocol BinaryPayloadPrimitiveEncoding {
    var writer: BinaryPayloadWriter { get }
    mutating func begin() throws
}

extension BinaryPayloadPrimitiveEncoding {
    mutating func encode(_ value: Bool) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: String) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: Double) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: Float) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: Int) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: Int8) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: Int16) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: Int32) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: Int64) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: UInt) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: UInt8) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: UInt16) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: UInt32) throws { try begin(); writer.writePrimitive(value) }
    mutating func encode(_ value: UInt64) throws { try begin(); writer.writePrimitive(value) }
}
