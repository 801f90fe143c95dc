import Foundation
import Testing
@testable import GovReport

/// The strip stage's hand-written text loops (by UTF-8 bytes, by scalar pairs) on the inputs
/// where bytes, scalars and Characters part ways: CRLF and lone CR, combining marks, emoji,
/// NBSP, U+3000, zero-width space, empty strings, ASCII.
@Suite struct StripTextLoopTests {
    @Test(arguments: [
        ("", [String]()),
        ("\r\n\n\r", []),
        ("a\r\nb\rc\nd", ["a", "b", "c", "d"]),
        ("\r\n\r\n标题\n\n正文\r", ["标题", "正文"]),
        ("e\u{301}\r\nx", ["e\u{301}", "x"]),
        // A mark after a line break extends nothing: it starts the next line.
        ("a\n\u{301}b", ["a", "\u{301}b"]),
        ("\u{3000}一、总体\u{A0}\r\n\u{200B}", ["\u{3000}一、总体\u{A0}", "\u{200B}"]),
        ("👍🏽\n😀\r\n🇨🇳", ["👍🏽", "😀", "🇨🇳"]),
        ("only one line", ["only one line"]),
    ])
    func plainTextLines(text: String, lines: [String]) {
        #expect(PlainTextStripper.lines(of: text) == lines)
        // The same pieces as the split over Characters that it replaced.
        let byCharacters = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        #expect(byCharacters.map(String.init) == lines)
    }

    @Test(arguments: [
        ("", true, ""),
        ("   \n\t ", true, ""),
        (" a  b ", false, "a b"),
        ("Rule\n  of law", true, "Rule of law"),
        ("中\r\n文", true, "中文"),
        ("中\r\n文", false, "中 文"),
        ("e\u{301} \u{3000} x", false, "e\u{301} x"),
        ("\u{200B}中\u{FEFF}文\u{200B}", true, "中 文"),
        ("a\u{85}b\u{2028}c", false, "a b c"),
        ("👍🏽\n\n😀", true, "👍🏽 😀"),
        ("𠀀\n x", true, "𠀀x"),
        ("x\u{A0}\u{A0}“法治”", true, "x “法治”"),
    ])
    func collapsing(raw: String, markupBreaks: Bool, collapsed: String) {
        #expect(InlineText.collapse(raw, markupBreaks: markupBreaks) == collapsed)
        #expect(Array(InlineText.collapse(raw, markupBreaks: markupBreaks).utf8) == Array(collapsed.utf8))
    }

    /// Collapsing as stated, scalar by scalar: the rule the byte loop must keep.
    private static func collapsedByScalars(_ raw: String, markupBreaks: Bool) -> String {
        var result = String.UnicodeScalarView()
        var pending = (space: false, lineBreak: false)
        for scalar in raw.unicodeScalars {
            if InlineText.isSpace(scalar) {
                pending.space = true
                if markupBreaks, ["\n", "\r", "\t"].contains(scalar) { pending.lineBreak = true }
                continue
            }
            if pending.space, let previous = result.last,
               !(pending.lineBreak && (InlineText.isWide(previous) || InlineText.isWide(scalar))) {
                result.append(" ")
            }
            pending = (false, false)
            result.append(scalar)
        }
        return String(result)
    }

    @Test func collapsingAgreesWithTheRuleOnMixedText() {
        // Runs of ASCII and ideographs (copied whole) against every other kind of scalar.
        let pieces = ["a", "Zz", "1万", "中文", "法治", "\u{4000}", "\u{9FFF}", "\u{3FFF}", "\u{A000}", "“", "。", "，",
                      " ", "  ", "\n", "\r\n", "\t", "\u{A0}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\u{85}", "\u{2028}",
                      "\u{1680}", "e\u{301}", "😀", "𠀀", "~", "\u{7F}", "é", "\u{E000}"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3_000 {
            let raw = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for markupBreaks in [true, false] {
                let expected = Self.collapsedByScalars(raw, markupBreaks: markupBreaks)
                let got = InlineText.collapse(raw, markupBreaks: markupBreaks)
                if Array(got.utf8) != Array(expected.utf8) {
                    Issue.record("round \(round): \(raw.debugDescription) → \(got.debugDescription), not \(expected.debugDescription)")
                    return
                }
            }
        }
    }

    @Test func countingTextAgreesWithCountingScalars() {
        let pieces = ["a", "中文", "\u{4000}", "\u{9FFF}", "，", "。", "、", "！", "？", "；", "：", "!", "?", ",", " ", "\u{3000}",
                      "\n", "\u{A0}", "\u{200B}", "e\u{301}", "😀", "𠀀", "\u{3001}", "\u{FF0C}", "\u{FF5E}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let visible = text.unicodeScalars.filter { !InlineText.isSpace($0) }
            let counted = BodyScorer.countText(text)
            #expect(Int(counted.chars) == visible.count, "\(text.debugDescription)")
            #expect(Int(counted.punct) == visible.filter(InlineText.isClausePunctuation).count, "\(text.debugDescription)")
            #expect(InlineText.visibleCount(text) == visible.count, "\(text.debugDescription)")
        }
    }

    @Test func spacesAreExactlyTheListedScalars() {
        let spaces: Set<UInt32> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
                                   0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x200B, 0x2028, 0x2029, 0x202F,
                                   0x205F, 0x3000, 0xFEFF]
        for value in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(value) else { continue }
            if InlineText.isSpace(s) != spaces.contains(value) { Issue.record("isSpace(U+\(String(value, radix: 16)))") }
        }
    }

    @Test func visibleScalars() {
        #expect(InlineText.visibleCount("") == 0)
        #expect(InlineText.visibleCount(" \u{3000}\u{A0}\u{200B}\u{FEFF}\r\n") == 0)
        #expect(InlineText.visibleCount("\u{3000}中 文\u{200B}👍🏽e\u{301}") == 6)
        #expect(BodyScorer.countText("\u{3000}开展，法治。讲堂 a") == (chars: 9, punct: 2))
        #expect(BodyScorer.countText("") == (chars: 0, punct: 0))
    }

    @Test func scalarLimits() {
        #expect("".hasAtMostScalars(0))
        #expect("中文".hasAtMostScalars(2))
        #expect(!"中文".hasAtMostScalars(1))
        #expect("e\u{301}".hasAtMostScalars(2))
        #expect(!"e\u{301}".hasAtMostScalars(1))
        let mixed = String(repeating: "a", count: 50) + String(repeating: "中", count: 50)
        #expect(mixed.hasAtMostScalars(100))
        #expect(!(mixed + "😀").hasAtMostScalars(100))
        #expect(!String(repeating: "a", count: 101).hasAtMostScalars(100))
    }

    /// Marks found by memchr agree with a search of the scalars, wherever the mark stands and
    /// whatever shares its bytes (other full-width forms start with the same 0xEF).
    @Test func marksAgreeWithScalars() {
        let pieces = ["a", "中", "：", ":", "|", "｜", "，", ",", "（", "(", "]", "](", "\u{FF1B}", "\u{FF5C}", "\u{EF}", "😀", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for mark: Unicode.Scalar in [":", "|", ","] {
                let wide = Unicode.Scalar(mark.value + 0xFEE0)!
                let expected = text.unicodeScalars.contains { $0 == mark || $0 == wide }
                #expect(InlineText.containsMark(text, mark) == expected, "\(text.debugDescription) \(mark)")
            }
            let bytes = Array(text.utf8)
            let target = bytes.indices.dropFirst().contains { bytes[$0 - 1] == UInt8(ascii: "]") && bytes[$0] == UInt8(ascii: "(") }
            #expect(TextChromeFilter.hasMarkdownTarget(text) == target, "\(text.debugDescription)")
        }
    }

    /// Lines are read nearest first: the body's top, then one line above and one below it, and
    /// so on (an earlier line first when two are as near); lines after the body's end count on
    /// from its top. Long lines are passed over.
    @Test func nearnessWalksOutwardsFromTheBodysTop() {
        for count in 0...9 {
            for start in 0...count {
                for end in start...count {
                    let lines = (0..<count).map { PageLine(text: $0 == 4 ? String(repeating: "长", count: 101) : "\($0)", block: 0,
                                                           isBody: $0 >= start && $0 < end, inChromeTag: false, isTableRow: false) }
                    func distance(_ i: Int) -> Int { i < start ? start - i : i < end ? i - start : (i - end) + (end - start) }
                    let expected = (0..<count).filter { $0 != 4 }.sorted { (distance($0), $0) < (distance($1), $1) }.map { "\($0)" }
                    var visited: [String] = []
                    let found: Int? = Nearness(lines: lines, start: start, maxChars: 100).first { visited.append($0); return nil }
                    #expect(found == nil)
                    #expect(visited == expected, "\(count) lines, body \(start)..<\(end)")
                }
            }
        }
        let lines = ["来源：甲局", "正文", "来源：乙局"].enumerated().map {
            PageLine(text: $0.element, block: 0, isBody: $0.offset == 1, inChromeTag: false, isTableRow: false)
        }
        #expect(Nearness(lines: lines, start: 1, maxChars: 100).first(PageMetadata.labeledIssuer) == "甲局")
    }

    @Test func marksByBytes() {
        #expect(InlineText.containsMark("来源：某局", ":"))
        #expect(InlineText.containsMark("来源:某局", ":"))
        #expect(!InlineText.containsMark("来源某局", ":"))
        #expect(!InlineText.containsMark("", ":"))
        #expect(InlineText.containsMark("项目｜数量", "|"))
        #expect(InlineText.containsMark("，", ","))
        #expect(!InlineText.containsMark("＋。", ","))
        #expect(PageMetadata.hasDigit("２０２４年"))
        #expect(PageMetadata.hasDigit("第3条"))
        #expect(!PageMetadata.hasDigit("二〇二四年"))
        #expect(!PageMetadata.hasDigit(""))
        #expect(PageMetadata.hasComma("时间就是效率，我们"))
        // A comma with a mark on it is another Character, as before.
        #expect(!PageMetadata.hasComma("a,\u{301}b"))
        #expect(!PageMetadata.hasComma("时间就是效率。"))
        #expect(PageMetadata.hasComma("，"))
        #expect(PageMetadata.hasComma("a,"))
        #expect(PageMetadata.hasComma("e\u{301}，x"))
        #expect(PageMetadata.hasComma(",\u{301},x"))
        // A prepended mark takes the comma into its Character.
        #expect(!PageMetadata.hasComma("\u{600},x"))
        #expect(!PageMetadata.hasComma(""))
    }

    @Test(arguments: [
        ("法治政府建设年度报告", "法治政府建设年度报告", 1.0),
        ("", "abc", 0.0),
        ("a", "a", 1.0),
        ("a", "ab", 0.0),
        ("abab", "ab", 2.0 / 3.0),
        ("报 告\r\n总结", "报告总结", 1.0),
        ("2023年度报告", "2023年度工作报告", 0.75),
        // Canonically equivalent Characters are the same Character.
        ("café", "cafe\u{301}", 1.0),
        ("\u{F900}x", "\u{8C48}x", 1.0),
        // A Character of several scalars is one Character: "e\u{301}" + "x" is one bigram.
        ("e\u{301}x", "ex", 0.0),
        ("👍🏽👍", "👍👍🏽", 0.0),
    ])
    func bigramSimilarity(a: String, b: String, expected: Double) {
        #expect(PageMetadata.similarity(a, b) == expected)
        #expect(PageMetadata.similarity(b, a) == expected)
        #expect(PageMetadata.similarityByCharacters(a, b) == expected)
    }

    @Test func plainBigramsAgreeWithCharacters() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("中文法治报告建设、，。（）“”—-ab1２ \u{3000}\u{A0}\n")
        for _ in 0..<500 {
            let a = String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let b = String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(PageMetadata.plainBigrams(a) != nil)
            #expect(PageMetadata.similarity(a, b) == PageMetadata.similarityByCharacters(a, b), "\(a) | \(b)")
        }
    }

    /// What `isPlainScalar` promises, for every scalar it admits: combining class 0, its own
    /// NFC and NFD, a Character of its own beside others, not white space.
    @Test func plainScalarsStandAlone() {
        var admitted = 0
        for value in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(value), PageMetadata.isPlainScalar(s) else { continue }
            admitted += 1
            let alone = String(s)
            #expect(s.properties.canonicalCombiningClass == .notReordered, "\(value)")
            #expect(Array(alone.precomposedStringWithCanonicalMapping.unicodeScalars) == [s], "\(value)")
            #expect(Array(alone.decomposedStringWithCanonicalMapping.unicodeScalars) == [s], "\(value)")
            #expect(("a" + alone + "中" + alone + alone).count == 5, "\(value)")
            #expect(!s.properties.isWhitespace, "\(value)")
        }
        #expect(admitted == 27_840)
    }

    @Test(arguments: [
        ("首页 > 政务", "首页", true), ("首页", "首页", true), ("首", "首页", false), ("", "首页", false),
        ("网站首页", "首页", false), ("首页\u{301}", "首页", false), ("首\u{301}页", "首页", false),
        ("\u{F900}", "\u{8C48}", true), ("位置：首页", "位置", true), ("位置\u{20DD}：", "位置", false),
        ("ab", "a", true), ("a\u{301}b", "a", false), ("中文", "ab", false),
        ("首 页", "首页", false), (" 首页", "首页", false), ("首页 >", "首页", true), ("首页\r\n", "首页", true),
        ("Copyright 2024", "网站首页", false), ("\u{3000}\u{301}首页", "首页", false), ("首页\u{A0}\u{301}", "首页", true),
    ])
    func prefixesOfCharacters(line: String, prefix: String, expected: Bool) {
        #expect(PageMetadata.hasPrefix(line, prefix) == expected)
        #expect(line.hasPrefix(prefix) == expected)
    }

    @Test func prefixWordsArePlain() {
        for word in PageMetadata.homeWords + ["位置"] {
            #expect(word.unicodeScalars.allSatisfy(PageMetadata.isPlainScalar), "\(word)")
        }
    }

    @Test func outlineMarkersAtTheStartOnly() {
        for line in ["一、", "（十二）措施", "(3)", "3.", "12、工作", "一是", "二．"] {
            #expect(PageMetadata.startsWithOutlineMarker(line), "\(line)")
        }
        for line in ["", "（", "（一", "123.", "1.5", "一", "关于一、", "\u{3000}一、", "１２３４５６７８９、"] {
            #expect(!PageMetadata.startsWithOutlineMarker(line), "\(line)")
        }
        // Only the first eight scalars are looked at.
        #expect(!PageMetadata.startsWithOutlineMarker("（一二三四五六七）"))
        #expect(PageMetadata.startsWithOutlineMarker("（一二三四五六）"))
    }

    @Test func chromeKindsOfASCIIAndOtherNames() {
        func kind(_ idClass: String, preferred: [String] = []) -> ChromeRemover.Kind {
            ChromeRemover(bodySelectors: preferred).kind(of: HTMLDocument.Node(
                tag: .div, parent: 0, end: 1, idClass: idClass, hidden: false))
        }
        #expect(kind("leftnav") == .penalized)
        #expect(kind("navbar item") == .penalized)
        #expect(kind("news_content") == .bonus)
        #expect(kind("main-txt") == .bonus)
        #expect(kind("x-trs_editor-y") == .bonus)
        #expect(kind("article footer") == .penalized)
        #expect(kind("item  box--") == .neutral)
        #expect(kind("  ") == .neutral)
        #expect(kind("mybody footer", preferred: ["mybody"]) == .preferred)
        #expect(kind("footer mybody", preferred: ["mybody"]) == .penalized)
        // Names with other bytes go the way of Characters: the space before a mark splits nothing.
        #expect(kind("内容 content") == .bonus)
        #expect(kind("con x") == .bonus)
        #expect(kind("con \u{301}x") == .neutral)
        #expect(kind("内容 nav") == .penalized)
    }

    @Test func titleBrokenOverLinesIsDropped() throws {
        let body = BodyParagraphs(filter: try TextChromeFilter(), minParagraphChars: 1, minBodyChars: 1)
        let lines = ["关于 2023 年", "法治政府建设的\u{3000}报告", "全年共受理群众来信来访126件，办结率100%。"]
        #expect(try body.finish(lines, titles: ["关于2023年法治政府建设的报告"]) == [lines[2]])
        #expect(try body.finish(lines, titles: ["关于2023年"]) == Array(lines[1...]))
        #expect(try body.finish(lines, titles: ["", "无关标题"]) == lines)
        #expect(BodyParagraphs.squeezed(" 关于\u{3000}2023\u{A0}年 ") == "关于2023年")
        #expect(BodyParagraphs.squeezed("") == "")
    }
}
