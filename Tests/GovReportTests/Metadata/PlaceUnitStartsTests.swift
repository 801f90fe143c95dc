import Testing
@testable import GovReport

@Suite struct PlaceUnitStartsTests {
    /// The rule `candidateUnits` applies to its shortest name: some name of 1 to 8 name characters
    /// (Han, no stop character) from `index`, followed by a suffix's first character.
    private func referenceMayStart(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let stop = AdministrativeDivision.nameStopChars
        for length in 1...PlaceParser.maxNameLength where index + length < scalars.count {
            let last = scalars[index + length - 1]
            guard HanTextScan.isHan(last), !stop.contains(last) else { return false }
            if AdministrativeDivision.suffixFirsts.contains(scalars[index + length]) { return true }
        }
        return false
    }

    /// Random texts of names, suffixes, stop characters and marks, some longer than a name can be
    /// without a mark: the filter says what the rule says at every position, and no chain begins
    /// where it says none can.
    @Test func unitStartsAgreeWithTheRuleAtEveryPosition() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("广州海珠江南中金华义乌上新港沙省市区县镇乡街道州盟旗自治特别行政苏木地的了在与和，。《》“”1A ".unicodeScalars)
        let longNames = Array("江南中金华义乌上新海珠沙市".unicodeScalars)
        let stop = AdministrativeDivision.nameStopChars
        var chainsSeen = 0
        for length in [0, 1, 2, 5, 9, 10, 40, 300] {
            for round in 0..<30 {
                let letters = round.isMultiple(of: 3) ? longNames : alphabet
                let scalars = (0..<length).map { _ in letters.randomElement(using: &generator)! }
                let starts = PlaceParser.unitStarts(scalars, stopChars: stop)
                #expect(starts.count == scalars.count)
                for index in scalars.indices {
                    #expect(starts[index] == referenceMayStart(scalars, at: index), "\(String(String.UnicodeScalarView(scalars))) at \(index)")
                    if PlaceParser.chain(in: scalars, at: index) != nil {
                        chainsSeen += 1
                        #expect(starts[index], "a chain begins at \(index) of \(String(String.UnicodeScalarView(scalars)))")
                    }
                }
            }
        }
        #expect(chainsSeen > 100)
    }

    /// A name of eight characters reaches its suffix; one of nine does not. A stop character or a
    /// mark between the start and the suffix leaves no unit to begin.
    @Test func unitStartsStopAtNameLengthAndStopCharacters() {
        let stop = AdministrativeDivision.nameStopChars
        let eight = Array("江南中金华义乌上县".unicodeScalars)
        #expect(PlaceParser.unitStarts(eight, stopChars: stop)[0])
        #expect(!PlaceParser.unitStarts(Array("新".unicodeScalars) + eight, stopChars: stop)[0])
        #expect(PlaceParser.unitStarts(Array("新".unicodeScalars) + eight, stopChars: stop)[1])
        #expect(!PlaceParser.unitStarts(Array("金华的义乌市".unicodeScalars), stopChars: stop)[0])
        #expect(PlaceParser.unitStarts(Array("金华的义乌市".unicodeScalars), stopChars: stop)[3])
        #expect(!PlaceParser.unitStarts(Array("金华，义乌市".unicodeScalars), stopChars: stop)[0])
        #expect(PlaceParser.unitStarts(Array("金华，义乌市".unicodeScalars), stopChars: stop)[3])
        // With no suffix after them, no position can begin a unit; nor can the suffix itself.
        #expect(PlaceParser.unitStarts(Array("义乌".unicodeScalars), stopChars: stop) == [false, false])
        #expect(PlaceParser.unitStarts(Array("义乌市".unicodeScalars), stopChars: stop) == [true, true, false])
    }
}
