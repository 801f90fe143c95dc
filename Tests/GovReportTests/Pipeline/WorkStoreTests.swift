import Foundation
import GRDB
import Testing
@testable import GovReport

@Suite struct WorkStoreTests {
    private func item(_ source: String) -> SourceItem {
        SourceItem(docId: DocumentID.make(source: source), source: source,
                   locator: .file(URL(fileURLWithPath: "/nonexistent/\(source)")), declaredCharset: nil, contentType: "text/html")
    }

    /// A store listing a.html, with these stage outputs (stage, hash), and b.html, failed in decode.
    private func twoDocuments(outputsOfA outputs: [(stage: String, hash: String)]) throws -> (WorkStore, SourceItem, SourceItem) {
        let store = try WorkStore(directory: try TestSupport.temporaryDirectory())
        let a = item("a.html"), b = item("b.html")
        _ = try store.recordListing([a, b], extraIds: [])
        for (index, output) in outputs.enumerated() {
            try store.storeOutput(a.docId, stage: output.stage, cacheKey: "k\(index)", outputHash: output.hash, payload: Data([UInt8(index)]))
        }
        try store.storeFailure(b.docId, source: b.source, stage: "decode", cacheKey: "kb",
                               failure: StageFailure("decode.binary", "not text"), invalidated: ["decode"])
        return (store, a, b)
    }

    @Test func listingCountsNewAndRemovedDocuments() throws {
        let store = try WorkStore(directory: try TestSupport.temporaryDirectory())
        let first = try store.recordListing([item("a.html"), item("b.html")], extraIds: [])
        #expect(first.new == 2 && first.removed == 0)
        let second = try store.recordListing([item("b.html"), item("c.html")], extraIds: [])
        #expect(second.new == 1 && second.removed == 1)
        #expect(try store.listedDocuments().map(\.source).sorted() == ["b.html", "c.html"])
    }

    @Test func aRelistedDocumentIsListedAgainAndARepeatedListingChangesNothing() throws {
        let store = try WorkStore(directory: try TestSupport.temporaryDirectory())
        _ = try store.recordListing([item("a.html"), item("b.html")], extraIds: [])
        let dropped = try store.recordListing([item("b.html")], extraIds: [])
        #expect(dropped.new == 0 && dropped.removed == 1)
        let back = try store.recordListing([item("a.html"), item("b.html"), item("c.html")], extraIds: [])
        #expect(back.new == 1 && back.removed == 0)
        #expect(try store.listedDocuments().map(\.source).sorted() == ["a.html", "b.html", "c.html"])
        let fingerprint = try store.tablesFingerprint()
        let same = try store.recordListing([item("c.html"), item("a.html"), item("b.html")], extraIds: [])
        #expect(same.new == 0 && same.removed == 0)
        #expect(try store.tablesFingerprint() == fingerprint)
    }

    /// The fingerprint is streamed into the hash; it must stay the hash of these lines, or every
    /// existing work store would rebuild its tables once for nothing.
    @Test func theTablesFingerprintHashesOneLinePerDocumentStageAndFailure() throws {
        let (store, a, b) = try twoDocuments(outputsOfA: [("decode", "h-decode"), ("strip", "h-strip")])
        var lines: [String] = []
        for doc in [a, b].sorted(by: { $0.docId < $1.docId }) {
            if doc.docId == a.docId {
                lines += ["\(a.docId)\ta.html\t\tdecode\th-decode", "\(a.docId)\ta.html\t\tstrip\th-strip"]
            } else {
                lines.append("\(b.docId)\tb.html\t\t\t")
            }
        }
        lines.append("F\t\(b.docId)\tdecode\tdecode.binary\tnot text")
        let text = lines.map { $0 + "\n" }.joined()
        #expect(try store.tablesFingerprint() == sha256Hex(Data(text.utf8)))
    }

    /// Documents' and tables' keys are hashes of their lines too, after the write's fingerprint:
    /// a document's identity line, its stage lines and its failures; a table's, every document's
    /// identity, the lines of the stages it reads and every failure. They must stay so, or every
    /// work store would make all its rows again once for nothing.
    @Test func documentAndTableKeysHashTheirLines() throws {
        let (store, a, b) = try twoDocuments(outputsOfA: [("segment", "s1"), ("extract", "e1")])
        let inputs = try store.tableInputs(writeFingerprint: "write/v1", tables: ["metrics": ["extract"], "errors": []])
        func key(_ lines: [String]) -> String { sha256Hex(Data(("write/v1\n" + lines.map { $0 + "\n" }.joined()).utf8)) }
        let identity = [a.docId: "D\t\(a.docId)\ta.html\t\t", b.docId: "D\t\(b.docId)\tb.html\t\t"]
        let failure = "F\t\(b.docId)\tdecode\tdecode.binary\tnot text\tb.html"
        #expect(inputs.documentKeys[a.docId] == key([identity[a.docId]!, "\(a.docId)\ta.html\t\textract\te1",
                                                     "\(a.docId)\ta.html\t\tsegment\ts1"]))
        #expect(inputs.documentKeys[b.docId] == key([identity[b.docId]!, "\(b.docId)\tb.html\t\t\t", failure]))
        let ordered = [a.docId, b.docId].sorted()
        let metricsLines = ordered.flatMap { id in id == a.docId ? [identity[id]!, "\(a.docId)\ta.html\t\textract\te1"] : [identity[id]!] }
        #expect(inputs.tableKeys["metrics"] == key(metricsLines + [failure]))
        #expect(inputs.tableKeys["errors"] == key(ordered.map { identity[$0]! } + [failure]))
    }

    /// A table's key moves with the outputs of the stages it reads, every table's with a failure;
    /// a document's key with its own outputs only; all keys with the write's fingerprint.
    @Test func eachTablesKeyMovesWithTheStagesItReads() throws {
        let store = try WorkStore(directory: try TestSupport.temporaryDirectory())
        let a = item("a.html"), b = item("b.html")
        _ = try store.recordListing([a, b], extraIds: [])
        try store.storeOutput(a.docId, stage: "segment", cacheKey: "k1", outputHash: "s1", payload: Data([1]))
        try store.storeOutput(a.docId, stage: "extract", cacheKey: "k2", outputHash: "e1", payload: Data([2]))
        let tables: [String: Set<String>] = ["paragraphs": ["segment"], "metrics": ["extract"], "errors": []]
        let first = try store.tableInputs(writeFingerprint: "write/v1", tables: tables)
        #expect(first.fingerprint == (try store.tablesFingerprint()))
        #expect(Set(first.tableKeys.keys) == Set(tables.keys) && first.documentKeys.count == 2)

        try store.storeOutput(a.docId, stage: "extract", cacheKey: "k2", outputHash: "e2", payload: Data([3]))
        let second = try store.tableInputs(writeFingerprint: "write/v1", tables: tables)
        #expect(second.tableKeys["paragraphs"] == first.tableKeys["paragraphs"] && second.tableKeys["errors"] == first.tableKeys["errors"])
        #expect(second.tableKeys["metrics"] != first.tableKeys["metrics"])
        #expect(second.documentKeys[a.docId] != first.documentKeys[a.docId] && second.documentKeys[b.docId] == first.documentKeys[b.docId])

        try store.storeFailure(b.docId, source: b.source, stage: "decode", cacheKey: "k3",
                               failure: StageFailure("decode.binary", "not text"), invalidated: ["decode"])
        let third = try store.tableInputs(writeFingerprint: "write/v1", tables: tables)
        for name in tables.keys { #expect(third.tableKeys[name] != second.tableKeys[name], "\(name)") }
        #expect(third.documentKeys[a.docId] == second.documentKeys[a.docId] && third.documentKeys[b.docId] != second.documentKeys[b.docId])

        let otherWrite = try store.tableInputs(writeFingerprint: "write/v2", tables: tables)
        #expect(otherWrite.fingerprint == third.fingerprint)
        for name in tables.keys { #expect(otherWrite.tableKeys[name] != third.tableKeys[name]) }
        for doc in [a, b] { #expect(otherWrite.documentKeys[doc.docId] != third.documentKeys[doc.docId]) }
    }

    /// A document's pass is stored in one transaction: content and outputs together, each
    /// clearing its stage's failure; when any part cannot be written, none of it is.
    @Test func aDocumentsContentAndOutputsAreStoredTogetherOrNotAtAll() throws {
        let store = try WorkStore(directory: try TestSupport.temporaryDirectory())
        let doc = item("report.html"), other = item("other.html")
        _ = try store.recordListing([doc, other], extraIds: [])
        try store.storeFailure(doc.docId, source: doc.source, stage: "fetch", cacheKey: "", failure: StageFailure("fetch.io", "gone"), invalidated: [])
        try store.storeFailure(doc.docId, source: doc.source, stage: "decode", cacheKey: "k0", failure: StageFailure("decode.binary", "not text"), invalidated: ["decode"])
        func raw(_ item: SourceItem, _ text: String) -> RawDocument {
            RawDocument(docId: item.docId, source: item.source, bytes: Array(text.utf8), sha256: sha256Hex(Data(text.utf8)),
                        declaredCharset: nil, contentType: "text/html")
        }
        func output(_ stage: String) -> WorkStore.StageOutput {
            WorkStore.StageOutput(stage: stage, cacheKey: "k-\(stage)", outputHash: "h-\(stage)", payload: Data(stage.utf8))
        }
        let stamp = FileStamp(size: 15, modifiedNanoseconds: 1, changedNanoseconds: 2, inode: 3, device: 4)
        try store.storeDocuments([WorkStore.DocumentWrite(docId: doc.docId, content: WorkStore.ContentWrite(raw: raw(doc, "<p>报告</p>"), fileStamp: stamp),
                                                          outputs: [output("decode"), output("strip")])])
        #expect(try store.rawDocument(doc.docId)?.bytes == Array("<p>报告</p>".utf8))
        #expect(try store.documentState(doc.docId).content?.fileStamp == stamp)
        #expect(try store.payload(doc.docId, stage: "decode") == Data("decode".utf8))
        #expect(try store.cacheState(doc.docId, stage: "strip")?.outputHash == "h-strip")
        #expect(try store.failureKey(doc.docId, stage: "fetch") == nil)
        #expect(try store.failureKey(doc.docId, stage: "decode") == nil)

        // The disk fills up at the third output: the content and the first two are not kept either.
        try store.pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER full BEFORE INSERT ON outputs WHEN NEW.stage = 'normalize'
                BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
                """)
        }
        #expect(throws: DatabaseError.self) {
            try store.storeDocuments([WorkStore.DocumentWrite(docId: other.docId, content: WorkStore.ContentWrite(raw: raw(other, "<p>另一份</p>"), fileStamp: nil),
                                                              outputs: [output("decode"), output("strip"), output("normalize")])])
        }
        #expect(try store.rawDocument(other.docId) == nil)
        #expect(try store.cacheState(other.docId, stage: "decode") == nil)
        #expect(try store.cacheState(other.docId, stage: "strip") == nil)
    }

    /// A chunk's passes are stored in one transaction: every document's content and outputs, or,
    /// when any part cannot be written, nothing of any of them.
    @Test func aChunksDocumentsAreStoredTogetherOrNotAtAll() throws {
        let store = try WorkStore(directory: try TestSupport.temporaryDirectory())
        let docs = ["a.html", "b.html", "c.html"].map(item)
        _ = try store.recordListing(docs, extraIds: [])
        func write(_ doc: SourceItem, _ stages: [String]) -> WorkStore.DocumentWrite {
            let text = "<p>\(doc.source)</p>"
            let raw = RawDocument(docId: doc.docId, source: doc.source, bytes: Array(text.utf8), sha256: sha256Hex(Data(text.utf8)),
                                  declaredCharset: nil, contentType: "text/html")
            return WorkStore.DocumentWrite(docId: doc.docId, content: WorkStore.ContentWrite(raw: raw, fileStamp: nil), outputs: stages.map {
                WorkStore.StageOutput(stage: $0, cacheKey: "k-\($0)", outputHash: "h-\(doc.source)-\($0)", payload: Data($0.utf8))
            })
        }
        try store.storeFailure(docs[1].docId, source: docs[1].source, stage: "decode", cacheKey: "k0",
                               failure: StageFailure("decode.binary", "not text"), invalidated: ["decode"])
        try store.storeDocuments([write(docs[0], ["decode", "strip"]), write(docs[1], ["decode"])])
        #expect(try store.rawDocument(docs[0].docId)?.bytes == Array("<p>a.html</p>".utf8))
        #expect(try store.cacheState(docs[0].docId, stage: "strip")?.outputHash == "h-a.html-strip")
        #expect(try store.cacheState(docs[1].docId, stage: "decode")?.outputHash == "h-b.html-decode")
        #expect(try store.failureKey(docs[1].docId, stage: "decode") == nil)

        try store.pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER full BEFORE INSERT ON outputs WHEN NEW.stage = 'normalize'
                BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
                """)
        }
        // The third document's last output cannot be written: the first two documents' new
        // outputs are not kept either, and the earlier ones stay as they were.
        #expect(throws: DatabaseError.self) {
            try store.storeDocuments([write(docs[0], ["segment"]), write(docs[2], ["decode", "normalize"])])
        }
        #expect(try store.cacheState(docs[0].docId, stage: "segment") == nil)
        #expect(try store.cacheState(docs[0].docId, stage: "strip")?.outputHash == "h-a.html-strip")
        #expect(try store.rawDocument(docs[2].docId) == nil)
        #expect(try store.cacheState(docs[2].docId, stage: "decode") == nil)
    }

    @Test func aFailureClearsTheStageAndEverythingAfterIt() throws {
        let store = try WorkStore(directory: try TestSupport.temporaryDirectory())
        let doc = item("report.html")
        _ = try store.recordListing([doc], extraIds: [])
        for stage in ["decode", "strip", "normalize"] {
            try store.storeOutput(doc.docId, stage: stage, cacheKey: "k-\(stage)", outputHash: "h-\(stage)", payload: Data("{}".utf8))
        }
        try store.storeFailure(doc.docId, source: doc.source, stage: "strip", cacheKey: "k2",
                               failure: StageFailure("strip.no_body", "no article"), invalidated: ["strip", "normalize"])
        #expect(try store.cacheState(doc.docId, stage: "decode")?.outputHash == "h-decode")
        #expect(try store.cacheState(doc.docId, stage: "strip") == nil)
        #expect(try store.cacheState(doc.docId, stage: "normalize") == nil)
        #expect(try store.failureKey(doc.docId, stage: "strip") == "k2")
        // A later success of the stage removes its failure.
        try store.storeOutput(doc.docId, stage: "strip", cacheKey: "k3", outputHash: "h3", payload: Data("{}".utf8))
        #expect(try store.failureKey(doc.docId, stage: "strip") == nil)
    }

    @Test func analystsCanAskWhichDocumentsFailedWhere() throws {
        let directory = try TestSupport.temporaryDirectory()
        let store = try WorkStore(directory: directory)
        let doc = item("broken.html")
        _ = try store.recordListing([doc], extraIds: [])
        try store.storeFailure(doc.docId, source: doc.source, stage: "decode", cacheKey: "k",
                               failure: StageFailure("decode.binary", "looks like a PNG image"), invalidated: ["decode"])
        // With the sqlite3 shell, as the README shows.
        let result = try TestSupport.run(URL(fileURLWithPath: "/usr/bin/env"),
                                         ["sqlite3", directory.appendingPathComponent(WorkStore.fileName).path,
                                          "SELECT source, stage, code FROM failures"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("broken.html|decode|decode.binary"))
        let journal = try store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }
    /// The listing, the per-chunk read of the stages' keys and the tables' input hash are answered
    /// from the indexes alone, never from the rows that hold the documents' bytes and outputs.
    @Test func keyReadsAreAnsweredFromTheIndexes() throws {
        let (store, a, b) = try twoDocuments(outputsOfA: [("decode", "h0"), ("strip", "h1")])
        for sql in [WorkStore.listingSQL, WorkStore.stageKeysSQL(count: 2), WorkStore.tableInputRowsSQL] {
            let steps = try store.pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: sql.contains("?") ? [a.docId, b.docId] : [])
                    .map { $0["detail"] as String }
                    .filter { $0.hasPrefix("SCAN") || $0.hasPrefix("SEARCH") }
            }
            #expect(!steps.isEmpty)
            #expect(steps.allSatisfy { $0.contains("USING COVERING INDEX documents_listing") || $0.contains("USING COVERING INDEX outputs_keys") },
                    "\(steps)")
        }
    }
}
