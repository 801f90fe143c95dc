import Foundation
import Testing
@testable import GovReport

/// The characters each built-in chrome pattern claims every match holds (`ChromePattern.anyOf`)
/// decide which lines skip the regex; a wrong claim would keep a chrome line in the body.
@Suite struct ChromePatternTests {
    /// Every alternative of every built-in pattern, each optional part taken and left out, each
    /// listed character of a class tried: every such line is matched by its pattern and holds
    /// one of the pattern's characters (or starts with a space, which always goes to the regex), so
    /// that the filter sends it to the regex its pattern is in (anchored or unanchored).
    @Test(arguments: TextChromeFilter.defaultPatterns.indices)
    func everyAlternativeHoldsOneOfItsPatternsCharacters(index: Int) throws {
        let pattern = TextChromeFilter.defaultPatterns[index]
        let regex = try NSRegularExpression(pattern: pattern.regex)
        let filter = try TextChromeFilter()
        let lines = try RegexExamples.strings(of: pattern.regex)
        #expect(lines.count >= 2, "\(pattern.regex)")
        let needed = Set(pattern.anyOf.unicodeScalars)
        for line in lines {
            let range = NSRange(line.startIndex..., in: line)
            #expect(regex.firstMatch(in: line, range: range) != nil, "\(pattern.regex) does not match its example \(line.debugDescription)")
            let holds = line.unicodeScalars.contains(where: needed.contains)
                || line.unicodeScalars.first.map(InlineText.isSpace) == true
            #expect(holds, "\(line.debugDescription) matches \(pattern.regex) without any of \(pattern.anyOf)")
            let may = filter.mayMatch(line)
            #expect(pattern.isAnchored ? may.anchored : may.unanchored, "\(line.debugDescription)")
        }
    }

    /// A pattern that starts with `^` goes under the anchored regex's one `^`: it must have no
    /// `|` outside its groups, or its other branches would be anchored too.
    @Test func anchoredPatternsHaveNoTopLevelAlternation() {
        let anchored = TextChromeFilter.defaultPatterns.filter(\.isAnchored)
        #expect(anchored.count >= 8)
        #expect(TextChromeFilter.defaultPatterns.count - anchored.count >= 6)
        for pattern in anchored {
            #expect(!hasTopLevelAlternation(pattern.regex), "\(pattern.regex) has a | outside its groups")
        }
        #expect(hasTopLevelAlternation("^a|b") && hasTopLevelAlternation("^(a)|[b]"))
        #expect(!hasTopLevelAlternation("^(a|b)") && !hasTopLevelAlternation("^[|]x") && !hasTopLevelAlternation(#"^\|x"#))
    }

    private func hasTopLevelAlternation(_ regex: String) -> Bool {
        var depth = 0, inClass = false, escaped = false
        for scalar in regex.unicodeScalars {
            if escaped { escaped = false; continue }
            switch scalar {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass: depth -= 1
            case "|" where !inClass && depth == 0: return true
            default: break
            }
        }
        return false
    }

    /// ICU's `\s` (in the white-space-only pattern) is never a scalar `isSpace` leaves out, so a
    /// line of white space alone always goes to the regex.
    @Test func icuWhiteSpaceIsWithinTheSpacesThatSendALineToTheRegex() throws {
        let everyScalar = String(String.UnicodeScalarView((0...0x2FFFF).compactMap { Unicode.Scalar(UInt32($0)) }))
        let matches = try NSRegularExpression(pattern: #"\s"#)
            .matches(in: everyScalar, range: NSRange(everyScalar.startIndex..., in: everyScalar))
        let spaces = matches.flatMap { everyScalar[Range($0.range, in: everyScalar)!].unicodeScalars }
        #expect(spaces.count >= 20)
        for scalar in spaces { #expect(InlineText.isSpace(scalar), "U+\(String(scalar.value, radix: 16))") }
    }

    /// On every line of every sample page and text, the filter answers as the regex alone would.
    @Test func theFilterAnswersAsTheRegexAloneOnEverySampleLine() throws {
        let filter = try TextChromeFilter(extraPatterns: ["^本文链接[:：]"])
        let regex = try NSRegularExpression(pattern: (TextChromeFilter.defaultPatterns.map(\.regex) + ["^本文链接[:：]"])
            .map { "(?:\($0))" }.joined(separator: "|"))
        var lines: [String] = ["\u{3000}", " | ", "本文链接：http://example.gov.cn/1.html", "Copyright 2024", "COPYRIGHT"]
        for sample in SampleExpectation.all {
            let decoded = try DecodeStage(options: DecodeOptions()).process(try sample.raw(), document: sample.document)
            let text = decoded.text.replacingOccurrences(of: #"<[^>]*>"#, with: "\n", options: .regularExpression)
            lines += PlainTextStripper.lines(of: text).map { InlineText.collapse($0, markupBreaks: true) }.filter { !$0.isEmpty }
        }
        #expect(lines.count > 1_000)
        var chrome = 0
        for line in lines {
            let expected = !line.hasAtMostScalars(filter.maxLineChars) || PageMetadata.startsWithOutlineMarker(line)
                || TextChromeFilter.isProse(line) ? false
                : regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
            #expect(filter.isChrome(line) == expected, "\(line.debugDescription)")
            if expected { chrome += 1 }
        }
        #expect(chrome > 50)
    }

    @Test func configuredPatternsAreMatchedOnLinesWithoutABuiltInCharacter() throws {
        let filter = try TextChromeFilter(extraPatterns: ["^本文链接"])
        let may = filter.mayMatch("本文链接 http")
        #expect(!may.anchored && !may.unanchored)
        #expect(filter.isChrome("本文链接 http"))
        #expect(try !TextChromeFilter().isChrome("本文链接 http"))
    }
}

/// Strings of a regular expression in the small syntax the built-in chrome patterns use
/// (literals, groups, alternation, `?` `*` `+`, classes, `\s` `\d`, anchors, `(?:` and `(?i:`):
/// every branch of every alternation, every optional part both taken and left out, and each
/// listed character of a class (a negated class gives one character outside it).
enum RegexExamples {
    struct Unsupported: Error { let rest: String }

    static func strings(of pattern: String) throws -> [String] {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        let result = try parser.alternation()
        guard parser.position == parser.scalars.count else { throw Unsupported(rest: String(parser.rest)) }
        return Array(Set(result)).sorted()
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        var rest: String.UnicodeScalarView { String.UnicodeScalarView(scalars[position...]) }

        mutating func alternation() throws -> [String] {
            var result = try sequence()
            while position < scalars.count, scalars[position] == "|" {
                position += 1
                result += try sequence()
            }
            return result
        }

        mutating func sequence() throws -> [String] {
            var result = [""]
            while position < scalars.count, scalars[position] != "|", scalars[position] != ")" {
                var atom = try self.atom()
                if position < scalars.count, "?*+".unicodeScalars.contains(scalars[position]) {
                    let quantifier = scalars[position]
                    position += 1
                    atom = quantifier == "+" ? atom : [""] + atom
                }
                result = result.flatMap { head in atom.map { head + $0 } }
                guard result.count <= 20_000 else { throw Unsupported(rest: "too many strings") }
            }
            return result
        }

        mutating func atom() throws -> [String] {
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "^", "$":
                return [""]
            case "(":
                var caseless = false
                if position + 1 < scalars.count, scalars[position] == "?" {
                    if scalars[position + 1] == ":" { position += 2 }
                    else if scalars[position + 1] == "i", scalars[position + 2] == ":" { position += 3; caseless = true }
                    else { throw Unsupported(rest: String(rest)) }
                }
                let inner = try alternation()
                guard position < scalars.count, scalars[position] == ")" else { throw Unsupported(rest: String(rest)) }
                position += 1
                return caseless ? inner.flatMap { [$0.lowercased(), $0.uppercased()] } : inner
            case "[":
                return try characterClass()
            case "\\":
                position += 1
                return [try escaped(scalars[position - 1])]
            case ".":
                return ["a"]
            default:
                return [String(scalar)]
            }
        }

        mutating func characterClass() throws -> [String] {
            let negated = scalars[position] == "^"
            if negated { position += 1 }
            var members: [String] = []
            while position < scalars.count, scalars[position] != "]" {
                let scalar = scalars[position]
                position += scalar == "\\" ? 2 : 1
                members.append(scalar == "\\" ? try escaped(scalars[position - 1]) : String(scalar))
            }
            guard position < scalars.count else { throw Unsupported(rest: "unclosed class") }
            position += 1
            return negated ? ["a"] : members
        }

        func escaped(_ scalar: Unicode.Scalar) throws -> String {
            switch scalar {
            case "s": return " "
            case "d": return "1"
            case "[", "]", "(", ")", "-", "|", "\\", ".", "!", "/": return String(scalar)
            default: throw Unsupported(rest: "\\\(scalar)")
            }
        }
    }
}
