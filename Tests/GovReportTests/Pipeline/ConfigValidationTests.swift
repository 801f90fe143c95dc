import Foundation
import Testing
@testable import GovReport

@Suite struct ConfigValidationTests {
    private func problems(_ json: String, files: [String] = []) throws -> [ConfigProblem] {
        let dir = try TestSupport.temporaryDirectory()
        for file in files { try TestSupport.write("<p>x</p>", to: dir.appendingPathComponent(file)) }
        let config = dir.appendingPathComponent("pipeline.json")
        do {
            _ = try ConfigLoader.parse(Data(json.utf8), configFile: config)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func minimalConfigIsValidWithDefaults() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("<p>x</p>", to: dir.appendingPathComponent("in/a.html"))
        let json = #"{"sources":[{"type":"files","paths":["in/*.html"]}],"stages":[{"type":"fetch"},{"type":"write"}]}"#
        let config = try ConfigLoader.parse(Data(json.utf8), configFile: dir.appendingPathComponent("pipeline.json"))
        #expect(config.stageNames == ["fetch", "write"])
        #expect(config.workDirectory.path == dir.appendingPathComponent("work").standardizedFileURL.path)
        #expect(config.outputDirectory.lastPathComponent == "out")
        guard case .write(let options) = config.stage(named: "write")?.kind else {
            Issue.record("write stage missing"); return
        }
        #expect(options.formats == ["csv.gz"])
        #expect(options.spreadsheetSafe)
        #expect(!options.excelBOM)
    }

    @Test func everyProblemIsReportedWithItsPath() throws {
        let json = """
        {"outputDir": 5, "colour": "red",
         "sources": [{"type": "files", "paths": ["missing-folder/*.html"], "charst": "gbk"},
                     {"type": "ftp"}],
         "stages": [{"type": "fetch", "maxBytes": "big"},
                    {"type": "strip"},
                    {"type": "decode"},
                    {"type": "translate"},
                    {"type": "write", "formats": ["xls"], "gzipLevel": 12}]}
        """
        let found = try problems(json)
        let paths = Set(found.map(\.path))
        #expect(paths.contains("$.outputDir"))
        #expect(paths.contains("$.colour"))
        #expect(paths.contains("$.sources[0].charst"))
        #expect(paths.contains("$.sources[1].type"))
        #expect(paths.contains("$.stages[0].maxBytes"))
        #expect(paths.contains("$.stages[1].type"))       // strip needs decode before it
        #expect(paths.contains("$.stages[2].type"))       // decode after strip: out of order
        #expect(paths.contains("$.stages[3].type"))       // unknown stage type
        #expect(paths.contains("$.stages[4].formats[0]"))
        #expect(paths.contains("$.stages[4].gzipLevel"))
        #expect(found.first { $0.path == "$.stages[0].maxBytes" }?.message.contains("integer") == true)
        #expect(found.first { $0.path == "$.stages[3].type" }?.message.contains("unknown stage type") == true)
        #expect(found.first { $0.path == "$.stages[2].type" }?.message.contains("out of order") == true)
    }

    @Test func missingSourcePathIsAProblem() throws {
        let found = try problems(#"{"sources":[{"type":"files","paths":["nowhere/report.html"]}],"stages":[{"type":"fetch"}]}"#)
        #expect(found.map(\.path) == ["$.sources[0].paths[0]"])
        #expect(found[0].message.contains("no such file"))
    }

    @Test func missingSourcesAndStages() throws {
        let found = try problems("{}")
        #expect(Set(found.map(\.path)) == ["$.sources", "$.stages"])
    }

    @Test func invalidJSONIsReported() throws {
        let found = try problems(#"{"sources": [}"#)
        #expect(found.count == 1)
        #expect(found[0].message.contains("not valid JSON"))
    }

    @Test func duplicateStageIsReported() throws {
        let found = try problems(#"{"sources":[{"type":"files","paths":["a.html"]}],"stages":[{"type":"fetch"},{"type":"fetch"}]}"#,
                                 files: ["a.html"])
        #expect(found.map(\.path) == ["$.stages[1].type"])
    }

    @Test func booleansAndNumbersAreTold() throws {
        let found = try problems(#"{"sources":[{"type":"files","paths":["a.html"]}],"stages":[{"type":"fetch","maxBytes":true},{"type":"write","excelBOM":1}]}"#,
                                 files: ["a.html"])
        #expect(Set(found.map(\.path)) == ["$.stages[0].maxBytes", "$.stages[1].excelBOM"])
    }
}

extension Error {
    var problems: [ConfigProblem] { (self as? ConfigError)?.problems ?? [ConfigProblem("?", "\(self)")] }
}
