/// The workbook's first sheet: a row per table (its sheets, row count, key and description), each
/// followed by a row per column (type, whether required, allowed values, keys, description), all
/// taken from the `TableSchema`s that `datapackage.json` is built from, so the two always agree.
enum XLSXReadme {
    static let schema = TableSchema(
        name: XLSXWorkbook.readmeSheetName,
        description: "The tables of this workbook and their columns.",
        fields: [
            Field("table", .string, "The table (also the CSV file's name).", required: true),
            Field("sheets", .string, "The sheets that hold the table's rows, in order."),
            Field("rows", .integer, "Rows in the table."),
            Field("column", .string, "The column, on rows that describe one."),
            Field("type", .string, "The column's type, as in datapackage.json."),
            Field("required", .boolean, "Whether every row has a value in the column."),
            Field("allowed values", .string, "The only values the column takes, if it is an enumeration."),
            Field("key", .string, "Primary and foreign keys."),
            Field("description", .string, "What the table or column holds."),
        ])

    static func table(for tables: [TableWriter.Table], sheets: [XLSXWorkbook.Sheet]) -> TableWriter.Table {
        var rows: [TableRow] = []
        for table in tables {
            let schema = table.schema
            let sheetNames = sheets.filter { $0.table == schema.name }.map(\.name)
            let primaryKey = schema.primaryKey.isEmpty ? Cell.null
                : .text("primary key: " + schema.primaryKey.joined(separator: ", "))
            rows.append([.text(schema.name), .text(sheetNames.joined(separator: ", ")), .integer(table.rows.count),
                         .null, .null, .null, .null, primaryKey, .text(schema.description)])
            for field in schema.fields {
                rows.append([.text(schema.name), .null, .null, .text(field.name), .text(field.type.rawValue),
                             .bool(field.required), .text(field.enumValues?.joined(separator: ", ") ?? ""),
                             .text(keys(of: field.name, in: schema)), .text(field.description)])
            }
        }
        return TableWriter.Table(schema: schema, rows: rows)
    }

    /// "primary key", "references documents.doc_id", or both.
    static func keys(of column: String, in schema: TableSchema) -> String {
        var parts: [String] = []
        if schema.primaryKey.contains(column) { parts.append("primary key") }
        for key in schema.foreignKeys {
            if let index = key.fields.firstIndex(of: column), index < key.referenceFields.count {
                parts.append("references \(key.resource).\(key.referenceFields[index])")
            }
        }
        return parts.joined(separator: "; ")
    }
}
