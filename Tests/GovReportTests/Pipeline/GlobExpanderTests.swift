import Foundation
import Testing
@testable import GovReport

@Suite struct GlobExpanderTests {
    @Test func expandsGlobstarPatternsAndFolders() throws {
        let dir = try TestSupport.temporaryDirectory()
        for path in ["a.html", "sub/b.html", "sub/deeper/c.htm", "sub/notes.md", "text/d.txt", ".hidden/e.html"] {
            try TestSupport.write("x", to: dir.appendingPathComponent(path))
        }
        let names = { (pattern: String) in GlobExpander.expand(pattern, base: dir).files.map { FilesSource.normalizedSource($0, base: dir) } }
        #expect(names("**/*.html") == ["a.html", "sub/b.html"])
        #expect(names("sub/**/*.htm") == ["sub/deeper/c.htm"])
        #expect(names("*.html") == ["a.html"])
        #expect(Set(names("sub")) == ["sub/b.html", "sub/deeper/c.htm"])
        #expect(names("text/d.txt") == ["text/d.txt"])
    }

    @Test func dotSegmentsAreResolvedAndFolderSourcesKeepTheirExtensions() throws {
        let dir = try TestSupport.temporaryDirectory()
        for path in ["site/a.html", "site/b.HTM", "site/c.html.bak", "site/archive.tar.gz", "site/noext", "other/d.txt"] {
            try TestSupport.write("x", to: dir.appendingPathComponent(path))
        }
        let paths = { (pattern: String) in GlobExpander.expand(pattern, base: dir).files.map(\.path) }
        let site = dir.standardizedFileURL.path + "/site"
        #expect(paths("other/../site/./*.html") == [site + "/a.html"])
        #expect(paths("./other/../site/*.htm?") == [site + "/a.html"])
        #expect(Set(paths("site")) == [site + "/a.html", site + "/b.HTM"])
        #expect(GlobExpander.pathExtension("/x/y/page.HTML") == "HTML")
        #expect(GlobExpander.pathExtension("/x/.hidden") == "" && GlobExpander.pathExtension("/x/name.") == "")
        #expect(GlobExpander.lexicallyResolved(["a", ".", "b", "..", "c", "..", ".."]) == [])
    }

    @Test func symlinkLoopIsReportedNotFollowedForever() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("x", to: dir.appendingPathComponent("site/page.html"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("site/again").path,
                                                   withDestinationPath: dir.appendingPathComponent("site").path)
        let result = GlobExpander.expand("site/**/*.html", base: dir)
        #expect(result.files.map(\.lastPathComponent) == ["page.html"])
        #expect(result.loops.count == 1)
    }

    @Test func documentIdsAreStableAndDistinct() {
        #expect(DocumentID.make(source: "samples/pages/a.html") == DocumentID.make(source: "samples/pages/a.html"))
        #expect(DocumentID.make(source: "samples/pages/a.html") != DocumentID.make(source: "samples/pages/b.html"))
        #expect(DocumentID.make(source: "x").count == 16)
    }
}
