import Foundation
import Testing
@testable import GovReport

@Suite struct AlignedConversionTests {
    @Test func keepsWholeTextConversionWhenLengthsAgree() {
        let converted = AlignedConversion.convert("乾淨整潔的辦公環境") { text in
            text == "乾淨整潔的辦公環境" ? "干净整洁的办公环境" : text
        }
        #expect(converted == "干净整洁的办公环境")
    }

    @Test func fallsBackPerClauseThenPerCharacterWhenAPhraseChangesLength() {
        // A converter with one phrase that shortens (as tw2sp's 演算法 → 算法) and character mappings.
        let characters: [Character: Character] = ["動": "动", "機": "机", "審": "审", "資": "资", "軟": "软", "體": "体", "為": "为", "業": "业", "務": "务"]
        func convert(_ text: String) -> String {
            let phrased = text.replacingOccurrences(of: "演算法", with: "算法")
            return String(phrased.map { characters[$0] ?? $0 })
        }
        let source = "推動演算法審查機制，為企業提供軟體服務。"
        let converted = AlignedConversion.convert(source, with: convert)
        #expect(converted.unicodeScalars.count == source.unicodeScalars.count)
        // The clause with the shortening phrase is converted character by character.
        #expect(converted == "推动演算法审查机制，为企业提供软体服务。")
    }

    @Test func realPhraseTableThatChangesLengths() throws {
        let converter = try OpenCCConverter(configPath: #require(OpenCCConverter.locate("tw2sp.json")))
        let source = "推動演算法透明化，建立資料庫安全審查機制，為轄區企業提供隨身碟加密服務。"
        #expect(try converter.convert(source).unicodeScalars.count != source.unicodeScalars.count)
        let converted = try AlignedConversion.convert(source, with: converter.convert)
        #expect(converted.unicodeScalars.count == source.unicodeScalars.count)
        #expect(converted.hasPrefix("推动演算法透明化，"))
        #expect(converted.contains("辖区企业"))
        #expect(!converted.contains { "動審機轄區業務".contains($0) })
    }

    @Test func customConfigurationWithALengthChangingTerm() throws {
        let folder = try OpenCCTestFolder()
        let config = try CustomOpenCCConfig.write(in: folder.url)
        let converter = try OpenCCConverter(configPath: config)
        let source = "依法推進政府資訊公開工作，公開率達到100%。"
        #expect(try converter.convert(source) == "依法推进政务公开工作，公开率达到100%。")
        let converted = try AlignedConversion.convert(source, with: converter.convert)
        #expect(converted == "依法推进政府资讯公开工作，公开率达到100%。")
    }

    @Test func emptyText() {
        #expect(AlignedConversion.convert("") { _ in "不应调用" } == "")
    }
}

/// A user's OpenCC configuration: a text dictionary with one term that shortens, then t2s.
enum CustomOpenCCConfig {
    static func write(in folder: URL) throws -> String {
        let phrases = try #require(OpenCCConverter.locate("TSPhrases.ocd2"))
        let characters = try #require(OpenCCConverter.locate("TSCharacters.ocd2"))
        try "政府資訊公開\t政务公开\n".write(to: folder.appendingPathComponent("gov.txt"), atomically: true, encoding: .utf8)
        let json = """
        {
          "name": "Government terms, then traditional to simplified",
          "segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "gov.txt"}},
          "conversion_chain": [
            {"dict": {"type": "text", "file": "gov.txt"}},
            {"dict": {"type": "group", "dicts": [{"type": "ocd2", "file": "\(phrases)"}, {"type": "ocd2", "file": "\(characters)"}]}}
          ]
        }
        """
        let path = folder.appendingPathComponent("gov2s.json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
