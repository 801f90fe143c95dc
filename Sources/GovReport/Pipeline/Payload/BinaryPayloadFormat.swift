import Foundation

/// The binary payload format ("bin1"): every value starts with a one-byte tag.
///
///     nil | false | true                       tag only
///     int                                      tag, zigzag varint (signed LEB128)
///     uint                                     tag, varint
///     double | float                           tag, 8 | 4 bytes of the bit pattern, little-endian
///     string                                   tag, varint byte count, UTF-8 bytes
///     keyed                                    tag, varint body length, body: varint count, then
///                                              count × (varint key length, UTF-8 key, value)
///     unkeyed                                  tag, varint body length, body: varint count, values
///
/// Containers carry the byte length of their body so that a reader can step over a value it was
/// not asked for without parsing it (the write stage reads three fields of a record whose text is
/// a whole web page).
enum BinaryPayloadTag: UInt8 {
    case null = 0
    case `false` = 1
    case `true` = 2
    case int = 3
    case uint = 4
    case double = 5
    case float = 6
    case string = 7
    case keyed = 8
    case unkeyed = 9

    var name: String {
        switch self {
        case .null: "nil"
        case .false, .true: "a Bool"
        case .int, .uint: "an integer"
        case .double, .float: "a floating-point number"
        case .string: "a String"
        case .keyed: "a keyed container"
        case .unkeyed: "an unkeyed container"
        }
    }
}

/// Varint and zigzag helpers shared by the writer and the reader.
enum BinaryPayloadVarint {
    /// A UInt64 takes at most ten 7-bit groups.
    static let maxBytes = 10

    @inline(__always)
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    @inline(__always)
    static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
    }

    @inline(__always)
    static func byteCount(_ value: UInt64) -> Int {
        var value = value
        var count = 1
        while value >= 0x80 {
            value >>= 7
            count += 1
        }
        return count
    }

    @inline(__always)
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    /// Writes `value` at `offset` (the room for `byteCount(value)` bytes is already there).
    @inline(__always)
    static func write(_ value: UInt64, into bytes: inout [UInt8], at offset: Int) -> Int {
        var value = value
        var offset = offset
        while value >= 0x80 {
            bytes[offset] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            offset += 1
        }
        bytes[offset] = UInt8(truncatingIfNeeded: value)
        return offset + 1
    }
}

/// Bounds-checked reads from the payload bytes. Every read is given the end of the region it may
/// touch (the enclosing container's body), so a corrupt length can never lead outside of it.
struct BinaryPayloadReader {
    let bytes: UnsafeRawBufferPointer

    /// Why a read failed, turned into a `DecodingError` with the coding path by the caller.
    struct Corrupt: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    @inline(__always)
    func byte(at offset: Int, limit: Int) throws(Corrupt) -> UInt8 {
        guard offset < limit else { throw Corrupt("unexpected end of data at byte \(offset)") }
        return bytes[offset]
    }

    @inline(__always)
    func tag(at offset: Int, limit: Int) throws(Corrupt) -> BinaryPayloadTag {
        let raw = try byte(at: offset, limit: limit)
        guard let tag = BinaryPayloadTag(rawValue: raw) else { throw Corrupt("unknown tag \(raw) at byte \(offset)") }
        return tag
    }

    @inline(__always)
    func varint(at offset: inout Int, limit: Int) throws(Corrupt) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        for index in 0..<BinaryPayloadVarint.maxBytes {
            let byte = try self.byte(at: offset, limit: limit)
            offset += 1
            // The tenth group holds only the top bit of a UInt64.
            if index == BinaryPayloadVarint.maxBytes - 1, byte > 1 { throw Corrupt("varint overflows 64 bits at byte \(offset - 1)") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        throw Corrupt("varint longer than \(BinaryPayloadVarint.maxBytes) bytes at byte \(offset)")
    }

    /// A byte length or element count, checked against the bytes left before `limit`.
    @inline(__always)
    func length(at offset: inout Int, limit: Int) throws(Corrupt) -> Int {
        let value = try varint(at: &offset, limit: limit)
        guard value <= UInt64(limit - offset) else {
            throw Corrupt("length \(value) at byte \(offset) runs past the end of its container")
        }
        return Int(value)
    }

    @inline(__always)
    func littleEndian64(at offset: Int, limit: Int) throws(Corrupt) -> UInt64 {
        guard limit - offset >= 8 else { throw Corrupt("unexpected end of data at byte \(offset)") }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    func littleEndian32(at offset: Int, limit: Int) throws(Corrupt) -> UInt32 {
        guard limit - offset >= 4 else { throw Corrupt("unexpected end of data at byte \(offset)") }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// The offset just past the value that starts at `offset`, without decoding it: O(1) for
    /// containers and strings thanks to their length prefix.
    func end(ofValueAt offset: Int, limit: Int) throws(Corrupt) -> Int {
        var position = offset + 1
        switch try tag(at: offset, limit: limit) {
        case .null, .false, .true:
            return position
        case .int, .uint:
            _ = try varint(at: &position, limit: limit)
            return position
        case .double:
            guard limit - position >= 8 else { throw Corrupt("unexpected end of data at byte \(position)") }
            return position + 8
        case .float:
            guard limit - position >= 4 else { throw Corrupt("unexpected end of data at byte \(position)") }
            return position + 4
        case .string, .keyed, .unkeyed:
            let length = try self.length(at: &position, limit: limit)
            return position + length
        }
    }

    /// The bytes `offset..<offset+count` (already checked to lie within the payload).
    @inline(__always)
    func slice(_ offset: Int, _ count: Int) -> UnsafeBufferPointer<UInt8> {
        guard count > 0, let base = bytes.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: (base + offset).assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// A string whose UTF-8 bytes are `offset..<offset+count`; invalid UTF-8 is refused rather
    /// than repaired, as a sign of corruption.
    func string(_ offset: Int, _ count: Int) throws(Corrupt) -> String {
        if count == 0 { return "" }
        // Not String(validating:as:): it is generic and unspecialised, and finding its types'
        // metadata cost about 1,000 instructions a string, more than the rest of reading a
        // payload. Decoding with repair is specialised for UTF-8, and it gives back the same
        // bytes exactly when they were valid: a repair writes U+FFFD where no valid sequence
        // stood, and U+FFFD itself is one.
        let bytes = slice(offset, count)
        var string = String(decoding: bytes, as: UTF8.self)
        guard string.withUTF8({ $0.count == count && memcmp($0.baseAddress!, bytes.baseAddress!, count) == 0 }) else {
            throw Corrupt("invalid UTF-8 in the string at byte \(offset)")
        }
        return string
    }
}

/// The keys the codec makes up itself: array positions and `super`. An enum, so that it fits in
/// an existential's inline storage and costs no allocation per array element.
enum BinaryPayloadKey: CodingKey {
    case name(String)
    case index(Int)

    static let `super` = BinaryPayloadKey.name("super")

    init(stringValue: String) { self = .name(stringValue) }
    init(intValue: Int) { self = .index(intValue) }

    var stringValue: String {
        switch self {
        case .name(let name): name
        case .index(let index): "Index \(index)"
        }
    }

    var intValue: Int? {
        switch self {
        case .name: nil
        case .index(let index): index
        }
    }
}
