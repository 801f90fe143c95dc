import Foundation
import Testing
@testable import GovReport

/// What ships with the repository: the configs validate, and the README documents every option.
@Suite struct ShippedConfigTests {
    @Test(arguments: ["pipeline.json", "examples/pipeline-urls.json"])
    func shippedConfigValidates(_ path: String) throws {
        let result = try TestSupport.govreport(["validate", "--config", path], in: TestSupport.repositoryRoot)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func readmeDocumentsEveryStageAndSourceOption() throws {
        let readme = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for stage in StageRegistry.all {
            #expect(readme.contains("`\(stage.name)`"), "README does not name stage \(stage.name)")
            for field in stage.fields {
                #expect(readme.contains("| `\(field.name)` |"), "README has no row for \(stage.name).\(field.name)")
            }
        }
        for source in SourceRegistry.all {
            #expect(readme.contains("**`\(source.name)`**"), "README does not describe source \(source.name)")
            for field in source.fields {
                #expect(readme.contains("| `\(field.name)` |"), "README has no row for source \(source.name).\(field.name)")
            }
        }
    }
}
