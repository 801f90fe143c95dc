import Foundation
import Testing
@testable import GovReport

/// The records that write and read their own payload fields (BinaryPayloadRecord) give the bytes
/// their Codable conformance gives and read back what Codable reads, on the stage outputs of
/// every sample; a payload the fast way does not take whole still reads through Codable.
@Suite struct PayloadRecordTests {
    private func expectSameBytesBothWays<T: Codable & Equatable>(_ value: T, _ label: String) throws {
        let fast = try BinaryPayloadEncoder.encode(value)
        let codable = try BinaryPayloadEncoder.encode(value, records: false)
        #expect(fast == codable, "\(label): \(fast.count) bytes the fast way, \(codable.count) through Codable")
        let (fastRead, codableRead) = try fast.withUnsafeBytes { bytes in
            (try BinaryPayloadDecoder.decode(T.self, from: bytes), try BinaryPayloadDecoder.decode(T.self, from: bytes, records: false))
        }
        #expect(fastRead == value, "\(label): fast read")
        #expect(codableRead == value, "\(label): Codable read")
    }

    @Test(arguments: SampleExpectation.all)
    func stripSegmentAndExtractOutputsAreTheBytesCodableGives(_ sample: SampleExpectation) throws {
        let chain = try StageChain(sample)
        try expectSameBytesBothWays(chain.stripped, "\(sample.file) stripped")
        try expectSameBytesBothWays(chain.segmented, "\(sample.file) segmented")
        try expectSameBytesBothWays(chain.extracted, "\(sample.file) extracted")
    }

    /// The parts of the outputs the table write reads are read the fast way, and read what
    /// Codable reads.
    @Test(arguments: SampleExpectation.all)
    func theWritesPartsOfEachOutputReadTheFastWayAsThroughCodable(_ sample: SampleExpectation) throws {
        let chain = try StageChain(sample)
        func both<T: BinaryPayloadReadable>(_: T.Type, _ value: some Encodable) throws -> (fast: T, codable: T) {
            let bytes = try BinaryPayloadEncoder.encode(value)
            return try bytes.withUnsafeBytes { raw in
                let state = BinaryPayloadDecodingState(BinaryPayloadReader(bytes: raw))
                let fast = try #require(state.readRecord(T.self, at: 0, end: raw.count), "\(T.self) not read the fast way")
                return (fast, try BinaryPayloadDecoder.decode(T.self, from: raw, records: false))
            }
        }
        let segmented = try both(SegmentedFacts.self, chain.segmented)
        #expect(segmented.fast.document == segmented.codable.document)
        #expect(segmented.fast.document.sections == chain.segmented.sections)
        #expect(segmented.fast.document.paragraphs.map(\.text) == chain.segmented.paragraphs.map(\.text))
        #expect(segmented.fast.document.paragraphs.map(\.sectionId) == chain.segmented.paragraphs.map(\.sectionId))
        #expect(segmented.fast.title == chain.segmented.title && segmented.fast.issuer == chain.segmented.issuer)
        #expect(segmented.fast.publishDate == chain.segmented.publishDate)
        let decoded = try both(DecodedFacts.self, chain.decoded)
        for facts in [decoded.fast, decoded.codable] {
            #expect(facts.encodingDeclared == chain.decoded.encodingDeclared && facts.encodingDetected == chain.decoded.encodingDetected)
            #expect(facts.invalidBytes == chain.decoded.invalidBytes)
        }
        let stripped = try both(StrippedFacts.self, chain.stripped)
        for facts in [stripped.fast, stripped.codable] {
            #expect(facts.title == chain.stripped.title && facts.publishDate == chain.stripped.publishDate)
            #expect(facts.issuer == chain.stripped.issuer && facts.breadcrumb == chain.stripped.breadcrumb)
        }
        let normalized = try both(NormalizedFacts.self, chain.normalized)
        for facts in [normalized.fast, normalized.codable] {
            #expect(facts.script == chain.normalized.script && facts.title == chain.normalized.title)
            #expect(facts.issuer == chain.normalized.issuer)
        }
    }

    @Test func optionalsLeftOutAndRecordsInsideOtherValuesAreTheSame() throws {
        let chains = try SampleExpectation.all.map(StageChain.init)
        let metrics = try #require(chains.first { $0.extracted.metrics.contains { $0.parentMetricId != nil } }).extracted.metrics
        #expect(metrics.contains { $0.parentMetricId == nil })
        // A Codable wrapper that is no record itself, holding records in an array and alone.
        struct Wrapper: Codable, Equatable {
            var name: String
            var metrics: [Metric]
            var first: Metric?
            var metadata: ReportMetadata
        }
        try expectSameBytesBothWays(Wrapper(name: "w", metrics: metrics, first: metrics.first,
                                            metadata: ReportMetadata()), "wrapper")
        try expectSameBytesBothWays(ReportMetadata(reportYear: 2023, issuer: "某街道办事处"), "metadata with a year")
    }

    /// The same fields in another order, with a key no record has, still read the fast way.
    @Test func entriesInAnyOrderAndUnknownKeysRead() throws {
        struct Shuffled: Encodable {
            var charEnd = 9, extra = "ignored", charStart = 2, paragraphNo = 1, normalized = "枫桥经验", text = "“枫桥经验”",
                type = "programme"
        }
        let bytes = try BinaryPayloadEncoder.encode(Shuffled())
        let entity = try bytes.withUnsafeBytes { try BinaryPayloadDecoder.decode(Entity.self, from: $0) }
        #expect(entity == Entity(type: "programme", text: "“枫桥经验”", normalized: "枫桥经验", paragraphNo: 1, charStart: 2, charEnd: 9))
        bytes.withUnsafeBytes { raw in
            let state = BinaryPayloadDecodingState(BinaryPayloadReader(bytes: raw))
            #expect(state.readRecord(Entity.self, at: 0, end: raw.count) == entity, "not read the fast way")
        }
    }

    /// A record missing a field is not read the fast way: Codable reads it and names the key.
    @Test func aMissingFieldIsReportedByCodable() throws {
        struct OldCitation: Encodable {
            var title = "《中华人民共和国行政处罚法》", docNumber = "", kind = "law", paragraphNo = 3, charStart = 0
        }
        let bytes = try BinaryPayloadEncoder.encode(OldCitation())
        try bytes.withUnsafeBytes { raw in
            let state = BinaryPayloadDecodingState(BinaryPayloadReader(bytes: raw))
            #expect(state.readRecord(Citation.self, at: 0, end: raw.count) == nil)
            do {
                _ = try BinaryPayloadDecoder.decode(Citation.self, from: raw)
                Issue.record("a citation without charEnd was read")
            } catch DecodingError.keyNotFound(let key, _) {
                #expect(key.stringValue == "charEnd")
            }
        }
    }

    /// A stored nil (as other encoders write optionals) reads as nil; a field of another type
    /// goes to Codable, which reports the mismatch.
    @Test func aStoredNilAndAWrongTypeAreReadAsCodableReadsThem() throws {
        struct ExplicitNil: Encodable {
            var reportYear: Int?
            var issuer = "", publishDate = "", province = "上海市", city = "", county = "闵行区", township = ""
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeNil(forKey: .reportYear)
                try container.encode(issuer, forKey: .issuer)
                try container.encode(publishDate, forKey: .publishDate)
                try container.encode(province, forKey: .province)
                try container.encode(city, forKey: .city)
                try container.encode(county, forKey: .county)
                try container.encode(township, forKey: .township)
            }
            enum CodingKeys: String, CodingKey { case reportYear, issuer, publishDate, province, city, county, township }
        }
        let metadata = try BinaryPayloadEncoder.encode(ExplicitNil()).withUnsafeBytes {
            try BinaryPayloadDecoder.decode(ReportMetadata.self, from: $0)
        }
        #expect(metadata == ReportMetadata(reportYear: nil, province: "上海市", county: "闵行区"))

        struct TextYear: Encodable { var start = "12", end = 14 }
        let textYear = try BinaryPayloadEncoder.encode(TextYear())
        _ = textYear.withUnsafeBytes { raw in
            #expect(throws: DecodingError.self) { try BinaryPayloadDecoder.decode(ScalarSpan.self, from: raw) }
        }
    }
}
