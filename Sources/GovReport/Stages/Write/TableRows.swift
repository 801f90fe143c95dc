import Foundation

/// Turns one document's stage outputs into rows of each table. Paragraph numbers start at 1 in
/// the tables (records count from 0); offsets are Unicode scalars of the paragraph's `text`.
enum TableRows {
    static func documents(_ b: DocumentBundle) -> [Cell] {
        let meta = b.extracted?.metadata
        let paragraphs = paragraphTexts(b).map(\.text)
        let title = b.normalized?.title ?? b.stripped?.title ?? ""
        let issuer = nonEmpty(meta?.issuer) ?? nonEmpty(b.normalized?.issuer) ?? b.stripped?.issuer ?? ""
        let date = nonEmpty(meta?.publishDate) ?? b.stripped?.publishDate ?? ""
        let segmented = b.segmented
        func part(_ name: String) -> Cell { segmented.map { .bool($0.hasPart(name)) } ?? .null }
        return [
            .text(b.docId), .text(b.source), .text(b.sha256), Cell(b.size),
            .text(b.decoded?.encodingDeclared ?? ""), .text(b.decoded?.encodingDetected ?? ""),
            Cell(b.decoded?.invalidBytes), .text(b.normalized?.script ?? ""),
            .text(title), .text(issuer), Cell(meta?.reportYear), .date(orNull: date),
            .text(meta?.province ?? ""), .text(meta?.city ?? ""), .text(meta?.county ?? ""), .text(meta?.township ?? ""),
            .text((b.stripped?.breadcrumb ?? []).joined(separator: " > ")),
            b.stripped == nil ? .null : .integer(paragraphs.reduce(0) { $0 + $1.unicodeScalars.count }),
            b.stripped == nil ? .null : .integer(paragraphs.count),
            part("measures"), part("problems"), part("leader_duty"), part("next_year"),
            .text(b.status),
        ]
    }

    /// The body paragraphs as the tables show them: segmented when segment ran, else normalised,
    /// else as stripped.
    static func paragraphTexts(_ b: DocumentBundle) -> [(sectionId: String, text: String)] {
        if let segmented = b.segmented { return segmented.paragraphs.map { ($0.sectionId, $0.text) } }
        if let normalized = b.normalized { return normalized.paragraphs.map { ("", $0) } }
        return (b.stripped?.paragraphs ?? []).map { ("", $0) }
    }

    static func paragraphs(_ b: DocumentBundle) -> [[Cell]] {
        paragraphTexts(b).enumerated().map { index, paragraph in
            [.text(b.docId), .integer(index + 1), .text(paragraph.sectionId), .text(paragraph.text)]
        }
    }

    static func sections(_ b: DocumentBundle) -> [[Cell]] {
        (b.segmented?.sections ?? []).map { section in
            [.text(b.docId), .text(section.sectionId), .integer(section.level), .text(section.marker),
             .text(section.heading), section.part.isEmpty ? .null : .text(section.part), .integer(section.paragraphNo + 1)]
        }
    }

    static func metrics(_ b: DocumentBundle) -> [[Cell]] {
        (b.extracted?.metrics ?? []).map { m in
            [.text(b.docId), .integer(m.metricId), .integer(m.paragraphNo + 1), .text(m.sectionId), .text(m.subject),
             .text(m.indicator), .number(m.value), .text(m.unit), .text(m.qualifier), .text(m.raw), .text(m.context),
             Cell(m.parentMetricId), .integer(m.charStart), .integer(m.charEnd)]
        }
    }

    static func citations(_ b: DocumentBundle) -> [[Cell]] {
        (b.extracted?.citations ?? []).enumerated().map { index, c in
            [.text(b.docId), .integer(index + 1), .text(c.title), .text(c.docNumber), .text(c.kind),
             .integer(c.paragraphNo + 1), .integer(c.charStart), .integer(c.charEnd)]
        }
    }

    static func entities(_ b: DocumentBundle) -> [[Cell]] {
        (b.extracted?.entities ?? []).enumerated().map { index, e in
            [.text(b.docId), .integer(index + 1), .text(e.type), .text(e.text), .text(e.normalized),
             .integer(e.paragraphNo + 1), .integer(e.charStart), .integer(e.charEnd)]
        }
    }

    /// The document × indicator panel, with the document's place and year on every row.
    static func indicators(_ b: DocumentBundle) -> [[Cell]] {
        guard let extracted = b.extracted else { return [] }
        let meta = extracted.metadata
        return extracted.panel.map { row in
            [.text(b.docId), .text(meta.province), .text(meta.city), .text(meta.county), .text(meta.township),
             Cell(meta.reportYear), .text(row.entry.indicator), .text(row.nameZh), .text(row.nameEn),
             .number(row.entry.value), .text(row.entry.unit), .integer(row.entry.nMentions), .text(row.entry.metricIdsText)]
        }
    }

    static func errors(_ b: DocumentBundle) -> [[Cell]] {
        b.failures
            .sorted { (StageRegistry.index(of: $0.stage) ?? 0) < (StageRegistry.index(of: $1.stage) ?? 0) }
            .map { [.text($0.docId), .text($0.source), .text($0.stage), .text($0.code), .text($0.message)] }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
