import Foundation

/// The table files as the last write left them: for each file, the key of what its table was
/// made from and the file's stamp just after the write (kept in the store's meta as
/// `tables.files`). A table whose key is the same and whose files still have those stamps holds
/// exactly the rows a new write would make; a file edited, replaced or removed since has another
/// stamp or none, and is written again.
struct TableFiles {
    let directory: URL
    let formats: [TableWriter.Format]
    /// By table name (`WorkStore.TableInputs.tableKeys`).
    let keys: [String: String]
    private let stored: [String: String]

    init(directory: URL, formats: [TableWriter.Format], stored json: String?, keys: [String: String]) {
        self.directory = directory
        self.formats = formats.filter { $0 != .xlsx }
        self.keys = keys
        stored = json.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
    }

    private func fileNames(_ table: String) -> [String] {
        formats.map { TableWriter.fileName(table: table, format: $0) }
    }

    /// The key and the stamp of the file as it is now; nil when either is missing.
    private func entry(_ table: String, file name: String) -> String? {
        guard let key = keys[table], let stamp = FileStamp.of(directory.appendingPathComponent(name).path) else { return nil }
        return key + " " + stamp.text
    }

    /// Whether the table's files are those the last write made from the same inputs.
    func isIntact(_ table: String) -> Bool {
        let names = fileNames(table)
        return !names.isEmpty && names.allSatisfy { name in
            guard let now = entry(table, file: name) else { return false }
            return stored[name] == now
        }
    }

    /// The entries to keep after a write, as JSON.
    func stamped(_ tables: [String]) -> String {
        var entries: [String: String] = [:]
        for table in tables {
            for name in fileNames(table) { entries[name] = entry(table, file: name) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(entries)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
