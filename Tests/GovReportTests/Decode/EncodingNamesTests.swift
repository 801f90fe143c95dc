import Testing
@testable import GovReport

@Suite("decode: charset names")
struct EncodingNamesTests {
    @Test(arguments: ["gb2312", "GBK", "x-gbk", "cp936", "EUC-CN", "gb_2312-80", "  \"GB18030\" ", "windows-936"])
    func chineseGBFamilyDecodesAsGB18030(label: String) {
        #expect(EncodingNames.canonical(label) == "GB18030")
    }

    @Test(arguments: ["big5", "Big5", "BIG-5", "cn-big5", "x-x-big5", "big5-hkscs"])
    func big5FamilyDecodesAsBig5HKSCS(label: String) {
        #expect(EncodingNames.canonical(label) == "BIG5-HKSCS")
    }

    @Test func otherLabels() {
        #expect(EncodingNames.canonical("cp950") == "CP950")
        #expect(EncodingNames.canonical("utf8") == "UTF-8")
        #expect(EncodingNames.canonical("us-ascii") == "UTF-8")
        #expect(EncodingNames.canonical("iso-8859-1") == "WINDOWS-1252")
        #expect(EncodingNames.canonical("utf-16") == "UTF-16LE")
        #expect(EncodingNames.canonical("koi8-r") == "KOI8-R")
        #expect(EncodingNames.canonical("Shift_JIS") == "SHIFT_JIS")
        #expect(EncodingNames.canonical("x-user-defined-charset") == nil)
        #expect(EncodingNames.canonical("   ") == nil)
    }

    @Test func metaLabelsCannotClaimUTF16() {
        #expect(EncodingNames.canonicalForMeta("utf-16") == "UTF-8")
        #expect(EncodingNames.canonicalForMeta("gb2312") == "GB18030")
    }

    @Test func declaredLabelKeepsWhatWasWritten() {
        #expect(EncodingNames.declaredLabel(" 'gb2312' ") == "GB2312")
        #expect(EncodingNames.declaredLabel("gb_2312-80") == "GB_2312-80")
    }
}
