/// One heading of the official outline.
public struct Section: Codable, Sendable, Equatable {
    /// Dotted position in the outline: `2`, `2.1`, `2.1.3`.
    public var sectionId: String
    /// 1 for 一、, 2 for （一）, 3 for 1. / 1、, 4 for （1）, 5 for 一是.
    public var level: Int
    /// The marker as written: `一、`, `（一）`, `1.`, `一是`.
    public var marker: String
    /// The heading text without its marker (up to the first sentence end for run-in headings).
    public var heading: String
    /// For top-level sections: measures, problems, leader_duty, next_year or other; "" below.
    public var part: String
    /// The paragraph (0-based index into `SegmentedDocument.paragraphs`) the heading starts.
    public var paragraphNo: Int

    public init(sectionId: String, level: Int, marker: String, heading: String, part: String, paragraphNo: Int) {
        self.sectionId = sectionId
        self.level = level
        self.marker = marker
        self.heading = heading
        self.part = part
        self.paragraphNo = paragraphNo
    }
}

/// A body paragraph after segmentation (one-line texts are split at their headings).
public struct SegmentedParagraph: Codable, Sendable, Equatable {
    /// The innermost section the paragraph belongs to; "" before the first heading.
    public var sectionId: String
    /// Simplified, normalised text (the `paragraphs` table's `text`).
    public var text: String
    /// The same span in source characters (same scalar count as `text`).
    public var sourceText: String
    /// Sentence spans as half-open Unicode-scalar offsets into `text`.
    public var sentences: [ScalarSpan]

    public init(sectionId: String, text: String, sourceText: String, sentences: [ScalarSpan]) {
        self.sectionId = sectionId
        self.text = text
        self.sourceText = sourceText
        self.sentences = sentences
    }
}

/// A half-open range of Unicode-scalar offsets (what Python's `s[start:end]` indexes).
public struct ScalarSpan: Codable, Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }
}

/// The output of `segment`.
public struct SegmentedDocument: Codable, Sendable, Equatable {
    public var sections: [Section]
    public var paragraphs: [SegmentedParagraph]
    /// Carried from normalize for extract: simplified title, page issuer, page date.
    public var title: String
    public var issuer: String
    public var publishDate: String

    public init(sections: [Section], paragraphs: [SegmentedParagraph],
                title: String = "", issuer: String = "", publishDate: String = "") {
        self.sections = sections
        self.paragraphs = paragraphs
        self.title = title
        self.issuer = issuer
        self.publishDate = publishDate
    }

    /// Whether a section of the given part exists (`documents.has_measures`, ...). Only the
    /// outermost sections carry a part, whatever their marker.
    public func hasPart(_ part: String) -> Bool {
        sections.contains { $0.part == part }
    }
}
