import Foundation

extension TableWriter {
    /// One group of a table's rows (those sharing the value of the primary key's first column:
    /// one document's rows) as CSV lines, checked against the schema when made. A streaming write
    /// takes the group whole (`RowSink.append(_:toTable:)`); the write stage keeps groups in the
    /// work store, so that an unchanged document's rows are neither made nor encoded again.
    public struct EncodedGroup: Sendable, Equatable, Codable {
        /// The value of the key's first column on every row; nil without rows or without a key.
        public var group: String?
        public var rows: Int
        /// The rows' CSV lines, each ending in a newline.
        public var csv: String

        public init(group: String?, rows: Int, csv: String) {
            self.group = group
            self.rows = rows
            self.csv = csv
        }

        /// Checks the rows as a streaming write does (cells against columns, keys unique, one
        /// group) and encodes them.
        public init(rows: [TableRow], schema: TableSchema, encoder: CSVEncoder) throws {
            let keyIndexes = schema.primaryKey.compactMap(schema.index(of:))
            // Every row has the same first key cell (checked below), so a key is unique when the
            // rest of it is: only that part is hashed, not the document's id again on every row.
            let restIndexes = Array(keyIndexes.dropFirst())
            var restKeys: Set<[Cell]> = []
            // Most keys end in one integer (metric_id, paragraph_no): those go in a set of Ints,
            // without an array made and hashed cell by cell for every row. An integer cell equals
            // no other kind of cell, so the two sets together say what one set would.
            var integerKeys: Set<Int> = []
            var first: Cell?
            var bytes: [UInt8] = []
            for (number, row) in zip(1..., rows) {
                func fail(_ message: String) -> TableWriterError {
                    TableWriterError(table: schema.name, message: "row \(number) of its group: \(message)")
                }
                if let problem = TableWriter.problem(with: row, in: schema) { throw fail(problem) }
                if let index = keyIndexes.first {
                    if first == nil { first = row[index] }
                    guard row[index] == first else {
                        throw fail("\(row[index].plainText) in the first key column, not \(first!.plainText) as the rows before")
                    }
                }
                let isNew: Bool
                if restIndexes.count == 1, case .integer(let value) = row[restIndexes[0]] {
                    isNew = integerKeys.insert(value).inserted
                } else {
                    isNew = keyIndexes.isEmpty || restKeys.insert(restIndexes.map { row[$0] }).inserted
                }
                if !isNew {
                    throw fail("primary key (\(keyIndexes.map { row[$0].plainText }.joined(separator: ", "))) appears twice")
                }
                encoder.appendLine(row, to: &bytes)
            }
            self.init(group: first?.plainText, rows: rows.count, csv: String(decoding: bytes, as: UTF8.self))
        }
    }
}
