import Foundation
import Testing
@testable import GovReport

@Suite struct CellTests {
    @Test func numbersAreWrittenAsPlainShortestDecimals() {
        let cases: [(Double, String)] = [
            (4_000_000, "4000000"),      // 400余万元
            (1.5, "1.5"),
            (0.25, "0.25"),
            (15_000, "15000"),           // 1.5万人次
            (296_100, "296100"),
            (98.6, "98.6"),
            (-12.5, "-12.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1000000000000000000000"),
            (1.25e16, "12500000000000000"),
            (1.2345678901234568e20, "123456789012345680000"),
            (1e-7, "0.0000001"),
            (2.5e-5, "0.000025"),
            (-0.0, "0"),
            (.nan, "NaN"),
            (.infinity, "INF"),
            (-.infinity, "-INF"),
        ]
        for (value, expected) in cases {
            #expect(Cell.plainDecimal(value) == expected, "\(value)")
        }
    }

    /// In a CSV, a number column always has a decimal point, so that DuckDB and pandas read it
    /// as a float even when every value is whole.
    @Test func numberFieldsAlwaysCarryADecimalPoint() {
        let cases: [(Double, String)] = [
            (4_000_000, "4000000.0"), (15_000, "15000.0"), (0, "0.0"), (-0.0, "0.0"), (98.6, "98.6"),
            (-3.2, "-3.2"), (1e21, "1000000000000000000000.0"), (1e-7, "0.0000001"),
            (.nan, "NaN"), (.infinity, "INF"), (-.infinity, "-INF"),
        ]
        for (value, expected) in cases {
            #expect(Cell.number(value).plainText == expected, "\(value)")
        }
        #expect(Cell.integer(4_000_000).plainText == "4000000", "integer columns stay integers")
    }

    @Test func everyFiniteDoubleReadsBackExactlyAndWithoutExponent() {
        // Random bit patterns cover every magnitude from subnormals to 1.8e308.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var checked = 0
        while checked < 20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Double(bitPattern: state)
            guard value.isFinite else { continue }
            let text = Cell.plainDecimal(value)
            #expect(!text.contains("e") && !text.contains("E"), "\(value) → \(text)")
            #expect(Double(text) == value, "\(value) → \(text)")
            checked += 1
        }
    }

    @Test func wholeValuesOnBothSidesOfTheIntegerShortcutAreTheirDigits() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var values: [Double] = [1, -1, 999_999_999_999_999, -999_999_999_999_999, 1e15, -1e15, 1e15 + 2, 4.5e15,
                                9_007_199_254_740_992]
        for k in 0..<6_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Up to 10^6, 10^12 and 9·10^15: figures as reports give them, and past the shortcut up
            // to 2^53, below which a whole double's shortest digits are exactly its integer.
            let limits: [Int64] = [1_000_000, 1_000_000_000_000, 9_000_000_000_000_000]
            values.append(Double(Int64(bitPattern: state) % limits[k % 3]))
        }
        for value in values {
            #expect(Cell.plainDecimal(value) == String(format: "%.0f", value), "\(value)")
        }
    }

    @Test func integralValuesHaveNoFraction() {
        for value in [1.0, 20, 800, 1800, 10_000, 100, 60, 1e15, 9_007_199_254_740_992] {
            let text = Cell.plainDecimal(value)
            #expect(!text.contains("."), "\(text)")
            #expect(Double(text) == value)
        }
    }

    @Test func otherKindsAndOptionals() {
        #expect(Cell.integer(-3).plainText == "-3")
        #expect(Cell.bool(true).plainText == "true")
        #expect(Cell.bool(false).plainText == "false")
        #expect(Cell.date("2024-03-28").plainText == "2024-03-28")
        #expect(Cell(Int?.none) == .null)
        #expect(Cell(Int?(2023)) == .integer(2023))
        #expect(Cell(Double?.none) == .null)
        #expect(Cell.date(orNull: "") == .null)
        #expect(Cell.date(orNull: "2024-01-15") == .date("2024-01-15"))
        #expect(Cell.text("").isMissing && Cell.null.isMissing && !Cell.integer(0).isMissing)
    }
}
