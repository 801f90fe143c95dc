import Foundation
import Testing
@testable import GovReport

/// decode then strip over every sample page and text: the article and its metadata, no chrome.
@Suite struct StripSamplesTests {
    static func strip(_ sample: SampleExpectation) throws -> (DecodedDocument, StrippedDocument) {
        let decoded = try DecodeStage(options: DecodeOptions()).process(try sample.raw(), document: sample.document)
        return (decoded, try StripStage(options: StripOptions()).process(decoded, document: sample.document))
    }

    @Test(arguments: SampleExpectation.all)
    func keepsTheArticleAndItsMetadata(_ sample: SampleExpectation) throws {
        let (decoded, stripped) = try Self.strip(sample)
        #expect(stripped.title == sample.title)
        // Where the page labels its date or source, strip must read it; where only the signature
        // names them, extract does (checked in the pipeline tests).
        let labelsDate = ["发布时间", "發佈時間", "發布時間", "发布日期", "name=\"PubDate\""].contains { decoded.text.contains($0) }
        let labelsIssuer = ["来源：", "來源：", "来源:", "來源:", "name=\"ContentSource\""].contains { decoded.text.contains($0) }
        if labelsDate { #expect(stripped.publishDate == sample.publish_date, "\(sample.file): date \(stripped.publishDate)") }
        else { #expect(stripped.publishDate.isEmpty || stripped.publishDate == sample.publish_date) }
        if labelsIssuer { #expect(stripped.issuer == sample.issuer, "\(sample.file): issuer \(stripped.issuer)") }
        else { #expect(stripped.issuer.isEmpty || stripped.issuer == sample.issuer, "\(sample.file): issuer \(stripped.issuer)") }
        #expect(stripped.paragraphs.first == sample.first_paragraph, "\(sample.file): first \(stripped.paragraphs.first ?? "")")
        #expect(stripped.paragraphs.last == sample.last_paragraph, "\(sample.file): last \(stripped.paragraphs.last ?? "")")
        let body = stripped.paragraphs.joined(separator: "\n")
        for chrome in sample.chrome {
            #expect(!body.contains(chrome), "\(sample.file): chrome left in the body: \(chrome)")
        }
        #expect(!body.contains("<") || body.contains("<法治"), "\(sample.file): markup left in the body")
    }

    @Test func mostPagesLabelTheirDateAndSource() throws {
        // Guards the test above against samples that stop labelling anything.
        let labelled = try SampleExpectation.all.filter { try !Self.strip($0).1.issuer.isEmpty }
        #expect(labelled.count >= 6)
    }
}
