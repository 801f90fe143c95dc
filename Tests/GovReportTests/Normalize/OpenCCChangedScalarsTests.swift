import Foundation
import Testing
@testable import GovReport

/// The converter skips OpenCC for texts without a scalar its configuration can change: these
/// tests check that the set read from the dictionaries makes that skip exact.
@Suite struct OpenCCChangedScalarsTests {
    private func converter(_ config: String) throws -> OpenCCConverter {
        try OpenCCConverter(configPath: #require(OpenCCConverter.locate(config)))
    }

    @Test func t2sChangesTraditionalCharactersOnly() throws {
        let changed = try converter("t2s.json").changedScalars
        #expect(changed.count > 3000)
        for traditional in "國實際發說與當時處義應關經現來們過還進對麼從體機習總開區會" .unicodeScalars {
            #expect(changed.contains(traditional), "\(traditional)")
        }
        for simplified in "国实际发说与当时处义应关经现来们过还进对从体机习总开区会法治政府建设年月日，。0aA".unicodeScalars {
            #expect(!changed.contains(simplified), "\(simplified)")
        }
        // Changed only inside phrases (藉口 → 借口; 藉 alone stays 藉): found in the phrase table.
        #expect(try converter("t2s.json").convertWithOpenCC("藉") == "藉")
        #expect(changed.contains("藉"))
    }

    /// Any text made only of scalars outside the set converts to itself: every scalar of the BMP
    /// and of the supplementary ideograph planes, in runs of 500 so that phrases can form.
    @Test(arguments: ["t2s.json", "hk2s.json", "tw2sp.json", "s2t.json"])
    func textsWithoutAChangedScalarConvertToThemselves(config: String) throws {
        let converter = try converter(config)
        let changed = try converter.changedScalars
        var unchanged: [Unicode.Scalar] = []
        for value in UInt32(0x20)...0x3FFFF {
            guard let scalar = Unicode.Scalar(value), !changed.contains(scalar) else { continue }
            unchanged.append(scalar)
        }
        var runs = 0, differing: [String] = []
        for start in stride(from: 0, to: unchanged.count, by: 500) {
            var run = String.UnicodeScalarView()
            run.append(contentsOf: unchanged[start..<min(unchanged.count, start + 500)])
            let text = String(run)
            if try converter.convertWithOpenCC(text) != text { differing.append(String(text.prefix(8))) }
            runs += 1
        }
        #expect(runs > 300)
        #expect(differing.isEmpty, "runs changed by \(config): \(differing.prefix(5))")
    }

    /// Whole reports, paragraph by paragraph: the skip gives what OpenCC gives, in both directions.
    @Test func sampleReportsConvertAsOpenCCConvertsThem() throws {
        let t2s = try converter("t2s.json"), s2t = try converter("s2t.json")
        var paragraphs: [String] = []
        for name in ["liantang-street-2023-hant-utf8.html", "liuwan-street-2023-utf8.html"] {
            let page = try String(contentsOf: TestSupport.samples.appendingPathComponent("pages/" + name), encoding: .utf8)
            paragraphs += try stripDocument(page).paragraphs
        }
        #expect(paragraphs.count > 40)
        var skipped = 0
        for paragraph in paragraphs {
            #expect(try t2s.convert(paragraph) == t2s.convertWithOpenCC(paragraph))
            #expect(try s2t.convert(paragraph) == s2t.convertWithOpenCC(paragraph))
            if try !t2s.changedScalars.touches(paragraph) { skipped += 1 }
        }
        // The simplified report skips OpenCC, the traditional one does not.
        #expect(skipped > 10 && skipped < paragraphs.count)
    }

    /// A user's text dictionary is read too: its term shortens, so all its scalars count.
    @Test func customTextDictionaryTermsAreIncluded() throws {
        let folder = try OpenCCTestFolder()
        let converter = try OpenCCConverter(configPath: CustomOpenCCConfig.write(in: folder.url))
        let changed = try converter.changedScalars
        for scalar in "政府資訊公開".unicodeScalars { #expect(changed.contains(scalar)) }
        #expect(try converter.convert("政府資訊公開") == "政务公开")
        #expect(try converter.convert("政府信息公开") == "政府信息公开")
    }

    @Test func setFromScalarValues() {
        let set = OpenCCChangedScalars([0x570B, 0x570B, 0x20000, 0x41], keepsLengths: true)
        #expect(set.count == 3)
        #expect(set.contains("國") && set.contains("A") && set.contains("\u{20000}"))
        #expect(!set.contains("国") && !set.contains("\u{10FFFF}"))
        #expect(set.touches("中華民國") && !set.touches("中华民国") && !set.touches(""))
        #expect(set.count(in: "中華民國國") == 2 && set.count(in: "中华民国") == 0)
    }

    /// The standard tables map each key to a value of its length; tw2sp's phrases (演算法 → 算法)
    /// and a user's dictionary with a shorter term do not.
    @Test func whetherAConfigurationKeepsLengths() throws {
        #expect(try converter("s2t.json").changedScalars.keepsLengths)
        #expect(try converter("t2s.json").changedScalars.keepsLengths)
        #expect(try !converter("tw2sp.json").changedScalars.keepsLengths)
        let folder = try OpenCCTestFolder()
        #expect(try !OpenCCConverter(configPath: CustomOpenCCConfig.write(in: folder.url)).changedScalars.keepsLengths)
    }
}
