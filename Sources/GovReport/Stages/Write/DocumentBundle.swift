import Foundation

/// Everything the store holds for one listed document: what the tables are built from.
struct DocumentBundle {
    var docId: String
    var source: String
    var sha256: String
    var size: Int?
    var decoded: DecodedDocument?
    var stripped: StrippedDocument?
    var normalized: NormalizedDocument?
    var segmented: SegmentedDocument?
    var extracted: ExtractedDocument?
    var failures: [WorkStore.FailureRow]

    /// ok, empty (no article found), failed, or stale (the last fetch failed; earlier rows kept).
    var status: String {
        if failures.contains(where: { $0.code == "strip.no_body" }) { return "empty" }
        if failures.contains(where: { $0.stage != "fetch" }) { return "failed" }
        if failures.contains(where: { $0.stage == "fetch" }) { return decoded != nil || !sha256.isEmpty ? "stale" : "failed" }
        return "ok"
    }
}

extension WorkStore {
    /// Loads one document's stage outputs. Decoding stops at the first missing stage so that no
    /// table mixes an old later stage with a new earlier one.
    func bundle(for document: ListedDocument, failures: [FailureRow]) throws -> DocumentBundle {
        var bundle = DocumentBundle(docId: document.docId, source: document.source, sha256: document.sha256 ?? "",
                                    size: document.size, failures: failures)
        // One read for all the document's outputs rather than one a stage.
        let payloads = try self.payloads(document.docId)
        func load<T: Decodable>(_ stage: String, _: T.Type) throws -> T? {
            guard let data = payloads[stage] else { return nil }
            return try PayloadCodec.decode(T.self, from: data)
        }
        // The tables take the page text from no stage, and the paragraphs from the latest stage
        // that has them: the earlier outputs are read without those (the decoded text is the
        // whole page, the longest string of all), which spares the write stage most of its
        // decoding: the payload reader steps over the fields not asked for by their length. Their
        // record types keep empty values in place of what was not read.
        bundle.segmented = try load("segment", SegmentedFacts.self).map(\.document)
        bundle.decoded = try load("decode", DecodedFacts.self).map {
            DecodedDocument(text: "", encodingDeclared: $0.encodingDeclared, encodingDetected: $0.encodingDetected,
                            evidence: "", invalidBytes: $0.invalidBytes, isHTML: false)
        }
        if bundle.segmented != nil {
            bundle.stripped = try load("strip", StrippedFacts.self).map {
                StrippedDocument(title: $0.title, publishDate: $0.publishDate, issuer: $0.issuer, breadcrumb: $0.breadcrumb)
            }
            bundle.normalized = try load("normalize", NormalizedFacts.self).map {
                NormalizedDocument(script: $0.script, title: $0.title, issuer: $0.issuer, paragraphs: [], sourceParagraphs: [],
                                   publishDate: "")
            }
        } else {
            bundle.stripped = try load("strip", StrippedDocument.self)
            bundle.normalized = try load("normalize", NormalizedDocument.self)
        }
        bundle.extracted = try load("extract", ExtractedDocument.self)
        return bundle
    }
}

/// The fields of a decode output that the tables show (its keys as in `DecodedDocument`).
struct DecodedFacts: Decodable {
    var encodingDeclared: String
    var encodingDetected: String
    var invalidBytes: Int
}

/// The fields of a strip output that the tables show when segment has the paragraphs.
struct StrippedFacts: Decodable {
    var title: String
    var publishDate: String
    var issuer: String
    var breadcrumb: [String]
}

/// The fields of a normalize output that the tables show when segment has the paragraphs.
struct NormalizedFacts: Decodable {
    var script: String
    var title: String
    var issuer: String
}

/// The fields of a segment output that the tables show: the sections, each paragraph's section
/// and text (not its source text and sentence spans, half of the record), and the page facts.
struct SegmentedFacts: Decodable {
    struct Paragraph: Decodable {
        var sectionId: String
        var text: String
    }

    var sections: [Section]
    var paragraphs: [Paragraph]
    var title: String
    var issuer: String
    var publishDate: String

    var document: SegmentedDocument {
        SegmentedDocument(sections: sections,
                          paragraphs: paragraphs.map { SegmentedParagraph(sectionId: $0.sectionId, text: $0.text, sourceText: "", sentences: []) },
                          title: title, issuer: issuer, publishDate: publishDate)
    }
}
