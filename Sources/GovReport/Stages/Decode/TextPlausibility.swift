/// How much a decoded text reads like real text rather than mojibake, judged on its non-ASCII
/// characters (ASCII reads the same in every candidate encoding). Used to choose between trial
/// decodes and to check that a declared or detected charset agrees with the bytes.
///
/// Each non-ASCII character (and each ASCII control) scores:
/// - 1 for a frequent Chinese character or CJK punctuation (，。、《》“” …);
/// - 0.25 for another CJK ideograph: valid, but what a wrong CJK charset mostly produces;
/// - 1 for a letter inside a Latin word (the é of café), 0.5 for a letter beside another
///   non-ASCII letter, 0 for a letter alone among symbols (the `Ö÷ÒªÁìµ¼` of GBK read as
///   Windows-1252);
/// - -1 for U+FFFD, controls, private-use characters and noncharacters;
/// - 0 for anything else (symbols, box drawing).
/// `score` is the mean, from -1 to 1; a text with nothing non-ASCII scores 1.
struct TextPlausibility: Equatable {
    var score: Double
    /// Characters judged: non-ASCII ones and ASCII controls.
    var judged: Int
    var ideographs: Int
    var commonIdeographs: Int
    /// Replacement characters, controls, private use and noncharacters.
    var garbage: Int

    /// Characters looked at; the score is settled long before this.
    static let sampleLimit = 200_000

    static func measure(_ text: String) -> TextPlausibility {
        var text = text
        return text.withUTF8(measure(utf8:))
    }

    /// One pass over the text's UTF-8. Most of a page is ASCII markup: an ASCII byte is one
    /// comparison (two when it ends a pending letter), with no scalar decoded; reading the
    /// scalars through the string's iterator took three quarters of a trial decode. A non-ASCII
    /// letter is scored once the scalar after it is known (`pendingLetter` holds the one before
    /// it). The text is a Swift string, so its UTF-8 is valid.
    static func measure(utf8 bytes: UnsafeBufferPointer<UInt8>) -> TextPlausibility {
        var total = 0.0
        var judged = 0, ideographs = 0, common = 0, garbage = 0
        var seen = 0
        var previous: Unicode.Scalar?
        var pendingLetter: Unicode.Scalar?? = nil

        func scoreLetter(before: Unicode.Scalar?, after: Unicode.Scalar?) {
            if isASCIILetter(before) || isASCIILetter(after) {
                total += 1
            } else if isNonASCIILetter(before) || isNonASCIILetter(after) {
                total += 0.5
            }
        }

        var index = 0
        let count = bytes.count
        while index < count, seen < sampleLimit {
            seen += 1
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                let scalar = Unicode.Scalar(lead)
                if let before = pendingLetter {
                    scoreLetter(before: before, after: scalar)
                    pendingLetter = nil
                }
                if isGarbageControl(UInt32(lead)) {
                    judged += 1; garbage += 1; total -= 1
                }
                previous = scalar
                continue
            }
            let value: UInt32
            if lead < 0xE0 {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if lead < 0xF0 {
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                index += 4
            }
            let scalar = Unicode.Scalar(value).unsafelyUnwrapped
            if let before = pendingLetter {
                scoreLetter(before: before, after: scalar)
                pendingLetter = nil
            }
            judged += 1
            if isGarbage(value) {
                garbage += 1; total -= 1
            } else if isIdeograph(value) {
                ideographs += 1
                if CommonHanzi.contains(scalar) {
                    common += 1; total += 1
                } else {
                    total += 0.25
                }
            } else if isCJKPunctuation(value) {
                total += 1
            } else if scalar.properties.isAlphabetic {
                pendingLetter = .some(previous)
            }
            previous = scalar
        }
        if let before = pendingLetter { scoreLetter(before: before, after: nil) }
        let score = judged == 0 ? 1 : total / Double(judged)
        return TextPlausibility(score: score, judged: judged, ideographs: ideographs,
                                commonIdeographs: common, garbage: garbage)
    }

    /// Share of CJK ideographs that are frequent ones; 0 when there are none.
    var commonShare: Double {
        ideographs == 0 ? 0 : Double(commonIdeographs) / Double(ideographs)
    }

    static func isGarbageControl(_ value: UInt32) -> Bool {
        // Tab, line feed, vertical tab, form feed, carriage return and escape (ISO-2022) are text.
        switch value {
        case 0x09 ... 0x0D, 0x1B: return false
        case 0 ..< 0x20, 0x7F: return true
        default: return false
        }
    }

    static func isGarbage(_ value: UInt32) -> Bool {
        switch value {
        case 0xFFFD, 0x80 ... 0x9F, 0xE000 ... 0xF8FF, 0xFDD0 ... 0xFDEF, 0xF0000 ... 0x10FFFF:
            return true
        default:
            return value & 0xFFFE == 0xFFFE
        }
    }

    static func isIdeograph(_ value: UInt32) -> Bool {
        switch value {
        case 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xF900 ... 0xFAFF, 0x20000 ... 0x3134F: return true
        default: return false
        }
    }

    /// Punctuation and signs of Chinese text: CJK symbols (、。《》【】), full-width forms
    /// (，：；（）１２), general punctuation (“”‘’—…‰※), ℃ №, Roman and circled numbers, ㈠.
    static func isCJKPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x3000 ... 0x303F, 0xFF01 ... 0xFF64, 0x2010 ... 0x2027, 0x2030, 0x203B,
             0x2103, 0x2116, 0x2160 ... 0x217F, 0x2460 ... 0x249B, 0x3220 ... 0x3243:
            return true
        default:
            return false
        }
    }

    /// A-Z and a-z: the ASCII scalars Unicode calls alphabetic (the test checks all 128).
    static func isASCIILetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    static func isNonASCIILetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, !scalar.isASCII, !isIdeograph(scalar.value) else { return false }
        return scalar.properties.isAlphabetic
    }
}
