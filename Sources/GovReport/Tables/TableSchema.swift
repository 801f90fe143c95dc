/// Column types, named as in the Frictionless Table Schema so they go into `datapackage.json` as is.
public enum FieldType: String, Sendable, Equatable, CaseIterable, Codable {
    case string, integer, number, boolean, date, datetime
}

/// One column of a table.
public struct Field: Sendable, Equatable {
    public var name: String
    public var type: FieldType
    public var description: String
    /// A required cell may be neither null nor empty.
    public var required: Bool
    /// The only values allowed in a non-empty cell, if the column is an enumeration.
    public var enumValues: [String]?

    public init(_ name: String, _ type: FieldType, _ description: String,
                required: Bool = false, enumValues: [String]? = nil) {
        self.name = name
        self.type = type
        self.description = description
        self.required = required
        self.enumValues = enumValues
    }
}

/// The shape of one output table: what the writer checks rows against and what
/// `datapackage.json`, the README and the workbook describe.
public struct TableSchema: Sendable, Equatable {
    /// Columns of this table that must match a key of another table. (Nested: GRDB, which the
    /// library also imports, has a top-level `ForeignKey`.)
    public struct ForeignKey: Sendable, Equatable {
        public var fields: [String]
        public var resource: String
        public var referenceFields: [String]

        public init(fields: [String], resource: String, referenceFields: [String]) {
            self.fields = fields
            self.resource = resource
            self.referenceFields = referenceFields
        }
    }

    /// The table's name, also its file stem (`metrics` → `metrics.csv.gz`).
    public var name: String
    public var description: String
    public var fields: [Field]
    public var primaryKey: [String]
    public var foreignKeys: [ForeignKey]

    public init(name: String, description: String, fields: [Field],
                primaryKey: [String] = [], foreignKeys: [ForeignKey] = []) {
        self.name = name
        self.description = description
        self.fields = fields
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
    }

    public var fieldNames: [String] { fields.map(\.name) }

    public func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }

    public func index(of name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }

    /// Inconsistencies within the schema (keys naming missing columns, duplicate columns);
    /// empty for a usable schema. Checked by the writer before anything is written.
    public func problems() -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        for field in fields where !seen.insert(field.name).inserted {
            problems.append("table \(name): column \(field.name) appears twice")
        }
        for key in primaryKey where field(named: key) == nil {
            problems.append("table \(name): primary key column \(key) is not a column")
        }
        for foreignKey in foreignKeys {
            for key in foreignKey.fields where field(named: key) == nil {
                problems.append("table \(name): foreign key column \(key) is not a column")
            }
            if foreignKey.fields.count != foreignKey.referenceFields.count {
                problems.append("table \(name): foreign key to \(foreignKey.resource) has "
                    + "\(foreignKey.fields.count) columns but references \(foreignKey.referenceFields.count)")
            }
        }
        return problems
    }
}
