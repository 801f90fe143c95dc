/// segment: any text, one paragraph a line, cleaned and width-folded as normalize does (OpenCC
/// aside), must segment without failing, and every sentence span must lie inside its paragraph.
enum SegmentFuzz {
    static let segmenter = Segmenter(options: SegmentOptions())

    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let sources = text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { WhitespaceNormalizer.normalize(LostCharacterMarks.remove(from: String($0)), dropping: []) }
            .filter { !$0.isEmpty }
        guard !sources.isEmpty else { return }
        let document = NormalizedDocument(script: "hans", title: "", issuer: "",
                                          paragraphs: sources.map(WidthNormalizer.normalize), sourceParagraphs: sources)
        do {
            let segmented = try segmenter.segment(document)
            for paragraph in segmented.paragraphs {
                let count = paragraph.text.unicodeScalars.count
                precondition(paragraph.sourceText.unicodeScalars.count == count, "source text misaligned")
                for span in paragraph.sentences {
                    precondition(0 <= span.start && span.start <= span.end && span.end <= count, "sentence span out of bounds")
                }
            }
            for section in segmented.sections {
                precondition(section.paragraphNo >= 0 && section.paragraphNo <= segmented.paragraphs.count + 1,
                             "section points past the paragraphs")
            }
        } catch {
            preconditionFailure("segment failed on aligned paragraphs: \(error)")
        }
    }
}
