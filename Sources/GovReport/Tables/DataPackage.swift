import Foundation

/// Builds `datapackage.json` (Frictionless Data Package v1, tabular profile) describing the
/// tables as written: file, compression, CSV dialect, and every column's type, description,
/// constraints and keys. Keys are sorted and the JSON pretty-printed so that the same tables
/// always give the same bytes.
public enum DataPackage {
    public static let fileName = "datapackage.json"
    public static let packageName = "govreport"
    public static let packageTitle = "法治政府建设情况报告 tables"
    public static let packageDescription =
        "Documents, outline, paragraphs, metrics, citations, entities and indicators extracted from "
        + "the annual rule-of-law government reports (法治政府建设情况报告) of Chinese governments."

    /// One table as written to the output directory.
    public struct Table: Sendable, Equatable {
        public var schema: TableSchema
        /// The file name in the output directory (`metrics.csv.gz`).
        public var path: String
        public var gzipped: Bool

        public init(schema: TableSchema, path: String, gzipped: Bool) {
            self.schema = schema
            self.path = path
            self.gzipped = gzipped
        }
    }

    /// The whole `datapackage.json`, UTF-8, ending with a newline.
    public static func json(_ tables: [Table]) throws -> [UInt8] {
        let package = PackageJSON(
            name: packageName, title: packageTitle, description: packageDescription,
            profile: "tabular-data-package", resources: tables.map(resource))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(package)) + Array("\n".utf8)
    }

    static func resource(_ table: Table) -> ResourceJSON {
        let schema = table.schema
        return ResourceJSON(
            name: schema.name, path: table.path, description: schema.description,
            profile: "tabular-data-resource", format: "csv", mediatype: "text/csv",
            compression: table.gzipped ? "gz" : nil, encoding: "utf-8",
            dialect: DialectJSON(delimiter: ",", doubleQuote: true, lineTerminator: "\n",
                                 header: true, quoteChar: "\""),
            schema: SchemaJSON(
                fields: schema.fields.map { field in
                    FieldJSON(name: field.name, type: field.type.rawValue, description: field.description,
                              constraints: ConstraintsJSON(required: field.required, enum: field.enumValues))
                },
                primaryKey: schema.primaryKey,
                foreignKeys: schema.foreignKeys.map { key in
                    ForeignKeyJSON(fields: key.fields,
                                   reference: ReferenceJSON(resource: key.resource, fields: key.referenceFields))
                },
                missingValues: [""]))
    }
}

// The JSON shapes, named after the Frictionless properties they encode.

struct PackageJSON: Encodable {
    var name: String
    var title: String
    var description: String
    var profile: String
    var resources: [ResourceJSON]
}

struct ResourceJSON: Encodable {
    var name: String
    var path: String
    var description: String
    var profile: String
    var format: String
    var mediatype: String
    var compression: String?
    var encoding: String
    var dialect: DialectJSON
    var schema: SchemaJSON
}

struct DialectJSON: Encodable {
    var delimiter: String
    var doubleQuote: Bool
    var lineTerminator: String
    var header: Bool
    var quoteChar: String
}

struct SchemaJSON: Encodable {
    var fields: [FieldJSON]
    var primaryKey: [String]
    var foreignKeys: [ForeignKeyJSON]
    var missingValues: [String]
}

struct FieldJSON: Encodable {
    var name: String
    var type: String
    var description: String
    var constraints: ConstraintsJSON
}

struct ConstraintsJSON: Encodable {
    var required: Bool
    var `enum`: [String]?
}

struct ForeignKeyJSON: Encodable {
    var fields: [String]
    var reference: ReferenceJSON
}

struct ReferenceJSON: Encodable {
    var resource: String
    var fields: [String]
}
