import Foundation
import Testing
@testable import GovReport

/// decode over every sample: the encoding really used is found, and the text is whole.
@Suite struct DecodeSamplesTests {
    @Test func thereAreSamplesInEveryEncoding() {
        let encodings = Set(SampleExpectation.all.map(\.encoding))
        #expect(SampleExpectation.all.count >= 12)
        #expect(encodings.isSuperset(of: ["UTF-8", "GBK", "GB18030", "BIG5"]))
    }

    @Test(arguments: SampleExpectation.all)
    func detectsTheRealEncoding(_ sample: SampleExpectation) throws {
        let decoded = try DecodeStage(options: DecodeOptions()).process(try sample.raw(), document: sample.document)
        let family: [String: Set<String>] = [
            "UTF-8": ["UTF-8"], "GBK": ["GB18030"], "GB18030": ["GB18030"], "BIG5": ["BIG5-HKSCS", "BIG5", "CP950"],
        ]
        #expect(family[sample.encoding]?.contains(decoded.encodingDetected) == true,
                "\(sample.file): detected \(decoded.encodingDetected), bytes are \(sample.encoding)")
        #expect(decoded.encodingDeclared == sample.declared.uppercased())
        #expect(decoded.invalidBytes == 0)
        #expect(decoded.isHTML == sample.isHTML)
        #expect(!decoded.text.hasPrefix("\u{FEFF}"))
        // The text holds the article's last line exactly (the first may be split by markup).
        #expect(decoded.text.contains(sample.last_paragraph))
        if sample.file.contains("mislabelled") { #expect(decoded.evidence != "meta") }
        if sample.bom { #expect(decoded.evidence == "bom") }
    }
}
