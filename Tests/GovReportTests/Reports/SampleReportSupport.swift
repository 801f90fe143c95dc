import Foundation
import Testing
@testable import GovReport

/// The pipeline run once over every sample by the real binary, with the default indicator
/// taxonomy, and its tables read back with Python's gzip and csv modules (see `PipelineFixture`).
/// Every whole-report suite reads this one run.
struct SampleReportTables: Sendable {
    typealias Row = [String: String]

    var status: Int32
    var stderr: String
    var documents: [Row]
    var sections: [Row]
    var paragraphs: [Row]
    var metrics: [Row]
    var citations: [Row]
    var entities: [Row]

    /// Made on first use (a static let is initialised once, whichever test asks first).
    static let shared = Result { try SampleReportTables.run() }

    static func run() throws -> SampleReportTables {
        let fixture = try PipelineFixture(name: "sampleReports")
        try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent("indicators.json"),
                                         to: fixture.root.appendingPathComponent("indicators.json"))
        let stages = StageRegistry.names.map {
            $0 == "extract" ? #"{"type": "extract", "indicators": "indicators.json"}"# : #"{"type": "\#($0)"}"#
        }
        try TestSupport.write("""
            {"sources": [{"type": "files", "paths": ["samples/pages/*.html", "samples/text/*.txt"]}],
             "stages": [\(stages.joined(separator: ", "))]}
            """, to: fixture.root.appendingPathComponent("pipeline.json"))
        let result = try fixture.run()
        return SampleReportTables(
            status: result.status, stderr: result.stderr,
            documents: try fixture.table("documents"), sections: try fixture.table("sections"),
            paragraphs: try fixture.table("paragraphs"), metrics: try fixture.table("metrics"),
            citations: try fixture.table("citations"), entities: try fixture.table("entities"))
    }
}

/// One sample's rows in every table, beside what samples/EXPECTED.json says of it.
struct SampleReport {
    typealias Row = SampleReportTables.Row

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    let tables: SampleReportTables
    let expected: SampleExpectation
    let document: Row

    init(_ file: String) throws {
        tables = try SampleReportTables.shared.get()
        guard let expected = SampleExpectation.all.first(where: { $0.file == file }) else {
            throw Missing(description: "\(file) is not in samples/EXPECTED.json")
        }
        guard let document = tables.documents.first(where: { $0["source"] == "samples/" + file }) else {
            throw Missing(description: "no documents row for samples/\(file); run status \(tables.status): \(tables.stderr)")
        }
        self.expected = expected
        self.document = document
    }

    var docId: String { document["doc_id"] ?? "" }
    var metrics: [Row] { tables.metrics.filter { $0["doc_id"] == docId } }
    var sections: [Row] { tables.sections.filter { $0["doc_id"] == docId } }
    var citations: [Row] { tables.citations.filter { $0["doc_id"] == docId } }
    var entities: [Row] { tables.entities.filter { $0["doc_id"] == docId } }
    var paragraphs: [Row] { tables.paragraphs.filter { $0["doc_id"] == docId } }

    func paragraphText(_ number: String?) -> String {
        paragraphs.first { $0["paragraph_no"] == number }?["text"] ?? ""
    }

    /// `section_id level marker heading part`, one string a section.
    var outline: [String] {
        sections.map { row in
            ["section_id", "level", "marker", "heading", "part"].map { row[$0] ?? "" }.joined(separator: " ")
                .trimmingCharacters(in: .whitespaces)
        }
    }
}

/// Scalar slice, as the tables' offsets count.
func reportSlice(_ text: String, _ start: String?, _ end: String?) -> String {
    guard let start = start.flatMap(Int.init), let end = end.flatMap(Int.init) else { return "<no offsets>" }
    let scalars = Array(text.unicodeScalars)
    guard 0 <= start, start <= end, end <= scalars.count else { return "<out of range>" }
    return String(String.UnicodeScalarView(scalars[start..<end]))
}

// MARK: Checks every whole-report suite makes

enum ReportChecks {
    /// Year, issuer, publish date, place, script, title and the has_* flags of the documents row.
    static func documentFacts(_ report: SampleReport, issuer: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let d = report.document, e = report.expected
        #expect(d["status"] == "ok", sourceLocation: sourceLocation)
        #expect(d["report_year"] == String(e.report_year), sourceLocation: sourceLocation)
        #expect(d["publish_date"] == e.publish_date, sourceLocation: sourceLocation)
        #expect(d["script"] == e.script, sourceLocation: sourceLocation)
        // documents.title and .issuer come from the normalised (simplified) text.
        #expect(d["title"] == (e.title_simplified ?? e.title), sourceLocation: sourceLocation)
        #expect(d["issuer"] == issuer, sourceLocation: sourceLocation)
        #expect([d["province"], d["city"], d["county"], d["township"]] == [e.province, e.city, e.county, e.township],
                sourceLocation: sourceLocation)
        for part in ["measures", "problems", "leader_duty", "next_year"] {
            #expect(d["has_\(part)"] == String(e.parts.contains(part)), "has_\(part)", sourceLocation: sourceLocation)
        }
        let parts = report.sections.compactMap { $0["part"] }.filter { !$0.isEmpty }
        #expect(parts == e.parts, sourceLocation: sourceLocation)
    }

    /// Every metric EXPECTED.json lists, in reading order, with its value, unit, qualifier, subject
    /// and the total it is a part of.
    static func expectedMetrics(_ report: SampleReport, sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = report.metrics
        var next = 0
        for m in report.expected.metrics {
            let candidates = rows.indices.filter { k in
                k >= next && rows[k]["raw"] == m.raw
                    && (m.anchor.map { report.paragraphText(rows[k]["paragraph_no"]).contains($0) } ?? true)
            }
            guard let k = candidates.first else {
                Issue.record("no metric \(m.raw) (\(m.subject)) after metric #\(next)", sourceLocation: sourceLocation)
                continue
            }
            next = k + 1
            let row = rows[k]
            #expect(row["value"].flatMap(Double.init) == m.value, "\(m.raw)", sourceLocation: sourceLocation)
            #expect(row["unit"] == m.unit, "\(m.raw)", sourceLocation: sourceLocation)
            #expect(row["qualifier"] == m.qualifier, "\(m.raw)", sourceLocation: sourceLocation)
            #expect(row["subject"] == m.subject, "\(m.raw)", sourceLocation: sourceLocation)
            let parent = rows.first { $0["metric_id"] == row["parent_metric_id"] }?["raw"]
            #expect(parent == m.parent, "parent of \(m.raw)", sourceLocation: sourceLocation)
        }
    }

    /// No metric lies inside a string EXPECTED.json calls a non-metric (“十四五”, 12345热线, 2月20日 …).
    static func nonMetrics(_ report: SampleReport, simplify: (String) -> String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        for nonMetric in report.expected.non_metrics {
            let needle = Array(WidthNormalizer.normalize(simplify(nonMetric)).unicodeScalars)
            var occurrences = 0
            for paragraph in report.paragraphs {
                let text = Array((paragraph["text"] ?? "").unicodeScalars)
                guard needle.count <= text.count else { continue }
                for start in 0...(text.count - needle.count) where Array(text[start..<(start + needle.count)]) == needle {
                    occurrences += 1
                    let inside = report.metrics.filter {
                        $0["paragraph_no"] == paragraph["paragraph_no"]
                            && (Int($0["char_start"] ?? "") ?? -1) < start + needle.count
                            && (Int($0["char_end"] ?? "") ?? -1) > start
                    }
                    #expect(inside.isEmpty, "\(nonMetric) gave \(inside.compactMap { $0["raw"] })", sourceLocation: sourceLocation)
                }
            }
            #expect(occurrences > 0, "\(nonMetric) is not in any paragraph", sourceLocation: sourceLocation)
        }
    }

    /// Every 《…》 with its document number and kind, in order.
    static func citations(_ report: SampleReport, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = report.citations
        let expected = report.expected.citations
        #expect(found.map { $0["title"] ?? "" } == expected.map(\.title), sourceLocation: sourceLocation)
        #expect(found.map { $0["doc_number"] ?? "" } == expected.map(\.doc_number), sourceLocation: sourceLocation)
        for (row, citation) in zip(found, expected) {
            #expect(row["kind"] == citation.kind, "\(citation.title)", sourceLocation: sourceLocation)
        }
    }

    /// Offsets of every metric and entity point at their text in the paragraph; every context is
    /// part of its paragraph. `simplify` turns a traditional `raw` into the paragraph's characters.
    static func offsets(_ report: SampleReport, simplify: (String) -> String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        for m in report.metrics {
            let text = report.paragraphText(m["paragraph_no"])
            let raw = WidthNormalizer.normalize(simplify(m["raw"] ?? ""))
            #expect(reportSlice(text, m["char_start"], m["char_end"]) == raw, "\(m["raw"] ?? "")", sourceLocation: sourceLocation)
            #expect(text.contains(m["context"] ?? "\u{0}"), "\(m["raw"] ?? "")", sourceLocation: sourceLocation)
            #expect(report.paragraphs.first { $0["paragraph_no"] == m["paragraph_no"] }?["section_id"] == m["section_id"],
                    sourceLocation: sourceLocation)
        }
        for e in report.entities {
            let text = report.paragraphText(e["paragraph_no"])
            #expect(reportSlice(text, e["char_start"], e["char_end"]) == e["text"], sourceLocation: sourceLocation)
        }
    }

    /// Entities that must be among the report's (type and normalized form).
    static func entities(_ report: SampleReport, include expected: [(type: String, normalized: String)],
                         sourceLocation: SourceLocation = #_sourceLocation) {
        let found = Set(report.entities.map { "\($0["type"] ?? "") \($0["normalized"] ?? "")" })
        for (type, normalized) in expected {
            #expect(found.contains("\(type) \(normalized)"), "\(type) \(normalized) in \(found.sorted())",
                    sourceLocation: sourceLocation)
        }
    }
}
