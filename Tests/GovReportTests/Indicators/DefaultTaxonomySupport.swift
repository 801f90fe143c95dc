import Foundation
import Testing
@testable import GovReport

/// The default taxonomy as shipped: `indicators.json` at the repository root.
enum DefaultIndicatorTaxonomy {
    /// This file is Tests/GovReportTests/Indicators/DefaultTaxonomySupport.swift.
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("indicators.json")

    /// The rules of the file; records an issue for every problem the validator finds.
    static func rules() throws -> [IndicatorRule] {
        let (rules, problems) = Taxonomy.parse(try Data(contentsOf: file))
        #expect(problems.isEmpty, "\(problems)")
        return rules
    }

    static func matcher() throws -> IndicatorMatcher {
        IndicatorMatcher(rules: try rules())
    }
}

/// A subject and unit as the extract stage gives them.
struct SubjectAndUnit: Sendable, CustomStringConvertible {
    var subject: String
    var unit: String

    init(_ subject: String, _ unit: String) {
        self.subject = subject
        self.unit = unit
    }

    var description: String { "\(subject) [\(unit)]" }
}
