import Foundation
import Testing
@testable import GovReport

@Suite struct DataPackageTests {
    func writtenPackage(_ options: TableWriter.Options = .init()) throws -> ([UInt8], [String: Any]) {
        let dir = try TablesScratchDirectory()
        defer { dir.remove() }
        try TableWriter(options: options).write(TablesFixture.tables, to: dir.url)
        let bytes = try dir.read("datapackage.json")
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        return (bytes, try #require(object))
    }

    @Test func describesEveryTableAndColumn() throws {
        let (bytes, package) = try writtenPackage()
        #expect(bytes.last == UInt8(ascii: "\n"))
        #expect(package["name"] as? String == "govreport")
        #expect(package["profile"] as? String == "tabular-data-package")
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.compactMap { $0["name"] as? String } == TableCatalog.all.map(\.name))

        for (resource, schema) in zip(resources, TableCatalog.all) {
            #expect(resource["path"] as? String == "\(schema.name).csv.gz")
            #expect(resource["profile"] as? String == "tabular-data-resource")
            #expect(resource["format"] as? String == "csv")
            #expect(resource["mediatype"] as? String == "text/csv")
            #expect(resource["compression"] as? String == "gz")
            #expect(resource["encoding"] as? String == "utf-8")
            let dialect = try #require(resource["dialect"] as? [String: Any])
            #expect(dialect["delimiter"] as? String == ",")
            #expect(dialect["lineTerminator"] as? String == "\n")
            #expect(dialect["quoteChar"] as? String == "\"")
            #expect(dialect["doubleQuote"] as? Bool == true)
            #expect(dialect["header"] as? Bool == true)

            let tableSchema = try #require(resource["schema"] as? [String: Any])
            #expect(tableSchema["missingValues"] as? [String] == [""])
            #expect(tableSchema["primaryKey"] as? [String] == schema.primaryKey)
            let fields = try #require(tableSchema["fields"] as? [[String: Any]])
            #expect(fields.compactMap { $0["name"] as? String } == schema.fieldNames)
            for (json, field) in zip(fields, schema.fields) {
                #expect(json["type"] as? String == field.type.rawValue)
                #expect((json["description"] as? String)?.isEmpty == false)
                let constraints = try #require(json["constraints"] as? [String: Any])
                #expect(constraints["required"] as? Bool == field.required)
                #expect(constraints["enum"] as? [String] == field.enumValues)
            }
            let foreignKeys = try #require(tableSchema["foreignKeys"] as? [[String: Any]])
            if schema.name == "documents" {
                #expect(foreignKeys.isEmpty)
            } else {
                #expect(foreignKeys.count == 1)
                #expect(foreignKeys.first?["fields"] as? [String] == ["doc_id"])
                let reference = try #require(foreignKeys.first?["reference"] as? [String: Any])
                #expect(reference["resource"] as? String == "documents")
                #expect(reference["fields"] as? [String] == ["doc_id"])
            }
        }

        let metrics = try #require(resources.first { $0["name"] as? String == "metrics" })
        let metricFields = try #require((metrics["schema"] as? [String: Any])?["fields"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: metricFields.map { ($0["name"] as! String, $0) })
        #expect(byName["value"]?["type"] as? String == "number")
        #expect(byName["char_start"]?["type"] as? String == "integer")
        #expect((byName["qualifier"]?["constraints"] as? [String: Any])?["enum"] as? [String]
                == ["exact", "more_than", "at_least", "less_than", "at_most", "approx"])
        #expect((metrics["schema"] as? [String: Any])?["primaryKey"] as? [String] == ["doc_id", "metric_id"])
    }

    @Test func plainCSVHasNoCompressionAndTheJSONIsStable() throws {
        let (first, package) = try writtenPackage(.init(formats: [.csv, .csvGz]))
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.first?["path"] as? String == "documents.csv")
        #expect(resources.allSatisfy { $0["compression"] == nil })
        let (second, _) = try writtenPackage(.init(formats: [.csv, .csvGz]))
        #expect(first == second)
        // Pretty-printed with sorted keys: "description" comes before "name" in each resource.
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("{\n"))
        #expect(text.contains("\"lineTerminator\" : \"\\n\"") || text.contains("\"lineTerminator\": \"\\n\""))
        #expect(!text.contains("\\/"))
        #expect(text.contains("法治政府建设情况报告"))
    }
}
