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
        func load<T: Decodable>(_ stage: String, _: T.Type) throws -> T? {
            guard let data = try payload(document.docId, stage: stage) else { return nil }
            return try PayloadCodec.decode(T.self, from: data)
        }
        bundle.decoded = try load("decode", DecodedDocument.self)
        bundle.stripped = try load("strip", StrippedDocument.self)
        bundle.normalized = try load("normalize", NormalizedDocument.self)
        bundle.segmented = try load("segment", SegmentedDocument.self)
        bundle.extracted = try load("extract", ExtractedDocument.self)
        return bundle
    }
}
