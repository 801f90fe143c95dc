import Foundation
import Testing
@testable import GovReport

/// The fast scalar primitives the text rules run on must answer exactly as the slower
/// standard-library forms they replaced.
@Suite struct ScalarPrimitivesTests {
    static let allScalars: [Unicode.Scalar] = (0...0x10FFFF).compactMap(Unicode.Scalar.init(_:))

    @Test func whiteSpaceAgreesWithTheUnicodePropertyForEveryScalar() {
        let disagreeing = Self.allScalars.filter { $0.isWhiteSpace != $0.properties.isWhitespace }
        #expect(disagreeing.isEmpty, "\(disagreeing.map { String($0.value, radix: 16) })")
        #expect(Unicode.Scalar(0x3000)!.isWhiteSpace)  // the ideographic space of Chinese text
        #expect(!Unicode.Scalar(0x200B)!.isWhiteSpace)  // zero-width space is not White_Space
    }

    @Test func scalarArrayIsTheStringsScalarsForEveryScalar() {
        // Every scalar of every UTF-8 length, in runs that mix them.
        let every = String(String.UnicodeScalarView(Self.allScalars))
        #expect(every.scalarArray == Array(every.unicodeScalars))
        for text in ["", "a", "法治政府建设情况报告", "2023年受理案件1万余件😀，\u{0}末\u{10FFFF}", "é\u{301}ﬁ　全角ＡＢＣ"] {
            #expect(text.scalarArray == Array(text.unicodeScalars), "\(text)")
        }
        // A substring's string and a bridged-looking string built piece by piece.
        let piece = String(every.dropFirst(70_000).prefix(500))
        #expect(piece.scalarArray == Array(piece.unicodeScalars))
    }

    @Test func scalarSetAnswersAsASwiftSet() {
        let members = "，。；！？、《》“”的了在与和及并等对为是将把被由向从于或即暨 \n\t,;!?()（）〔〕"
        let fast = ScalarSet(members)
        let reference = Set(members.unicodeScalars)
        let probes = Array(members.unicodeScalars) + Array("法治政府建设情况报告2023年ABCxyz😀\u{0}\u{10FFFF}".unicodeScalars)
            + (0x4E00...0x4EFF).compactMap(Unicode.Scalar.init(_:))
        for probe in probes {
            #expect(fast.contains(probe) == reference.contains(probe), "\(probe)")
        }
        #expect(fast.count == reference.count)
        #expect(!ScalarSet("").contains("a"))
        #expect(fast.union(["😀"]).contains("😀"))

        // A small set, as the hot loops use: most scalars are turned away by its bit mask, and
        // those that share a member's bit (the same value modulo 64, as あ with 。) are searched.
        let stops = ScalarSet("。！？!?\n")
        let stopsReference = Set("。！？!?\n".unicodeScalars)
        let wrong = (UInt32(0)...0x2_0000).compactMap(Unicode.Scalar.init).filter { stops.contains($0) != stopsReference.contains($0) }
        #expect(wrong.isEmpty)
        #expect(!stops.contains("あ") && "あ".unicodeScalars.first!.value % 64 == "。".unicodeScalars.first!.value % 64)
    }

    @Test func wordListFindsTheLongestWordStartingOrEndingAtAPosition() {
        let list = WordList(["场", "场次", "人", "人次", "法律明白人"])
        let text = Array("开展讲座12场次，覆盖3000人次，培养法律明白人".unicodeScalars)
        func naiveAt(_ i: Int) -> [Unicode.Scalar]? {
            list.words.first { WordList.matches(text, at: i, $0) }
        }
        func naiveEnding(_ end: Int) -> [Unicode.Scalar]? {
            list.words.first { WordList.matches(text, at: end - $0.count, $0) }
        }
        for i in -1...(text.count + 1) {
            #expect(list.first(in: text, at: i) == naiveAt(i), "at \(i)")
            #expect(list.first(in: text, endingAt: i) == naiveEnding(i), "ending at \(i)")
        }
        let at = text.firstIndex(of: "场")!
        #expect(list.first(in: text, at: at).map { String(String.UnicodeScalarView($0)) } == "场次")
        #expect(list.first(in: text, endingAt: text.count).map { String(String.UnicodeScalarView($0)) } == "法律明白人")
    }

    /// The lists the rules use, hundreds of words with many sharing a first or last character,
    /// answer at every position of a report's text as a scan of the whole list in order does.
    @Test func largeWordListsAnswerAsAScanOfEveryWordInOrder() {
        let lists = [MeasureWords.notUnits + MeasureWords.count, MeasureWords.measure, SubjectCleaner.agentSuffixes,
                     SubjectCleaner.actionVerbs, SubjectCleaner.prepositions, MeasureWords.ratio]
        let text = Array("""
            2023年，枫林街道办理行政复议案件12件，人民调解委员会调处矛盾纠纷356起，处理信访事项48件次，            组织村民参加法治讲座20余场次，1200人次参加；项目资金400余万元，面积3.5平方公里，            增长12个百分点，执法大队办结率达到98.6%，通过村务公开栏公开政府信息60条，第1批3个村居。
            """.unicodeScalars)
        for list in lists {
            for i in -1...(text.count + 1) {
                #expect(list.first(in: text, at: i) == list.words.first { WordList.matches(text, at: i, $0) }, "at \(i)")
                #expect(list.first(in: text, endingAt: i) == list.words.first { WordList.matches(text, at: i - $0.count, $0) },
                        "ending at \(i)")
            }
        }
        // The order of the words given is kept within a group: here the shorter word comes first.
        let given = WordList(scalarWords: [Array("人".unicodeScalars), Array("人次".unicodeScalars)])
        #expect(given.first(in: Array("人次".unicodeScalars), at: 0) == Array("人".unicodeScalars))
    }

    @Test func isOneOfMatchesWholeScalarsOnlyInAnyUTF8Length() {
        let set = "a，。😀é-"
        for probe in Array("a，。😀é-".unicodeScalars) { #expect(CharClass.isOneOf(probe, set), "\(probe)") }
        // Scalars sharing UTF-8 bytes with members (same lead or continuation bytes) are not members.
        for probe in Array("b，x〇😁è_\u{8C}".unicodeScalars) where !set.unicodeScalars.contains(probe) {
            #expect(!CharClass.isOneOf(probe, set), "\(probe)")
        }
        #expect(!CharClass.isOneOf(nil, set))
        #expect(!CharClass.isOneOf("a", ""))
    }

    @Test func scalarMapAnswersAsADictionary() {
        let reference: [Unicode.Scalar: Int] = ["〇": 0, "零": 0, "一": 1, "两": 2, "九": 9, "十": 10, "亿": 100_000_000, "a": -1, "😀": 7]
        let fast = ScalarMap(reference)
        let probes = Array(reference.keys) + Array("法治政府2023年ABC\u{0}\u{10FFFF}".unicodeScalars)
            + (0x4E00...0x4EFF).compactMap(Unicode.Scalar.init(_:))
        for probe in probes {
            #expect(fast[probe] == reference[probe], "\(probe)")
        }
        // Every scalar up to U+20000: most are turned away by the bit mask, the rest searched.
        let wrong = (UInt32(0)...0x2_0000).compactMap(Unicode.Scalar.init).filter { fast[$0] != reference[$0] }
        #expect(wrong.isEmpty)
        #expect(Set(fast.keys) == Set(reference.keys))
        let literal: ScalarMap<Int> = ["百": 100, "千": 1000]
        #expect(literal["千"] == 1000 && literal["万"] == nil && literal.count == 2)
        #expect(ScalarMap<Int>([:])["一"] == nil)
    }

    @Test func invisibleCharactersAgreeWithTheUnicodePropertiesForEveryScalar() {
        func reference(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .format, .control, .privateUse, .surrogate: return true
            default: return scalar.properties.isNoncharacterCodePoint || scalar.properties.isVariationSelector || scalar == "\u{FFFC}"
            }
        }
        let disagreeing = Self.allScalars.filter { WhitespaceNormalizer.isInvisible($0) != reference($0) }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(20).map { String($0.value, radix: 16) })")
    }

    @Test func commonHanziBitmapAgreesWithItsSetForEveryScalar() {
        let disagreeing = Self.allScalars.filter { CommonHanzi.contains($0) != CommonHanzi.characters.contains($0) }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(20).map { String($0.value, radix: 16) })")
        #expect(CommonHanzi.contains("法") && CommonHanzi.contains("國") && !CommonHanzi.contains("a"))
    }

    @Test func stringFromScalarsRoundTripsEveryUTF8Length() {
        let text = "2023年，A街道“法律明白人”𠀀😀é\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"
        let scalars = Array(text.unicodeScalars)
        #expect(String(scalars: scalars) == text)
        #expect(String(scalars: scalars[5..<9]) == String(String.UnicodeScalarView(scalars[5..<9])))
        #expect(String(scalars: [Unicode.Scalar]()) == "")
        let all = String(scalars: Self.allScalars)
        #expect(Array(all.unicodeScalars) == Self.allScalars)
    }

    @Test func sha256HexIsTheStandardDigestInLowerCaseHex() {
        #expect(sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(sha256Hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
