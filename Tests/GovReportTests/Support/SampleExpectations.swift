import Foundation
import Testing
@testable import GovReport

/// One entry of samples/EXPECTED.json: what a reader finds in each sample.
struct SampleExpectation: Decodable, Sendable, CustomTestStringConvertible {
    struct ExpectedMetric: Decodable, Sendable {
        var raw: String
        var value: Double
        var unit: String
        var qualifier: String
        var subject: String
        var parent: String?
        var anchor: String?
    }

    struct ExpectedCitation: Decodable, Sendable {
        var title: String
        var doc_number: String
        var kind: String
    }

    var file: String
    var encoding: String
    var declared: String
    var bom: Bool
    var title: String
    var title_simplified: String?
    var publish_date: String
    var issuer: String
    var issuer_simplified: String?
    var first_paragraph: String
    var last_paragraph: String
    var chrome: [String]
    var report_year: Int
    var province: String
    var city: String
    var county: String
    var township: String
    var script: String
    var metrics: [ExpectedMetric]
    var non_metrics: [String]
    var citations: [ExpectedCitation]
    var parts: [String]
    var template: String?

    var testDescription: String { file }
    var url: URL { TestSupport.samples.appendingPathComponent(file) }
    var isHTML: Bool { file.hasSuffix(".html") }

    static let all: [SampleExpectation] = {
        let data = (try? Data(contentsOf: TestSupport.samples.appendingPathComponent("EXPECTED.json"))) ?? Data()
        return (try? JSONDecoder().decode([SampleExpectation].self, from: data)) ?? []
    }()

    /// The raw document as fetch stores it.
    func raw() throws -> RawDocument {
        let bytes = [UInt8](try Data(contentsOf: url))
        return RawDocument(docId: DocumentID.make(source: file), source: "samples/\(file)", bytes: bytes,
                           sha256: sha256Hex(bytes), declaredCharset: nil,
                           contentType: isHTML ? "text/html" : "text/plain")
    }

    var document: DocumentRef { DocumentRef(docId: DocumentID.make(source: file), source: "samples/\(file)") }
}
