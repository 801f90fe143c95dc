import Testing
@testable import GovReport

@Suite struct CJKScalarsTests {
    /// The ranges answered without the property table agree with it at every scalar: outside the
    /// common block, a scalar is Han exactly when Unicode calls it ideographic.
    @Test func isHanAgreesWithTheIdeographicPropertyAtEveryScalar() {
        var ideographs = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if (0x4E00...0x9FFF).contains(value) {
                #expect(CJKScalars.isHan(scalar))
            } else if CJKScalars.isHan(scalar) != scalar.properties.isIdeographic {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)): isHan \(CJKScalars.isHan(scalar))")
            }
            if CJKScalars.isHan(scalar) { ideographs += 1 }
        }
        #expect(ideographs > 90_000)
        for scalar: Unicode.Scalar in ["〇", "〆", "〡", "〸", "丽"] { #expect(CJKScalars.isHan(scalar)) }
        for scalar: Unicode.Scalar in ["，", "《", "》", "【", "〔", "〓", "（", "：", "ｱ"] { #expect(!CJKScalars.isHan(scalar)) }
    }
}
