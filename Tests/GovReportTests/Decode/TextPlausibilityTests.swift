import Testing
@testable import GovReport

@Suite("decode: plausibility of a trial decode")
struct TextPlausibilityTests {
    typealias F = DecodeFixtures

    private func read(_ bytes: [UInt8], as charset: String) throws -> TextPlausibility {
        TextPlausibility.measure(try #require(IconvConverter.decode(bytes, from: charset)).text)
    }

    @Test func rightCharsetReadsBetterThanWrongOnes() throws {
        let gbk = try F.encoded(F.reportParagraphs, "GBK")
        let right = try read(gbk, as: "GB18030")
        let asBig5 = try read(gbk, as: "BIG5-HKSCS")
        let asLatin = try read(gbk, as: "WINDOWS-1252")
        #expect(right.score > 0.8)
        #expect(right.commonShare > 0.8)
        #expect(asBig5.score < right.score - 0.25)
        #expect(asLatin.score < right.score - 0.25)
    }

    @Test func big5ReadAsGB18030IsMojibake() throws {
        let big5 = try F.encoded(F.traditionalReport, "BIG5")
        let right = try read(big5, as: "BIG5-HKSCS")
        let wrong = try read(big5, as: "GB18030")
        #expect(right.score > 0.8)
        #expect(wrong.score < right.score - 0.25)
        // Big5 punctuation (，= A1 41) lands in GB18030's private use area.
        #expect(wrong.garbage > 0)
    }

    @Test func westernTextScoresWellOnlyInItsCharset() throws {
        let text = "La commune a publié son rapport: médiation, sécurité et accès au droit pour l'année écoulée."
        #expect(TextPlausibility.measure(text).score > 0.9)
        let latin = try F.encoded(text, "ISO-8859-1")
        let asWestern = try read(latin, as: "WINDOWS-1252")
        let asChinese = try read(latin, as: "GB18030")
        #expect(asWestern.score > asChinese.score)
    }

    @Test func garbageScoresBelowZero() {
        let garbage = "\u{FFFD}\u{FFFD}\u{E4C6}\u{0001}\u{0002}报告"
        let measured = TextPlausibility.measure(garbage)
        #expect(measured.garbage == 5)
        #expect(measured.score < 0)
        #expect(TextPlausibility.measure("ASCII only, 2023.").score == 1)
    }
}
