/// The work of the `segment` stage: walks the paragraphs in reading order, opens sections at
/// accepted markers, splits paragraphs at markers inside them, classes top-level sections and
/// splits sentences.
struct Segmenter: Sendable {
    let options: SegmentOptions
    let classifier: PartClassifier

    init(options: SegmentOptions) {
        self.options = options
        classifier = PartClassifier(extraKeywords: options.partKeywords)
    }

    /// One paragraph of the output before its sentences are split.
    private struct Piece {
        var range: Range<Int>
        var sectionId: String
        var marker: OutlineMarker?
    }

    func segment(_ document: NormalizedDocument) throws -> SegmentedDocument {
        let texts = document.paragraphs.map { Array($0.unicodeScalars) }
        let sources = try alignedSources(document, texts: texts)
        var parser = OutlineParser(maxOrdinalGap: options.maxOrdinalGap,
                                   allowRootEnumerations: !hasOutline(texts))
        var paragraphs: [SegmentedParagraph] = []
        var sections: [Section] = []
        var bodies: [String] = []

        for (text, source) in zip(texts, sources) {
            guard let trimmed = Self.trimmed(text, 0..<text.count) else { continue }
            let enclosures = EnclosureMap(text)
            for piece in pieces(of: text, in: trimmed, enclosures: enclosures, parser: &parser) {
                if let marker = piece.marker {
                    let found = HeadingText.extract(text, marker: marker, end: piece.range.upperBound,
                                                    enclosures: enclosures, maxChars: options.maxHeadingChars)
                    sections.append(Section(sectionId: piece.sectionId, level: marker.level, marker: marker.text,
                                            heading: found.heading, part: "", paragraphNo: paragraphs.count))
                    bodies.append(Self.string(text[found.bodyStart..<piece.range.upperBound]))
                }
                let pieceText = Array(text[piece.range])
                // Most paragraphs are one piece: the paragraph's own map is the piece's.
                let pieceEnclosures = piece.range == text.indices ? enclosures : EnclosureMap(pieceText)
                paragraphs.append(SegmentedParagraph(
                    sectionId: piece.sectionId,
                    text: Self.string(pieceText[...]),
                    sourceText: Self.string(source[piece.range]),
                    sentences: SentenceSplitter.split(pieceText, enclosures: pieceEnclosures)))
            }
        }
        classifyParts(&sections, bodies: bodies, paragraphs: paragraphs)
        return SegmentedDocument(sections: sections, paragraphs: paragraphs, title: document.title,
                                 issuer: document.issuer, publishDate: document.publishDate)
    }

    /// Cuts one input paragraph at its accepted markers (and flattened breaks), opening sections
    /// in the parser as it goes.
    private func pieces(of s: [Unicode.Scalar], in range: Range<Int>, enclosures: EnclosureMap,
                        parser: inout OutlineParser) -> [Piece] {
        var starts: [(offset: Int, marker: OutlineMarker?, sectionId: String)] = []
        var lead = OutlineMarkerRecognizer.marker(in: s, at: range.lowerBound)
        if let marker = lead, !allowed(marker) || !parser.accepts(marker, placement: .paragraphStart) { lead = nil }
        if let marker = lead { parser.open(marker) }
        starts.append((range.lowerBound, lead, parser.currentSectionId))

        if options.splitRunInHeadings || options.splitSpacedParagraphs {
            let maxLevel = options.splitRunInHeadings ? options.maxInlineLevel : 0
            for cut in RunInSplitter.cuts(in: s, from: range.lowerBound, to: range.upperBound,
                                          maxLevel: maxLevel, enclosures: enclosures) {
                if let marker = cut.marker, allowed(marker), parser.accepts(marker, placement: .inline) {
                    parser.open(marker)
                    starts.append((cut.offset, marker, parser.currentSectionId))
                } else if cut.isSpacedBreak, options.splitSpacedParagraphs {
                    starts.append((cut.offset, nil, parser.currentSectionId))
                }
            }
        }
        return starts.indices.compactMap { k in
            let end = k + 1 < starts.count ? starts[k + 1].offset : range.upperBound
            guard let piece = Self.trimmed(s, starts[k].offset..<end) else { return nil }
            return Piece(range: piece, sectionId: starts[k].sectionId, marker: starts[k].marker)
        }
    }

    private func allowed(_ marker: OutlineMarker) -> Bool {
        options.enumerations || marker.level < 5
    }

    /// Whether the report has an outline of 一、 （一） 1. （1） at all: then `一是` is never a
    /// top-level section (see `OutlineParser.allowRootEnumerations`).
    private func hasOutline(_ texts: [[Unicode.Scalar]]) -> Bool {
        texts.contains { text in
            guard let range = Self.trimmed(text, 0..<text.count) else { return false }
            if let lead = OutlineMarkerRecognizer.marker(in: text, at: range.lowerBound), lead.level < 5 { return true }
            guard options.splitRunInHeadings else { return false }
            return RunInSplitter.cuts(in: text, from: range.lowerBound, to: range.upperBound,
                                      maxLevel: min(4, options.maxInlineLevel))
                .contains { $0.marker?.ordinal == 1 }
        }
    }

    /// Parts of the top-level sections; sub-sections keep "".
    private func classifyParts(_ sections: inout [Section], bodies: [String], paragraphs: [SegmentedParagraph]) {
        for index in sections.indices where !sections[index].sectionId.contains(".") {
            let section = sections[index]
            var body = bodies[index]
            let next = section.paragraphNo + 1
            if body.unicodeScalars.count < 4, next < paragraphs.count,
               paragraphs[next].sectionId == section.sectionId
                || paragraphs[next].sectionId.hasPrefix(section.sectionId + ".") {
                body = paragraphs[next].text
            }
            sections[index].part = classifier.classify(heading: section.heading, body: body)
        }
    }

    /// The source paragraphs as scalars, checked against the normalised ones: offsets found in
    /// one must point at the same characters in the other.
    private func alignedSources(_ document: NormalizedDocument, texts: [[Unicode.Scalar]]) throws -> [[Unicode.Scalar]] {
        guard document.sourceParagraphs.count == texts.count else {
            throw StageFailure("segment.misaligned",
                               "normalize produced \(texts.count) paragraphs but \(document.sourceParagraphs.count) source paragraphs; rerun normalize")
        }
        return try zip(texts, document.sourceParagraphs).enumerated().map { index, pair in
            let source = Array(pair.1.unicodeScalars)
            guard source.count == pair.0.count else {
                throw StageFailure("segment.misaligned",
                                   "paragraph \(index) has \(pair.0.count) characters but its source has \(source.count); rerun normalize")
            }
            return source
        }
    }

    /// `range` without leading and trailing whitespace, or nil when nothing is left.
    static func trimmed(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
        var a = range.lowerBound
        var b = range.upperBound
        while a < b, s[a].isWhiteSpace { a += 1 }
        while b > a, s[b - 1].isWhiteSpace { b -= 1 }
        return a < b ? a..<b : nil
    }

    static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        String(scalars: slice)
    }
}
