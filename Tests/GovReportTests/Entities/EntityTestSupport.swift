import Testing
@testable import GovReport

/// `text[start..<end]` counted in Unicode scalars, as the tables' offsets are.
func entityTestSlice(_ text: String, _ start: Int, _ end: Int) -> String {
    HanTextScan.string(Array(text.unicodeScalars)[start..<end])
}

/// The entities of one type in a paragraph, after checking that every entity's text is the
/// paragraph's span at its offsets.
func entityTestFind(_ type: String, _ text: String, year: Int? = 2023) -> [Entity] {
    let found = EntityExtractor.extract(paragraphNo: 4, text: text, reportYear: year)
    for entity in found {
        #expect(entityTestSlice(text, entity.charStart, entity.charEnd) == entity.text)
        #expect(entity.paragraphNo == 4)
    }
    return found.filter { $0.type == type }
}
