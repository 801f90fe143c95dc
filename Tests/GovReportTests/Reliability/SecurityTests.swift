import Foundation
import Testing
@testable import GovReport
#if canImport(Glibc)
import Glibc
#endif

/// Hostile pages: what they name is never read or requested, nothing is written outside the work
/// and output folders, no cell can start a spreadsheet formula, and the limits on documents,
/// paragraphs and metrics turn runaway inputs into error rows.
@Suite(.serialized) struct SecurityTests {
    /// A page of the corpus that names a local file and a loopback server through an external
    /// entity, an external DTD and XInclude; the real binary reads it.
    @Test func pagesCannotMakeTheParserReadFilesOrOpenConnections() throws {
        let listener = try LoopbackListener()
        let project = try ReliabilityProject(sources: ["pages"])
        let secret = project.root.appendingPathComponent("secret.txt")
        let marker = "绝密标记XJ7Q"
        try TestSupport.write("\(marker) 不应出现在任何输出中", to: secret)
        let loopback = "http://127.0.0.1:\(listener.port)"
        let body = (FictionalPage.paragraphs(town: "青石镇") + ["引用外部实体：&xxe;", "引用网络实体：&net;"])
            .map { "<p>\($0)</p>" }.joined(separator: "\n")
        let page = """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE html SYSTEM "\(loopback)/external.dtd" [
              <!ENTITY xxe SYSTEM "file://\(secret.path)">
              <!ENTITY net SYSTEM "\(loopback)/entity">
              <!ENTITY % remote SYSTEM "\(loopback)/parameter.dtd"> %remote;
            ]>
            <html xmlns:xi="http://www.w3.org/2001/XInclude"><head><meta charset="utf-8">
            <title>青石镇2023年法治政府建设情况报告</title>
            <link rel="stylesheet" href="\(loopback)/style.css"><script src="\(loopback)/app.js"></script></head>
            <body><div id="zoom">\(body)
            <xi:include href="file://\(secret.path)" parse="text"/>
            <xi:include href="\(loopback)/include.xml"/>
            <iframe src="\(loopback)/frame"></iframe><img src="\(loopback)/logo.png">
            </div></body></html>
            """
        try TestSupport.write(page, to: project.root.appendingPathComponent("pages/qingshi-2023.html"))

        let result = try project.run()
        #expect(result.status == 0, "\(result.stderr)")
        let paragraphs = try project.table("paragraphs").map { $0["text"] ?? "" }
        #expect(paragraphs.contains { $0.contains("全年立案查处各类违法行为") }, "the report itself is read")
        for table in TablesWriter.tables {
            let data = try Data(contentsOf: project.out.appendingPathComponent("\(table.name).csv.gz"))
            let text = try TestSupport.python("import gzip,sys; sys.stdout.write(gzip.open(sys.argv[1],'rt').read())",
                                              [project.out.appendingPathComponent("\(table.name).csv.gz").path]).stdout
            #expect(!data.isEmpty && !text.contains(marker), "\(table.name) holds the secret file's text")
        }
        #expect(listener.connectionsWaiting() == 0, "the run connected to the loopback server")
        project.remove()
    }

    /// Names and metadata that look like paths (`..`, absolute paths, URLs) stay text: the run
    /// writes only into its work and output folders.
    @Test func nothingIsWrittenOutsideTheWorkAndOutputFolders() throws {
        let parent = try TestSupport.temporaryDirectory()
        let project = try ReliabilityProject(sources: ["pages"])
        let pages = project.root.appendingPathComponent("pages")
        let paragraphs = FictionalPage.paragraphs(town: "杉木镇")
        let page = """
            <html><head><meta charset="utf-8"><title>../../../\(parent.path)/escaped</title>
            <meta name="Url" content="../../../../\(parent.path)/escaped.html">
            <meta name="ContentSource" content="/\(parent.path)/escaped">
            <base href="file://\(parent.path)/"></head><body><div id="zoom">
            \(paragraphs.map { "<p>\($0)</p>" }.joined())<p><a href="../../\(parent.path)/x">../../\(parent.path)/x</a></p>
            </div></body></html>
            """
        try TestSupport.write(page, to: pages.appendingPathComponent("..%2F..%2Fescaped.html"))
        try TestSupport.write(page, to: pages.appendingPathComponent("report ..  with dots.html"))

        let result = try project.run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: project.root.path)) == ["out", "pages", "pipeline.json", "work"])
        let work = Set(try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("work").path))
        #expect(work.isSubset(of: ["govreport.lock", "govreport.sqlite", "govreport.sqlite-wal", "govreport.sqlite-shm"]), "\(work)")
        let out = Set(try FileManager.default.contentsOfDirectory(atPath: project.out.path))
        #expect(out == Set(TablesWriter.tables.map { "\($0.name).csv.gz" } + ["datapackage.json", "run-report.json"]))
        project.remove()
        try? FileManager.default.removeItem(at: parent)
    }

    /// Every text column of every table, fed text that a spreadsheet would run as a formula
    /// (in a folder name, a title, an issuer, paragraphs, headings, citations, programme names,
    /// metric subjects), holds it neutralised; numbers stay numbers.
    @Test func noTextCellCanStartAFormula() throws {
        let project = try ReliabilityProject(sources: ["=HYPERLINK(1)"])
        let paragraphs = [
            "=HYPERLINK(\"http://evil.example\",\"点击\")全年立案查处各类违法行为120起。",
            "一、+主要举措和成效",
            "@SUM(A1)街道党政主要负责人带头学法用法，全年召开法治建设专题会议6次。",
            "-全年共调处矛盾纠纷208起，印发《=cmd|' /C calc'!A0》和《@法治建设工作要点》，推行“+枫桥经验”“=调解工作法”。",
            "二、存在的问题",
            "一是基层执法力量仍显薄弱；二是部分干部法治思维有待提升。",
        ]
        let page = """
            <html><head><meta charset="utf-8"><title>=1+1 某镇2023年法治政府建设情况报告</title>
            <meta name="ContentSource" content="-某镇人民政府"></head>
            <body><div id="zoom">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div></body></html>
            """
        try TestSupport.write(page, to: project.root.appendingPathComponent("=HYPERLINK(1)/+report.html"))
        try TestSupport.write("", to: project.root.appendingPathComponent("=HYPERLINK(1)/@empty.txt"))
        let result = try project.run()
        #expect(result.status == 2, "\(result.stderr)")

        var neutralised = Set<String>()
        for schema in TablesWriter.tables {
            let rows = try project.table(schema.name)
            for field in schema.fields {
                for row in rows {
                    let cell = row[field.name] ?? ""
                    guard let first = cell.unicodeScalars.first else { continue }
                    if field.type == .string {
                        #expect(!CSVEncoder.formulaStarts.contains(first), "\(schema.name).\(field.name): \(cell)")
                        if first == "'", cell.unicodeScalars.dropFirst().first.map(CSVEncoder.formulaStarts.contains) == true {
                            neutralised.insert("\(schema.name).\(field.name)")
                        }
                    } else if field.type == .integer || field.type == .number {
                        #expect(Double(cell) != nil, "\(schema.name).\(field.name) is not a number: \(cell)")
                    }
                }
            }
        }
        // The hostile text reached these columns and was neutralised there.
        let reached: Set<String> = ["documents.source", "documents.title", "documents.issuer", "paragraphs.text",
                                    "sections.heading", "citations.title", "entities.normalized", "errors.source"]
        #expect(reached.isSubset(of: neutralised), "not reached: \(reached.subtracting(neutralised).sorted())")
        project.remove()
    }

    // MARK: limits

    @Test func tooManyDocumentsAreErrorRowsInListingOrder() throws {
        let project = try ReliabilityProject(sources: ["corpus/pages"], fetch: #""maxDocuments": 2"#)
        try ReliabilityScripts.makeInputs(["--large", "4", project.root.appendingPathComponent("corpus").path])
        let result = try project.run()
        #expect(result.status == 2, "\(result.stderr)")
        let errors = try project.table("errors").sorted { ($0["source"] ?? "") < ($1["source"] ?? "") }
        #expect(errors.map { $0["source"] ?? "" } == ["corpus/pages/report-00002.html", "corpus/pages/report-00003.html"])
        #expect(errors.allSatisfy { $0["code"] == "fetch.too_many_documents" && $0["stage"] == "fetch" })
        #expect(errors.first?["message"]?.contains("document 3 of the 4 listed, over the limit of 2 (fetch.maxDocuments)") == true)
        #expect(try project.table("documents").filter { $0["status"] == "ok" }.count == 2)
        // Nothing past the limit was read.
        #expect(project.count("SELECT count(*) FROM documents WHERE content IS NOT NULL") == 2)
        project.remove()
    }

    @Test func tooManyParagraphsAndTooManyMetricsAreErrorRows() throws {
        let paragraphsProject = try ReliabilityProject(sources: ["corpus/pages"], strip: #""maxParagraphs": 10"#)
        try ReliabilityScripts.makeInputs(["--large", "1", paragraphsProject.root.appendingPathComponent("corpus").path])
        #expect(try paragraphsProject.run().status == 2)
        let paragraphErrors = try paragraphsProject.table("errors")
        #expect(paragraphErrors.map { $0["code"] ?? "" } == ["strip.too_many_paragraphs"])
        #expect(paragraphErrors.first?["message"]?.contains("over the limit of 10 (strip.maxParagraphs)") == true)
        paragraphsProject.remove()

        let metricsProject = try ReliabilityProject(sources: ["corpus/pages"], extract: #""maxMetrics": 3"#)
        try ReliabilityScripts.makeInputs(["--large", "1", metricsProject.root.appendingPathComponent("corpus").path])
        #expect(try metricsProject.run().status == 2)
        let metricErrors = try metricsProject.table("errors")
        #expect(metricErrors.map { $0["code"] ?? "" } == ["extract.too_many_metrics"])
        #expect(metricErrors.first?["message"]?.contains("more than 3 metrics (extract.maxMetrics)") == true)
        #expect(try metricsProject.table("metrics").isEmpty)
        metricsProject.remove()
    }

    @Test func limitsMustBePositive() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("""
            {"sources": [{"type": "files", "paths": ["."]}],
             "stages": [{"type": "fetch", "maxDocuments": 0}, {"type": "strip", "maxParagraphs": 0},
                        {"type": "extract", "maxMetrics": -1}]}
            """, to: dir.appendingPathComponent("pipeline.json"))
        let result = try TestSupport.govreport(["validate"], in: dir)
        #expect(result.status == 64)
        for path in ["$.stages[0].maxDocuments", "$.stages[1].maxParagraphs", "$.stages[2].maxMetrics"] {
            #expect(result.stderr.contains(path), "\(result.stderr)")
        }
        try? FileManager.default.removeItem(at: dir)
    }
}

/// The body of a short fictional report, for pages built in a test.
enum FictionalPage {
    static func paragraphs(town: String) -> [String] {
        [
            "2023年，\(town)坚持以习近平法治思想为指导，统筹推进依法决策、严格执法和矛盾纠纷化解，现将有关情况报告如下：",
            "一、主要举措和成效",
            "综合行政执法队全年立案查处各类违法行为126起，罚没金额约12.5万元。",
            "二、存在的问题",
            "基层执法力量仍显薄弱，专业法律人才不足。",
            "\(town)人民政府",
        ]
    }
}

/// A TCP socket listening on 127.0.0.1 that accepts nothing: a connection made to it waits in
/// its backlog, where `connectionsWaiting` finds it.
final class LoopbackListener {
    let fd: Int32
    let port: UInt16

    init() throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard socketFD >= 0, bound == 0, listen(socketFD, 16) == 0 else {
            throw ReliabilityError.failed("cannot listen on loopback")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        _ = fcntl(socketFD, F_SETFL, fcntl(socketFD, F_GETFL) | O_NONBLOCK)
        fd = socketFD
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Connections made to the listener so far (each accepted and closed here).
    func connectionsWaiting() -> Int {
        var count = 0
        while true {
            let client = accept(fd, nil, nil)
            guard client >= 0 else { break }
            close(client)
            count += 1
        }
        return count
    }

    deinit { close(fd) }
}
