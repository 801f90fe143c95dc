import Foundation
import GRDB
import Testing
@testable import GovReport

/// The binary payload codec the work store keeps every stage output in: real records of every
/// stage come back equal, a record can be read in part, odd values keep their exact bits, and
/// damaged bytes throw instead of crashing or being misread.
@Suite struct PayloadCodecTests {
    // MARK: Real records

    @Test(arguments: SampleExpectation.all)
    func everyStageRecordOfASampleRoundTrips(_ sample: SampleExpectation) throws {
        let chain = try StageChain(sample)
        try expectRoundTrip(chain.raw)
        try expectRoundTrip(chain.decoded)
        try expectRoundTrip(chain.stripped)
        try expectRoundTrip(chain.normalized)
        try expectRoundTrip(chain.segmented)
        try expectRoundTrip(chain.extracted)
    }

    @Test func theSamplesGiveRecordsWithContent() throws {
        // The round trips above are worth something only if the records are not empty.
        let chains = try SampleExpectation.all.map(StageChain.init)
        #expect(chains.count >= 12)
        #expect(chains.contains { !$0.extracted.metrics.isEmpty && !$0.extracted.citations.isEmpty })
        #expect(chains.contains { !$0.extracted.entities.isEmpty && !$0.extracted.panel.isEmpty })
        #expect(chains.contains { $0.extracted.metrics.contains { $0.parentMetricId != nil } })
        #expect(chains.contains { !$0.segmented.sections.isEmpty })
    }

    @Test func theBinaryFormIsSmallerThanJSON() throws {
        for sample in SampleExpectation.all {
            let chain = try StageChain(sample)
            let binary = try PayloadCodec.encode(chain.extracted)
            let json = try JSONEncoder().encode(chain.extracted)
            #expect(binary.count < json.count, "\(sample.file): \(binary.count) bytes, JSON \(json.count)")
            #expect(try PayloadCodec.encode(chain.segmented).count < JSONEncoder().encode(chain.segmented).count)
        }
    }

    // MARK: Partial decoding

    @Test func aFewFieldsDecodeFromAWholeRecord() throws {
        let chain = try StageChain(try #require(SampleExpectation.all.first))
        let facts = try PayloadCodec.decode(DecodedFacts.self, from: try PayloadCodec.encode(chain.decoded))
        #expect(facts == DecodedFacts(encodingDeclared: chain.decoded.encodingDeclared,
                                      encodingDetected: chain.decoded.encodingDetected,
                                      invalidBytes: chain.decoded.invalidBytes))
        // Keys asked for in another order than they were written are found as well.
        let reversed = try PayloadCodec.decode(ReversedFacts.self, from: try PayloadCodec.encode(chain.stripped))
        #expect(reversed.breadcrumb == chain.stripped.breadcrumb && reversed.issuer == chain.stripped.issuer
                && reversed.title == chain.stripped.title)
    }

    @Test func theFieldsNotAskedForAreNotDecoded() throws {
        let chain = try StageChain(try #require(SampleExpectation.all.first))
        var bytes = [UInt8](try PayloadCodec.encode(chain.decoded))
        // Break the UTF-8 of the page text in the middle: reading the text now throws, reading
        // the other fields does not, so they are read without the text.
        let text = Array(chain.decoded.text.utf8)
        try #require(text.count > 1000)
        let range = try #require(bytes.firstRange(of: text))
        bytes[range.lowerBound + text.count / 2] = 0xFF
        expectDecodingError(.dataCorrupted) { try PayloadCodec.decode(DecodedDocument.self, from: Data(bytes)) }
        #expect(try PayloadCodec.decode(DecodedFacts.self, from: Data(bytes)).encodingDetected == chain.decoded.encodingDetected)
    }

    @Test func aMissingKeyIsNilForAnOptionalAndAnErrorOtherwise() throws {
        let data = try PayloadCodec.encode(DecodedFacts(encodingDeclared: "", encodingDetected: "UTF-8", invalidBytes: 0))
        #expect(try PayloadCodec.decode(WithOptionalExtra.self, from: data).extra == nil)
        expectDecodingError(.keyNotFound) { try PayloadCodec.decode(DecodedDocument.self, from: data) }
    }

    // MARK: Edge values

    @Test func integersOfEveryWidthKeepTheirExtremes() throws {
        try expectRoundTrip(Integers(int: .min, int8: .min, int16: .min, int32: .min, int64: .min,
                                     uint: .min, uint8: .min, uint16: .min, uint32: .min, uint64: .min))
        try expectRoundTrip(Integers(int: .max, int8: .max, int16: .max, int32: .max, int64: .max,
                                     uint: .max, uint8: .max, uint16: .max, uint32: .max, uint64: .max))
        try expectRoundTrip(Integers(int: -1, int8: -1, int16: 300, int32: -70000, int64: 1 << 40,
                                     uint: 127, uint8: 128, uint16: 16384, uint32: 1 << 31, uint64: 1 << 63))
        try expectRoundTrip([Int.min, -1, 0, 1, Int.max])
        try expectRoundTrip([UInt64.max, 0])
        // Counts and lengths past one varint byte, nested (their slots are widened in place).
        try expectRoundTrip([Array(0..<300), [], Array(-200..<0)])
        try expectRoundTrip(["long": Array(repeating: Int.max, count: 5000)])
    }

    @Test func anIntegerThatDoesNotFitThrows() throws {
        expectDecodingError(.dataCorrupted) { try PayloadCodec.decode(Narrow.self, from: PayloadCodec.encode(Wide(value: 128))) }
        expectDecodingError(.dataCorrupted) { try PayloadCodec.decode(Narrow.self, from: PayloadCodec.encode(Wide(value: -129))) }
        expectDecodingError(.dataCorrupted) { try PayloadCodec.decode([UInt8].self, from: PayloadCodec.encode([-1])) }
        expectDecodingError(.dataCorrupted) { try PayloadCodec.decode([Int64].self, from: PayloadCodec.encode([UInt64.max])) }
        #expect(try PayloadCodec.decode(Narrow.self, from: PayloadCodec.encode(Wide(value: -128))).value == -128)
    }

    @Test func floatingPointValuesKeepTheirBits() throws {
        let doubles: [Double] = [0, -0.0, 0.1, -1.5, .infinity, -.infinity, .nan, -.nan, Double(nan: 0x5A5A, signaling: true),
                                 Double("1e-310")!, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .pi]
        let floats: [Float] = [-0.0, .infinity, .nan, Float(nan: 0x33, signaling: false), Float("1e-40")!, .greatestFiniteMagnitude]
        for value in doubles {
            let back = try PayloadCodec.decode(Reals.self, from: PayloadCodec.encode(Reals(double: value, float: 1, doubles: [value])))
            #expect(back.double.bitPattern == value.bitPattern && back.doubles.map(\.bitPattern) == [value.bitPattern])
        }
        for value in floats {
            let back = try PayloadCodec.decode(Reals.self, from: PayloadCodec.encode(Reals(double: 0, float: value, doubles: [])))
            #expect(back.float.bitPattern == value.bitPattern)
        }
        #expect(try PayloadCodec.decode(Double.self, from: PayloadCodec.encode(-0.0)).sign == .minus)
    }

    @Test func emptyAndOptionalValues() throws {
        try expectRoundTrip(Optionals(twice: .some(.some(3)), once: nil, list: [1, nil, 3, nil], words: [], word: "", nested: [[], [1], []]))
        try expectRoundTrip(Optionals(twice: nil, once: 4, list: [], words: [""], word: "", nested: []))
        try expectRoundTrip([Int?](repeating: nil, count: 5))
        try expectRoundTrip([[String]]())
        try expectRoundTrip("")
        // `.some(nil)` comes back as nil, as it does from JSON: the key holds a nil either way.
        let inner = Optionals(twice: .some(nil), once: nil, list: [], words: [], word: "", nested: [])
        let back = try PayloadCodec.decode(Optionals.self, from: PayloadCodec.encode(inner))
        let fromJSON = try JSONDecoder().decode(Optionals.self, from: JSONEncoder().encode(inner))
        #expect(back.twice == fromJSON.twice)
    }

    @Test func dictionariesAndStringsOfAnyScript() throws {
        try expectRoundTrip(["": 0, "a": 1, "汉字": -2, "😀": Int.max])
        try expectRoundTrip([3: "three", -1: "minus one"])
        try expectRoundTrip([String: [Int]]())
        let strings = ["", "ascii", "繁體與简体", "e\u{301} é", "👨‍👩‍👧‍👦🇨🇳", "nul\u{0}inside", String(repeating: "长", count: 5000)]
        let back = try PayloadCodec.decode([String].self, from: PayloadCodec.encode(strings))
        #expect(back.map { Array($0.utf8) } == strings.map { Array($0.utf8) })
    }

    @Test func stringsThatAreNotUTF8AreRefusedAndEveryValidOneIsRead() throws {
        let string = BinaryPayloadTag.string.rawValue
        let invalid: [[UInt8]] = [
            [0xFF], [0x41, 0x80], [0xC3], [0xC0, 0xAF], [0xE6, 0xB1], [0xED, 0xA0, 0x80],
            // Three bytes of a four-byte emoji: a repair gives three bytes too.
            [0x41, 0xF0, 0x9F, 0x98], [0xF0, 0x9F, 0x98, 0x41], [0xF4, 0x90, 0x80, 0x80], [0xE6, 0xB1, 0x89, 0xBF],
        ]
        for bytes in invalid {
            expectDecodingError(.dataCorrupted) { try decode(String.self, [string, UInt8(bytes.count)] + bytes) }
        }
        for text in ["\u{FFFD}", "a\u{FFFD}b", "汉\u{FFFD}", "😀", "\u{10FFFF}", "short", String(repeating: "é", count: 40)] {
            let bytes = Array(text.utf8)
            #expect(try decode(String.self, [string, UInt8(bytes.count)] + bytes) == text)
        }
    }

    @Test func enumsWithRawValuesAndWithAssociatedValues() throws {
        try expectRoundTrip([Level.low, .high])
        try expectRoundTrip([Shape.point, .circle(radius: 2.5), .pair(-7, "七"), .nested(.nested(nil)), .nested(.point)])
        expectDecodingError(.dataCorrupted) { try PayloadCodec.decode(Level.self, from: PayloadCodec.encode("medium")) }
    }

    @Test func handWrittenContainersNestedAndSuper() throws {
        try expectRoundTrip(HandWritten(base: Wide(value: 42), name: "名", pairs: [[1, 2], [3]], point: ScalarSpan(4, 9)))
        // A super encoder that is never written to still leaves a value ({}), so the key is there.
        let data = try PayloadCodec.encode(UnusedSuper())
        #expect(try PayloadCodec.decode([String: [String: Int]].self, from: data) == ["super": [:]])
        // Containers are written in one pass: one that is complete (a later entry of its parent
        // was begun) cannot take more, and says so rather than writing a wrong payload.
        #expect(throws: EncodingError.self) { try PayloadCodec.encode(LateNestedWrite()) }
    }

    // MARK: Damaged payloads

    @Test func everyTruncationThrows() throws {
        let chain = try StageChain(try #require(SampleExpectation.all.first { $0.file.contains("liuwan") }))
        for record in [try PayloadCodec.encode(chain.extracted), try PayloadCodec.encode(chain.stripped)] {
            let bytes = [UInt8](record)
            for length in 0..<bytes.count {
                #expect(throws: DecodingError.self, "prefix of \(length) bytes") {
                    try PayloadCodec.decode(ExtractedDocument.self, from: Data(bytes[..<length]))
                }
            }
        }
    }

    @Test func damagedBytesThrowOrDecodeButNeverCrash() throws {
        // The top-level length catches a truncation at once; these damage the inside instead.
        let chain = try StageChain(try #require(SampleExpectation.all.first { $0.file.contains("liuwan") }))
        let bytes = [UInt8](try PayloadCodec.encode(chain.extracted))
        var seed: UInt64 = 0x5EED
        for round in 0..<3000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            var damaged = bytes
            let position = Int(seed >> 33) % damaged.count
            damaged[position] = round % 3 == 0 ? 0xFF : round % 3 == 1 ? UInt8(truncatingIfNeeded: seed) : damaged[position] &+ 1
            _ = try? PayloadCodec.decode(ExtractedDocument.self, from: Data(damaged))
            _ = try? PayloadCodec.decode(ReversedFacts.self, from: Data(damaged))
        }
    }

    @Test func lengthsAndCountsBeyondTheDataThrow() {
        let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
        // A string, a keyed and an unkeyed container longer than the payload.
        for tag: BinaryPayloadTag in [.string, .keyed, .unkeyed] {
            expectDecodingError(.dataCorrupted) { try decode([String].self, [tag.rawValue] + huge) }
        }
        // A string longer than its container, inside a container whose length is right.
        expectDecodingError(.dataCorrupted) { try decode([String].self, [BinaryPayloadTag.unkeyed.rawValue, 4, 1, BinaryPayloadTag.string.rawValue, 9, 0x41]) }
        // Counts that the body cannot hold.
        expectDecodingError(.dataCorrupted) { try decode([Int].self, [BinaryPayloadTag.unkeyed.rawValue, 6] + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]) }
        expectDecodingError(.dataCorrupted) { try decode([String: Int].self, [BinaryPayloadTag.keyed.rawValue, 2, 0x7F, 0]) }
        // A count larger than the values there.
        expectDecodingError(.dataCorrupted) { try decode([Int].self, [BinaryPayloadTag.unkeyed.rawValue, 3, 2, BinaryPayloadTag.int.rawValue, 2]) }
        // Fewer values than bytes: what is left after the last one.
        expectDecodingError(.dataCorrupted) { try decode([Int].self, [BinaryPayloadTag.unkeyed.rawValue, 4, 1, BinaryPayloadTag.int.rawValue, 2, 0]) }
    }

    @Test func malformedVarintsAndTagsThrow() throws {
        let int = BinaryPayloadTag.int.rawValue
        expectDecodingError(.dataCorrupted) { try decode(Int.self, [int] + [UInt8](repeating: 0x80, count: 10) + [0x01]) }
        expectDecodingError(.dataCorrupted) { try decode(Int.self, [int] + [UInt8](repeating: 0xFF, count: 9) + [0x02]) }
        expectDecodingError(.dataCorrupted) { try decode(Int.self, [int, 0x80]) }
        expectDecodingError(.dataCorrupted) { try decode(Int.self, [0x0A]) }
        expectDecodingError(.dataCorrupted) { try decode(Int.self, [0xFF]) }
        expectDecodingError(.dataCorrupted) { try decode(Double.self, [BinaryPayloadTag.double.rawValue, 0, 0, 0]) }
        expectDecodingError(.dataCorrupted) { try decode(Int.self, []) }
        // The largest varint is still read.
        #expect(try decode(UInt64.self, [BinaryPayloadTag.uint.rawValue] + [UInt8](repeating: 0xFF, count: 9) + [0x01]) == .max)
    }

    @Test func invalidUTF8Throws() throws {
        var bytes = [UInt8](try PayloadCodec.encode(Wide.Named(name: "abc")))
        let value = try #require(bytes.firstRange(of: Array("abc".utf8)))
        bytes[value.lowerBound + 1] = 0xC3  // a lead byte followed by "c": no continuation
        expectDecodingError(.dataCorrupted) { try PayloadCodec.decode(Wide.Named.self, from: Data(bytes)) }
        // An overlong encoding of "/" and a lone surrogate are refused as well.
        let string = BinaryPayloadTag.string.rawValue
        expectDecodingError(.dataCorrupted) { try decode(String.self, [string, 2, 0xC0, 0xAF]) }
        expectDecodingError(.dataCorrupted) { try decode(String.self, [string, 3, 0xED, 0xA0, 0x80]) }
        // A key that is not UTF-8 is no key of the record.
        var keyed = [UInt8](try PayloadCodec.encode(["key": 1]))
        keyed[try #require(keyed.firstRange(of: Array("key".utf8))).lowerBound] = 0xFF
        #expect(try decode([String: Int].self, keyed).isEmpty)
    }

    @Test func aValueOfAnotherTypeIsATypeMismatch() throws {
        expectDecodingError(.typeMismatch) { try PayloadCodec.decode(WideAsText.self, from: PayloadCodec.encode(Wide(value: 5))) }
        expectDecodingError(.typeMismatch) { try PayloadCodec.decode([Int].self, from: PayloadCodec.encode(Wide(value: 5))) }
        expectDecodingError(.typeMismatch) { try PayloadCodec.decode(Wide.self, from: PayloadCodec.encode([5])) }
        expectDecodingError(.typeMismatch) { try PayloadCodec.decode(Bool.self, from: PayloadCodec.encode(1)) }
        expectDecodingError(.typeMismatch) { try PayloadCodec.decode(Int.self, from: PayloadCodec.encode(1.5)) }
        expectDecodingError(.typeMismatch) { try PayloadCodec.decode(String.self, from: PayloadCodec.encode(true)) }
        expectDecodingError(.valueNotFound) { try PayloadCodec.decode([Int].self, from: PayloadCodec.encode([nil, 1] as [Int?])) }
        // A whole number is a Double, as it is in JSON.
        #expect(try PayloadCodec.decode(Double.self, from: PayloadCodec.encode(7)) == 7)
    }

    @Test func bytesAfterTheValueThrow() throws {
        let chain = try StageChain(try #require(SampleExpectation.all.first))
        let data = try PayloadCodec.encode(chain.normalized)
        expectDecodingError(.dataCorrupted) { try PayloadCodec.decode(NormalizedDocument.self, from: data + [0]) }
        expectDecodingError(.dataCorrupted) { try PayloadCodec.decode(Int.self, from: PayloadCodec.encode(1) + [1]) }
    }

    // MARK: Format version

    @Test func theFormatVersionIsInEveryStageFingerprint() throws {
        #expect(PayloadCodec.formatVersion == "bin1")
        let directory = try TestSupport.temporaryDirectory()
        for name in ["decode", "strip", "normalize", "segment", "extract"] {
            let descriptor = try #require(StageRegistry.descriptor(named: name))
            let stage = try #require(descriptor.configure([:], path: "stages[0]", baseDirectory: directory).0)
            #expect(stage.fingerprint.contains("/bin1/"), "\(name): \(stage.fingerprint)")
        }
    }

    @Test func aPayloadOfTheJSONFormatIsStillRead() throws {
        // What an older work store holds, read where a stage does not run again (see PayloadCodec).
        let chain = try StageChain(try #require(SampleExpectation.all.first))
        #expect(try PayloadCodec.decode(SegmentedDocument.self, from: JSONEncoder().encode(chain.segmented)) == chain.segmented)
        #expect(try PayloadCodec.decode(DecodedFacts.self, from: JSONEncoder().encode(chain.decoded)).invalidBytes == chain.decoded.invalidBytes)
    }

    // MARK: Helpers

    private func expectRoundTrip<T: Codable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let data = try PayloadCodec.encode(value)
        #expect(data.first != UInt8(ascii: "{"), sourceLocation: sourceLocation)
        #expect(try PayloadCodec.decode(T.self, from: data) == value, sourceLocation: sourceLocation)
    }

    private func decode<T: Decodable>(_: T.Type, _ bytes: [UInt8]) throws -> T {
        try PayloadCodec.decode(T.self, from: Data(bytes))
    }

    private enum ErrorKind: String { case typeMismatch, valueNotFound, keyNotFound, dataCorrupted }

    private func expectDecodingError(_ kind: ErrorKind, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Any) {
        let error = #expect(throws: DecodingError.self, sourceLocation: sourceLocation) { _ = try body() }
        let found: ErrorKind? = switch error {
        case .typeMismatch?: .typeMismatch
        case .valueNotFound?: .valueNotFound
        case .keyNotFound?: .keyNotFound
        case .dataCorrupted?: .dataCorrupted
        default: nil
        }
        if let error { #expect(found == kind, "\(error)", sourceLocation: sourceLocation) }
    }
}

/// Every stage's record for one sample, made by the stages themselves.
struct StageChain {
    var raw: RawDocument
    var decoded: DecodedDocument
    var stripped: StrippedDocument
    var normalized: NormalizedDocument
    var segmented: SegmentedDocument
    var extracted: ExtractedDocument

    init(_ sample: SampleExpectation) throws {
        let document = sample.document
        raw = try sample.raw()
        decoded = try DecodeStage(options: DecodeOptions()).process(raw, document: document)
        stripped = try StripStage(options: StripOptions()).process(decoded, document: document)
        normalized = try NormalizeStage(options: NormalizeOptions()).process(stripped, document: document)
        segmented = try SegmentStage(options: SegmentOptions()).process(normalized, document: document)
        // With the project's taxonomy, so that metrics carry indicators and the panel has rows.
        var options = ExtractOptions()
        options.indicators = TestSupport.repositoryRoot.appendingPathComponent("indicators.json").path
        extracted = try ExtractStage(options: options).process(segmented, document: document)
    }
}

/// The fields of a decode output that the write stage reads (like its `DecodedFacts`).
private struct DecodedFacts: Codable, Equatable {
    var encodingDeclared: String
    var encodingDetected: String
    var invalidBytes: Int
}

private struct WithOptionalExtra: Decodable {
    var encodingDetected: String
    var extra: String?
}

/// Three fields of a strip output, read last key first.
private struct ReversedFacts: Decodable {
    var title: String
    var issuer: String
    var breadcrumb: [String]

    enum CodingKeys: String, CodingKey { case title, issuer, breadcrumb }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        breadcrumb = try container.decode([String].self, forKey: .breadcrumb)
        issuer = try container.decode(String.self, forKey: .issuer)
        title = try container.decode(String.self, forKey: .title)
    }
}

private struct Integers: Codable, Equatable {
    var int: Int, int8: Int8, int16: Int16, int32: Int32, int64: Int64
    var uint: UInt, uint8: UInt8, uint16: UInt16, uint32: UInt32, uint64: UInt64
}

private struct Wide: Codable, Equatable {
    var value: Int

    struct Named: Codable { var name: String }
}

private struct Narrow: Codable { var value: Int8 }

private struct WideAsText: Codable { var value: String }

private struct Reals: Codable {
    var double: Double
    var float: Float
    var doubles: [Double]
}

private struct Optionals: Codable, Equatable {
    var twice: Int??
    var once: Int?
    var list: [Int?]
    var words: [String]
    var word: String
    var nested: [[Int]]
}

private enum Level: String, Codable { case low, high = "HIGH" }

private indirect enum Shape: Codable, Equatable {
    case point
    case circle(radius: Double)
    case pair(Int, String)
    case nested(Shape?)
}

/// Uses what synthesized Codable does not: nested containers, unkeyed nesting and super coders.
private struct HandWritten: Codable, Equatable {
    var base: Wide
    var name: String
    var pairs: [[Int]]
    var point: ScalarSpan

    enum Keys: String, CodingKey { case name, inner, pairs }
    enum InnerKeys: String, CodingKey { case point }

    init(base: Wide, name: String, pairs: [[Int]], point: ScalarSpan) {
        self.base = base
        self.name = name
        self.pairs = pairs
        self.point = point
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try base.encode(to: container.superEncoder())
        var inner = container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
        try inner.encode(point, forKey: .point)
        var list = container.nestedUnkeyedContainer(forKey: .pairs)
        for pair in pairs {
            var nested = list.nestedUnkeyedContainer()
            for value in pair { try nested.encode(value) }
        }
        try point.encode(to: list.superEncoder())
        try container.encode(name, forKey: .name)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        name = try container.decode(String.self, forKey: .name)
        base = try Wide(from: container.superDecoder())
        var list = try container.nestedUnkeyedContainer(forKey: .pairs)
        var pairs: [[Int]] = []
        while list.count.map({ list.currentIndex < $0 - 1 }) ?? false {
            var nested = try list.nestedUnkeyedContainer()
            var pair: [Int] = []
            while !nested.isAtEnd { pair.append(try nested.decode(Int.self)) }
            pairs.append(pair)
        }
        point = try ScalarSpan(from: list.superDecoder())
        self.pairs = pairs
        let inner = try container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
        guard try inner.decode(ScalarSpan.self, forKey: .point) == point else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: inner.codingPath, debugDescription: "inner point differs"))
        }
    }
}

/// Writes to a nested container after its parent went on to the next entry.
private struct LateNestedWrite: Encodable {
    enum Keys: CodingKey { case first, second }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var first = container.nestedUnkeyedContainer(forKey: .first)
        try first.encode(1)
        try container.encode(2, forKey: .second)
        try first.encode(3)
    }
}

private struct UnusedSuper: Encodable {
    enum Keys: CodingKey { case unused }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        _ = container.superEncoder()
    }
}

/// A work store written before "bin1", when every output was JSON: with the real binary over the
/// samples, as a user upgrading meets it.
@Suite struct PayloadFormatUpgradeTests {
    @Test func aWorkStoreOfJSONPayloadsIsRecomputedAndReadMeanwhile() throws {
        let fixture = try PipelineFixture()
        let first = try fixture.run()
        try #require(first.status == 0, "\(first.stderr)")
        let tables = try fixture.outputBytes()
        let stages = ["decode", "strip", "normalize", "segment", "extract"]
        var processed: [String: Int] = [:]
        for stage in stages { processed[stage] = try fixture.counts(stage)["processed"] ?? 0 }
        try #require((processed["extract"] ?? 0) > 0)

        let work = fixture.root.appendingPathComponent("work")
        try Self.rewriteAsJSON(work)
        #expect(try Self.jsonPayloads(work) == processed.values.reduce(0, +))

        // `--from extract` takes the stages before as they are stored: their JSON is read, not
        // misread, and the tables come out the same.
        let fromExtract = try fixture.run(["--from", "extract"])
        #expect(fromExtract.status == 0, "\(fromExtract.stderr)")
        #expect(try fixture.counts("segment")["cached"] == processed["segment"])
        #expect(try fixture.counts("extract")["processed"] == processed["extract"])
        #expect(try fixture.outputBytes() == tables)

        // A plain run finds no cache key of the old format and recomputes every stage.
        let plain = try fixture.run()
        #expect(plain.status == 0, "\(plain.stderr)")
        for stage in stages {
            #expect(try fixture.counts(stage)["processed"] == processed[stage], "\(stage)")
            #expect(try fixture.counts(stage)["failed"] == 0, "\(stage)")
        }
        #expect(try fixture.outputBytes() == tables)
        #expect(try Self.jsonPayloads(work) == 0)
    }

    /// Turns every stored output into what the JSON version stored: a JSON payload under a cache
    /// key made with another format version (any other key does the same).
    private static func rewriteAsJSON(_ work: URL) throws {
        let store = try WorkStore(directory: work)
        try store.pool.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT doc_id, stage, payload FROM outputs")
            for row in rows {
                let payload: Data = row["payload"]
                let stage: String = row["stage"]
                let json: Data = switch stage {
                case "decode": try JSONEncoder().encode(PayloadCodec.decode(DecodedDocument.self, from: payload))
                case "strip": try JSONEncoder().encode(PayloadCodec.decode(StrippedDocument.self, from: payload))
                case "normalize": try JSONEncoder().encode(PayloadCodec.decode(NormalizedDocument.self, from: payload))
                case "segment": try JSONEncoder().encode(PayloadCodec.decode(SegmentedDocument.self, from: payload))
                case "extract": try JSONEncoder().encode(PayloadCodec.decode(ExtractedDocument.self, from: payload))
                default: payload
                }
                try db.execute(sql: """
                    UPDATE outputs SET payload = ?, output_hash = ?, cache_key = 'json1:' || cache_key
                    WHERE doc_id = ? AND stage = ?
                    """, arguments: [json, sha256Hex(json), row["doc_id"] as String, stage])
            }
        }
    }

    private static func jsonPayloads(_ work: URL) throws -> Int {
        let store = try WorkStore(directory: work)
        return try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outputs WHERE substr(payload, 1, 1) = CAST('{' AS BLOB)") ?? 0
        }
    }
}
