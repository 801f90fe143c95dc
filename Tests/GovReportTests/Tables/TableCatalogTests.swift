import Testing
@testable import GovReport

@Suite struct TableCatalogTests {
    @Test func tablesHaveTheContractedColumns() {
        let expected: [String: [String]] = [
            "documents": ["doc_id", "source", "content_sha256", "size_bytes", "encoding_declared", "encoding_detected",
                          "invalid_bytes", "script", "title", "issuer", "report_year", "publish_date", "province",
                          "city", "county", "township", "breadcrumb", "char_count", "paragraph_count",
                          "has_measures", "has_problems", "has_leader_duty", "has_next_year", "status"],
            "sections": ["doc_id", "section_id", "level", "marker", "heading", "part", "paragraph_no"],
            "paragraphs": ["doc_id", "paragraph_no", "section_id", "text"],
            "metrics": ["doc_id", "metric_id", "paragraph_no", "section_id", "subject", "indicator", "value", "unit",
                        "qualifier", "raw", "context", "parent_metric_id", "char_start", "char_end"],
            "citations": ["doc_id", "citation_no", "title", "doc_number", "kind", "paragraph_no", "char_start",
                          "char_end"],
            "entities": ["doc_id", "entity_no", "type", "text", "normalized", "paragraph_no", "char_start", "char_end"],
            "indicators": ["doc_id", "province", "city", "county", "township", "report_year", "indicator", "name_zh",
                           "name_en", "value", "unit", "n_mentions", "metric_ids"],
            "errors": ["doc_id", "source", "stage", "code", "message"],
        ]
        #expect(TableCatalog.all.map(\.name)
                == ["documents", "sections", "paragraphs", "metrics", "citations", "entities", "indicators", "errors"])
        for schema in TableCatalog.all {
            #expect(schema.fieldNames == expected[schema.name], "\(schema.name)")
            #expect(schema.problems().isEmpty, "\(schema.problems())")
            #expect(!schema.description.isEmpty)
            for field in schema.fields {
                #expect(field.description.count > 10, "\(schema.name).\(field.name)")
            }
            // Key columns are always filled.
            for key in schema.primaryKey {
                #expect(schema.field(named: key)?.required == true, "\(schema.name).\(key)")
            }
            if schema.name != "documents" {
                #expect(schema.foreignKeys == [TableSchema.ForeignKey(fields: ["doc_id"], resource: "documents",
                                                          referenceFields: ["doc_id"])])
            }
        }
    }

    @Test func typesEnumsAndKeys() throws {
        func field(_ table: String, _ name: String) throws -> Field {
            try #require(TableCatalog.schema(named: table)?.field(named: name))
        }
        #expect(try field("metrics", "value").type == .number)
        #expect(try field("indicators", "value").type == .number)
        #expect(try field("documents", "report_year").type == .integer)
        #expect(try field("documents", "publish_date").type == .date)
        for name in ["has_measures", "has_problems", "has_leader_duty", "has_next_year"] {
            #expect(try field("documents", name).type == .boolean)
        }
        for (table, name) in [("sections", "level"), ("metrics", "char_start"), ("entities", "char_end"),
                              ("paragraphs", "paragraph_no"), ("citations", "paragraph_no")] {
            #expect(try field(table, name).type == .integer, "\(table).\(name)")
        }
        #expect(try field("metrics", "qualifier").enumValues
                == ["exact", "more_than", "at_least", "less_than", "at_most", "approx"])
        #expect(try field("sections", "part").enumValues == ["measures", "problems", "leader_duty", "next_year", "other"])
        #expect(try field("citations", "kind").enumValues == ["law", "regulation", "plan", "notice", "other"])
        #expect(try field("entities", "type").enumValues == ["organization", "programme", "place", "event"])
        #expect(try field("documents", "status").enumValues == ["ok", "empty", "failed", "stale"])
        let keys = Dictionary(uniqueKeysWithValues: TableCatalog.all.map { ($0.name, $0.primaryKey) })
        #expect(keys == [
            "documents": ["doc_id"], "sections": ["doc_id", "section_id"], "paragraphs": ["doc_id", "paragraph_no"],
            "metrics": ["doc_id", "metric_id"], "citations": ["doc_id", "citation_no"],
            "entities": ["doc_id", "entity_no"], "indicators": ["doc_id", "indicator"], "errors": ["doc_id", "stage"],
        ])
    }

    @Test func schemaProblemsAreFound() {
        let broken = TableSchema(
            name: "broken", description: "a schema with mistakes",
            fields: [Field("doc_id", .string, "id"), Field("doc_id", .string, "id again")],
            primaryKey: ["doc_id", "row_no"],
            foreignKeys: [TableSchema.ForeignKey(fields: ["doc_id"], resource: "documents", referenceFields: ["doc_id", "x"])])
        #expect(broken.problems().count == 3)
    }
}
