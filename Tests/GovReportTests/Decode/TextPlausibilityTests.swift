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

    /// The measure as first written, over the string's scalar iterator: the rule itself.
    private func referenceMeasure(_ text: String) -> TextPlausibility {
        var total = 0.0
        var judged = 0, ideographs = 0, common = 0, garbage = 0
        var seen = 0
        var previous: Unicode.Scalar?
        var pendingLetter: Unicode.Scalar?? = nil

        func scoreLetter(before: Unicode.Scalar?, after: Unicode.Scalar?) {
            func asciiLetter(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { $0.isASCII && $0.properties.isAlphabetic } ?? false }
            if asciiLetter(before) || asciiLetter(after) {
                total += 1
            } else if TextPlausibility.isNonASCIILetter(before) || TextPlausibility.isNonASCIILetter(after) {
                total += 0.5
            }
        }

        for scalar in text.unicodeScalars {
            if seen == TextPlausibility.sampleLimit { break }
            seen += 1
            if let before = pendingLetter {
                scoreLetter(before: before, after: scalar)
                pendingLetter = nil
            }
            defer { previous = scalar }
            let value = scalar.value
            if value < 0x80 {
                if TextPlausibility.isGarbageControl(value) {
                    judged += 1; garbage += 1; total -= 1
                }
                continue
            }
            judged += 1
            if TextPlausibility.isGarbage(value) {
                garbage += 1; total -= 1
            } else if TextPlausibility.isIdeograph(value) {
                ideographs += 1
                if CommonHanzi.contains(scalar) {
                    common += 1; total += 1
                } else {
                    total += 0.25
                }
            } else if TextPlausibility.isCJKPunctuation(value) {
                total += 1
            } else if scalar.properties.isAlphabetic {
                pendingLetter = .some(previous)
            }
        }
        if let before = pendingLetter { scoreLetter(before: before, after: nil) }
        let score = judged == 0 ? 1 : total / Double(judged)
        return TextPlausibility(score: score, judged: judged, ideographs: ideographs,
                                commonIdeographs: common, garbage: garbage)
    }

    @Test func asciiLettersAreTheAlphabeticASCIIScalars() {
        for value in UInt8(0)...0x7F {
            let scalar = Unicode.Scalar(value)
            #expect(TextPlausibility.isASCIILetter(scalar) == scalar.properties.isAlphabetic, "\(value)")
        }
        #expect(!TextPlausibility.isASCIILetter("é") && !TextPlausibility.isASCIILetter(nil))
    }

    /// Random texts of ASCII markup, controls, Latin letters, ideographs common and rare, CJK
    /// punctuation, replacement and private-use characters and four-byte scalars, and texts
    /// that run past the sample limit: the byte loop measures exactly what the rule measures.
    @Test func byteLoopMeasuresWhatTheScalarLoopMeasures() {
        var generator = SystemRandomNumberGenerator()
        let pool = Array("<p class=\"a\">Ab 1\t\n\u{01}\u{7F}éüßÖ÷Òª报告的法治鑫龘，。《》“”\u{FFFD}\u{E4C6}\u{20021}😀Ωж\u{85}".unicodeScalars)
        for length in [0, 1, 2, 3, 10, 200, 3_000] {
            for _ in 0..<40 {
                let text = String(String.UnicodeScalarView((0..<length).map { _ in pool.randomElement(using: &generator)! }))
                #expect(TextPlausibility.measure(text) == referenceMeasure(text), "\(text.debugDescription)")
            }
        }
        let limit = TextPlausibility.sampleLimit
        for tail in ["é", "aé", "éa", "报é", "éé"] {
            let text = String(repeating: "x", count: limit - 1) + tail + "ü"
            #expect(TextPlausibility.measure(text) == referenceMeasure(text))
        }
    }
}
