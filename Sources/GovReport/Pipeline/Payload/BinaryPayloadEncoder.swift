/// Encodes any `Encodable` into the binary payload format (see `BinaryPayloadTag`).
///
/// Written here rather than taken from elsewhere: Foundation offers only JSON and property lists,
/// and swift-protobuf would need a `.proto` schema and generated types for every record, while our
/// records are `Codable` already.
///
/// The whole value is written into one growing byte array. A container writes its tag and a
/// two-byte slot for its body length and count, then its entries; once done (at the next write
/// to a container further out, or when the value that opened it returns) the slot is filled in,
/// widened in place in the rare case that the body length or count needs more than one byte.
enum BinaryPayloadEncoder {
    /// - Parameter records: write `BinaryPayloadRecord`s their own way (false: through
    ///   Codable, which gives the same bytes; for the tests that hold the two together).
    static func encode<T: Encodable>(_ value: T, records: Bool = true) throws -> [UInt8] {
        let writer = BinaryPayloadWriter()
        writer.usesRecords = records
        try writer.encodeValue(value, nested: [], key: nil)
        while !writer.frames.isEmpty { writer.closeTopFrame() }
        if let failure = writer.failure { throw failure }
        return writer.bytes
    }
}

/// The state of one encoding: the bytes, the open containers and the coding path.
final class BinaryPayloadWriter {
    /// An open container: where its length/count slot is and how many entries it has.
    struct Frame {
        var slot: Int
        var count: Int
        /// The value that opened it (the same value may ask for its container again).
        let owner: Int
        /// Tells a container handle whether its frame is still the one it opened.
        let serial: Int
        /// Offset where a value handed out by `superEncoder` should start; -1 when none is due.
        var pendingSuper: Int
    }

    // Unchecked exclusivity: one writer encodes one value on one thread, and no method reaches a
    // property while it modifies that property. Checked, every byte and frame written went
    // through the runtime's access set (swift_beginAccess): half of what encoding a stage
    // output cost (290 M of 200 pages' 5,528 M instructions; 139 M unchecked).
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var frames: [Frame] = []
    /// Keys from the top-level value down to the value being encoded (the coding path, kept as
    /// a stack so that no array is built per value).
    @exclusivity(unchecked) var keyStack: [any CodingKey] = []
    /// Misuse found where Codable gives no way to throw (asking for two kinds of container);
    /// thrown once the value is written.
    var failure: EncodingError?
    var usesRecords = true
    @exclusivity(unchecked) private var nextID = 0
    @exclusivity(unchecked) private var nextSerial = 0

    init() {
        bytes.reserveCapacity(4096)
        frames.reserveCapacity(16)
        keyStack.reserveCapacity(16)
    }

    func newValueID() -> Int {
        nextID += 1
        return nextID
    }

    func codingPath(depth: Int, nested: [any CodingKey]) -> [any CodingKey] {
        Array(keyStack.prefix(depth)) + nested
    }

    func fail(_ message: String, path: [any CodingKey], value: Any) {
        if failure == nil {
            failure = .invalidValue(value, EncodingError.Context(codingPath: path, debugDescription: message))
        }
    }

    // MARK: Values

    /// Writes a nested or top-level value: primitives directly, anything else through its own
    /// `encode(to:)`. The keys of the nested containers it is in (if any) and its own key are on
    /// the coding path while it is written.
    func encodeValue<T: Encodable>(_ value: T, nested: [any CodingKey], key: (any CodingKey)?) throws {
        if encodePrimitive(value) { return }
        if usesRecords, let record = value as? any BinaryPayloadRecord {
            writeRecord(record)
            return
        }
        let pushed = nested.count + (key == nil ? 0 : 1)
        if !nested.isEmpty { keyStack.append(contentsOf: nested) }
        if let key { keyStack.append(key) }
        defer { keyStack.removeLast(pushed) }
        let start = bytes.count
        let base = frames.count
        try value.encode(to: BinaryPayloadValueEncoder(writer: self, id: newValueID(), start: start, depth: keyStack.count, nested: []))
        while frames.count > base { closeTopFrame() }
        // A value that wrote nothing is an empty keyed container, as in JSON (`{}`).
        if bytes.count == start { writeEmptyKeyed() }
    }

    /// Writes Swift's primitive types without going through an encoder (the common case of the
    /// generic `encode(_:)` that arrays and optionals call).
    @inline(__always)
    func encodePrimitive<T: Encodable>(_ value: T) -> Bool {
        if T.self == String.self { write(value as! String) }
        else if T.self == Int.self { write(signed: Int64(value as! Int)) }
        else if T.self == Double.self { write(value as! Double) }
        else if T.self == Bool.self { write(value as! Bool) }
        else if T.self == Int64.self { write(signed: value as! Int64) }
        else if T.self == Int32.self { write(signed: Int64(value as! Int32)) }
        else if T.self == Int16.self { write(signed: Int64(value as! Int16)) }
        else if T.self == Int8.self { write(signed: Int64(value as! Int8)) }
        else if T.self == UInt.self { write(unsigned: UInt64(value as! UInt)) }
        else if T.self == UInt64.self { write(unsigned: value as! UInt64) }
        else if T.self == UInt32.self { write(unsigned: UInt64(value as! UInt32)) }
        else if T.self == UInt16.self { write(unsigned: UInt64(value as! UInt16)) }
        else if T.self == UInt8.self { write(unsigned: UInt64(value as! UInt8)) }
        else if T.self == Float.self { write(value as! Float) }
        else { return false }
        return true
    }

    /// A value of a primitive type, as the containers' per-type methods hand it over.
    @inline(__always)
    func writePrimitive<T: Encodable>(_ value: T) {
        let written = encodePrimitive(value)
        assert(written, "\(T.self) is not a primitive type")
    }

    @inline(__always)
    func writeTag(_ tag: BinaryPayloadTag) {
        bytes.append(tag.rawValue)
    }

    func writeNil() { writeTag(.null) }

    func write(_ value: Bool) { writeTag(value ? .true : .false) }

    func write(signed value: Int64) {
        writeTag(.int)
        BinaryPayloadVarint.append(BinaryPayloadVarint.zigzag(value), to: &bytes)
    }

    func write(unsigned value: UInt64) {
        writeTag(.uint)
        BinaryPayloadVarint.append(value, to: &bytes)
    }

    func write(_ value: Double) {
        writeTag(.double)
        var bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }

    func write(_ value: Float) {
        writeTag(.float)
        var bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }

    func write(_ value: String) {
        writeTag(.string)
        writeUTF8(value)
    }

    /// Varint byte count and the UTF-8 bytes (strings and keys).
    @inline(__always)
    func writeUTF8(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            BinaryPayloadVarint.append(UInt64(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    private func writeEmptyKeyed() {
        writeTag(.keyed)
        bytes.append(1)  // body length: the count byte
        bytes.append(0)  // count
    }

    // MARK: Containers

    /// Writes a container's tag and its slot, and opens its frame.
    func openFrame(keyed: Bool, owner: Int) -> (index: Int, serial: Int) {
        writeTag(keyed ? .keyed : .unkeyed)
        nextSerial += 1
        frames.append(Frame(slot: bytes.count, count: 0, owner: owner, serial: nextSerial, pendingSuper: -1))
        bytes.append(0)
        bytes.append(0)
        return (frames.count - 1, nextSerial)
    }

    /// Makes the frame the innermost open one before an entry is added to it: containers nested
    /// in it are complete by then. Throws if it was closed already (a container used after the
    /// value that owned it returned).
    @inline(__always)
    func prepare(frame index: Int, serial: Int, path: @autoclosure () -> [any CodingKey]) throws {
        if index >= 0 { while frames.count > index + 1 { closeTopFrame() } }
        guard index >= 0, index < frames.count, frames[index].serial == serial else {
            throw EncodingError.invalidValue((), EncodingError.Context(
                codingPath: path(), debugDescription: "container used after the value that owned it was complete"))
        }
        if frames[index].pendingSuper >= 0 { settleSuper(index) }
    }

    /// A super encoder that was handed out but not used still leaves a value: `{}`.
    private func settleSuper(_ index: Int) {
        if bytes.count == frames[index].pendingSuper { writeEmptyKeyed() }
        frames[index].pendingSuper = -1
    }

    /// Fills in the slot of the innermost open container.
    func closeTopFrame() {
        if frames[frames.count - 1].pendingSuper >= 0 { settleSuper(frames.count - 1) }
        let frame = frames.removeLast()
        let count = UInt64(frame.count)
        let countBytes = BinaryPayloadVarint.byteCount(count)
        let bodyLength = UInt64(countBytes + bytes.count - (frame.slot + 2))
        let lengthBytes = BinaryPayloadVarint.byteCount(bodyLength)
        if lengthBytes + countBytes > 2 {
            bytes.insert(contentsOf: repeatElement(0, count: lengthBytes + countBytes - 2), at: frame.slot + 2)
        }
        let next = BinaryPayloadVarint.write(bodyLength, into: &bytes, at: frame.slot)
        _ = BinaryPayloadVarint.write(count, into: &bytes, at: next)
    }

    /// Finds the open frame a value opened (for a second request of the same container).
    func frame(ownedBy id: Int) -> Int? {
        frames.lastIndex { $0.owner == id }
    }
}

/// The `Encoder` handed to one value's `encode(to:)`. A struct: most values of a payload are
/// nested structs, and they should cost no allocation of their own.
struct BinaryPayloadValueEncoder: Encoder {
    let writer: BinaryPayloadWriter
    /// Identifies the value, so that asking twice for its keyed container gives the same one.
    let id: Int
    /// Where the value starts in the bytes: if anything was written since, it has its value.
    let start: Int
    /// The coding path: the first `depth` keys of the writer's stack, then `nested` (keys of the
    /// nested containers a super encoder was taken from; usually none).
    let depth: Int
    let nested: [any CodingKey]

    var codingPath: [any CodingKey] { writer.codingPath(depth: depth, nested: nested) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The frame for this value's container of the given kind, opened if it is the first request.
    private func frame(keyed: Bool) -> (index: Int, serial: Int) {
        if let index = writer.frame(ownedBy: id) {
            let tag = writer.bytes[writer.frames[index].slot - 1]
            if tag != (keyed ? BinaryPayloadTag.keyed : .unkeyed).rawValue {
                writer.fail("value asked for a keyed and an unkeyed container", path: codingPath, value: ())
            }
            while writer.frames.count > index + 1 { writer.closeTopFrame() }
            return (index, writer.frames[index].serial)
        }
        guard writer.bytes.count == start else {
            writer.fail("value encoded more than once, or after its container was complete", path: codingPath, value: ())
            return (-1, -1)
        }
        return writer.openFrame(keyed: keyed, owner: id)
    }

    func container<Key: CodingKey>(keyedBy _: Key.Type) -> KeyedEncodingContainer<Key> {
        let (index, serial) = frame(keyed: true)
        return KeyedEncodingContainer(BinaryPayloadKeyedEncodingContainer<Key>(
            writer: writer, frame: index, serial: serial, depth: depth, nested: nested))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let (index, serial) = frame(keyed: false)
        return BinaryPayloadUnkeyedEncodingContainer(writer: writer, frame: index, serial: serial, depth: depth, nested: nested)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        BinaryPayloadSingleValueEncodingContainer(encoder: self)
    }
}
