import Foundation

/// A record that writes and reads its own fields in the payload format, for the records stored
/// and read by the thousand (metrics, paragraphs, sentence spans). Through Codable each field
/// cost a trip through the standard library's type-erased container box and a generic call:
/// about half of a `--from extract` run went to encoding and decoding. The bytes are those its
/// Codable conformance gives (the same keys in the same order, optionals left out when nil), so
/// that stored payloads read either way; PayloadRecordTests holds the two together.
///
/// Reading takes the fast way only for a payload it understands whole: any surprise (a missing
/// key, another type) sends the value through its Codable `init(from:)`, which then reports the
/// damage or reads what an older record stored.
protocol BinaryPayloadRecord: BinaryPayloadReadable, Codable {
    func write(to fields: BinaryPayloadFieldWriter)
}

/// A value read the fast way (`init(fields:)`) but never written as such: the parts of a stage
/// output that the table write reads, whose other fields are stepped over by their length.
protocol BinaryPayloadReadable: Decodable {
    init(fields: inout BinaryPayloadFields) throws
}

/// The keyed container of a record being written by `BinaryPayloadRecord.write(to:)`.
struct BinaryPayloadFieldWriter {
    let writer: BinaryPayloadWriter
    let frame: Int

    @inline(__always)
    private func key(_ name: StaticString) {
        writer.frames[frame].count += 1
        BinaryPayloadVarint.append(UInt64(name.utf8CodeUnitCount), to: &writer.bytes)
        writer.bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    func write(_ name: StaticString, _ value: String) { key(name); writer.write(value) }
    func write(_ name: StaticString, _ value: Int) { key(name); writer.write(signed: Int64(value)) }
    func write(_ name: StaticString, _ value: Double) { key(name); writer.write(value) }
    func write(_ name: StaticString, _ value: Bool) { key(name); writer.write(value) }

    /// Left out when nil, as Codable's `encodeIfPresent` does.
    func write(_ name: StaticString, _ value: Int?) {
        if let value { write(name, value) }
    }

    func write(_ name: StaticString, _ value: some BinaryPayloadRecord) { key(name); writer.writeRecord(value) }

    func write<R: BinaryPayloadRecord>(_ name: StaticString, _ values: [R]) {
        key(name)
        let (index, _) = writer.openFrame(keyed: false, owner: writer.newValueID())
        writer.frames[index].count = values.count
        for value in values { writer.writeRecord(value) }
        writer.closeTopFrame()
    }

    func write(_ name: StaticString, _ values: [Int]) {
        key(name)
        let (index, _) = writer.openFrame(keyed: false, owner: writer.newValueID())
        writer.frames[index].count = values.count
        for value in values { writer.write(signed: Int64(value)) }
        writer.closeTopFrame()
    }

    func write(_ name: StaticString, _ values: [String]) {
        key(name)
        let (index, _) = writer.openFrame(keyed: false, owner: writer.newValueID())
        writer.frames[index].count = values.count
        for value in values { writer.write(value) }
        writer.closeTopFrame()
    }
}

extension BinaryPayloadWriter {
    /// A record's keyed container, opened, filled by the record and closed.
    func writeRecord(_ record: some BinaryPayloadRecord) {
        let (index, _) = openFrame(keyed: true, owner: newValueID())
        record.write(to: BinaryPayloadFieldWriter(writer: self, frame: index))
        while frames.count > index { closeTopFrame() }
    }
}

/// The entries of a record's keyed container, read in the order they were written.
struct BinaryPayloadFields {
    /// Anything the fast way does not take: the value goes through Codable instead.
    struct Fallback: Error {}

    /// One entry: its key's bytes and the extent of its value.
    struct Field {
        let key: UnsafeBufferPointer<UInt8>
        let offset: Int
        let end: Int

        static func ~= (name: StaticString, field: Field) -> Bool {
            guard name.utf8CodeUnitCount == field.key.count else { return false }
            return field.key.count == 0 || memcmp(name.utf8Start, field.key.baseAddress!, field.key.count) == 0
        }
    }

    let state: BinaryPayloadDecodingState
    private var position: Int
    private let end: Int
    private var remaining: Int

    init(state: BinaryPayloadDecodingState, offset: Int, end: Int) throws {
        self.state = state
        let reader = state.reader
        guard try reader.tag(at: offset, limit: end) == .keyed else { throw Fallback() }
        var position = offset + 1
        let length = try reader.length(at: &position, limit: end)
        self.end = position + length
        remaining = try reader.length(at: &position, limit: self.end)
        self.position = position
    }

    /// The next entry; nil after the last (whose value must end the container).
    mutating func next() throws -> Field? {
        guard remaining > 0 else {
            guard position == end else { throw Fallback() }
            return nil
        }
        let reader = state.reader
        let length = try reader.length(at: &position, limit: end)
        let key = reader.slice(position, length)
        let valueEnd = try reader.end(ofValueAt: position + length, limit: end)
        let field = Field(key: key, offset: position + length, end: valueEnd)
        position = valueEnd
        remaining -= 1
        return field
    }

    func string(_ field: Field) throws -> String {
        guard try state.reader.tag(at: field.offset, limit: field.end) == .string else { throw Fallback() }
        var position = field.offset + 1
        let count = try state.reader.length(at: &position, limit: field.end)
        return try state.reader.string(position, count)
    }

    func int(_ field: Field) throws -> Int {
        var position = field.offset + 1
        switch try state.reader.tag(at: field.offset, limit: field.end) {
        case .int:
            guard let value = Int(exactly: BinaryPayloadVarint.unzigzag(try state.reader.varint(at: &position, limit: field.end))) else { throw Fallback() }
            return value
        case .uint:
            guard let value = Int(exactly: try state.reader.varint(at: &position, limit: field.end)) else { throw Fallback() }
            return value
        default:
            throw Fallback()
        }
    }

    /// nil for a stored nil, as `decodeIfPresent` reads it.
    func optionalInt(_ field: Field) throws -> Int? {
        state.isNil(at: field.offset, end: field.end) ? nil : try int(field)
    }

    func double(_ field: Field) throws -> Double {
        guard try state.reader.tag(at: field.offset, limit: field.end) == .double else { throw Fallback() }
        return Double(bitPattern: try state.reader.littleEndian64(at: field.offset + 1, limit: field.end))
    }

    func bool(_ field: Field) throws -> Bool {
        switch try state.reader.tag(at: field.offset, limit: field.end) {
        case .true: return true
        case .false: return false
        default: throw Fallback()
        }
    }

    func record<R: BinaryPayloadReadable>(_ field: Field, as _: R.Type = R.self) throws -> R {
        var fields = try BinaryPayloadFields(state: state, offset: field.offset, end: field.end)
        return try R(fields: &fields)
    }

    func records<R: BinaryPayloadReadable>(_ field: Field, as _: R.Type = R.self) throws -> [R] {
        try elements(field) { try R(fields: &$0) }
    }

    func ints(_ field: Field) throws -> [Int] {
        try values(field) { try $0.int($1) }
    }

    func strings(_ field: Field) throws -> [String] {
        try values(field) { try $0.string($1) }
    }

    /// Each value of an unkeyed container, read by `read` from its extent.
    private func values<T>(_ field: Field, _ read: (BinaryPayloadFields, Field) throws -> T) throws -> [T] {
        let reader = state.reader
        guard try reader.tag(at: field.offset, limit: field.end) == .unkeyed else { throw Fallback() }
        var position = field.offset + 1
        let length = try reader.length(at: &position, limit: field.end)
        let end = position + length
        let count = try reader.length(at: &position, limit: end)
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let valueEnd = try reader.end(ofValueAt: position, limit: end)
            result.append(try read(self, Field(key: UnsafeBufferPointer(start: nil, count: 0), offset: position, end: valueEnd)))
            position = valueEnd
        }
        guard position == end else { throw Fallback() }
        return result
    }

    private func elements<R>(_ field: Field, _ read: (inout BinaryPayloadFields) throws -> R) throws -> [R] {
        try values(field) { fields, element in
            var nested = try BinaryPayloadFields(state: fields.state, offset: element.offset, end: element.end)
            return try read(&nested)
        }
    }
}

extension BinaryPayloadDecodingState {
    /// A record read the fast way; nil when it must go through Codable.
    func readRecord<R: BinaryPayloadReadable>(_: R.Type, at offset: Int, end: Int) -> R? {
        guard var fields = try? BinaryPayloadFields(state: self, offset: offset, end: end) else { return nil }
        return try? R(fields: &fields)
    }
}
