import FluentPostgresDriver
import Foundation
import SQLKit

/// Inserts on PostgreSQL with one array per column:
/// `INSERT … SELECT * FROM unnest($1, $2, …)`. The statement's text is the
/// same for any number of rows, so PostgreSQL parses and plans a short
/// statement: with a row list in the text, half of the database's time
/// under a stream of answers went into parsing and planning, as each
/// group's size made a new statement. Several inserts go in one statement
/// (all but the last as data-modifying `WITH` parts), so a group of answers,
/// its rollups and its subtree rollups cost one round trip.
struct PostgresArrayInsert {
    /// What one column's array holds.
    enum Kind: Sendable {
        case int, text, double, uuid, date, bool

        var arrayType: PostgresDataType {
            switch self {
            case .int: .int8Array
            case .text: .textArray
            case .double: .float8Array
            case .uuid: .uuidArray
            case .date: .timestamptzArray
            case .bool: .boolArray
            }
        }
    }

    /// One insert of the statement.
    struct Part: Sendable {
        var table: String
        var columns: [String]
        var conflictClause = ""
    }

    private(set) var binds = PostgresBindings()
    private(set) var parts: [Part] = []

    /// Adds an insert of `rows` (in the order of `columns`), with an
    /// `ON CONFLICT` clause when given. With `kinds`, each column's array
    /// has that type even when it holds no rows or NULLs only, so that a
    /// prepared statement gets the same types every time; without, the
    /// first value that is not NULL gives it.
    mutating func add(_ part: Part, rows: some Collection<[BulkValue]>, kinds: [Kind]? = nil) throws {
        for column in part.columns.indices {
            let values = rows.map { $0.indices.contains(column) ? $0[column] : .null }
            let kind = kinds.flatMap { $0.indices.contains(column) ? $0[column] : nil } ?? Self.kind(of: values)
            try Self.append(values, as: kind, named: part.columns[column], to: &binds)
        }
        parts.append(part)
    }

    /// The statement's text for these parts, numbering the arrays in order.
    static func text(of parts: [Part]) -> String {
        var next = 1
        let inserts = parts.map { part in
            let parameters = part.columns.indices.map { "$\(next + $0)" }.joined(separator: ", ")
            next += part.columns.count
            return "INSERT INTO \(part.table) (\(part.columns.joined(separator: ", "))) SELECT * FROM unnest(\(parameters))" + part.conflictClause
        }
        guard let last = inserts.last else { return "" }
        let with = inserts.dropLast().enumerated().map { "part\($0.offset) AS (\($0.element))" }
        return (with.isEmpty ? "" : "WITH " + with.joined(separator: ", ") + " ") + last
    }

    /// Runs the statement on `sql`, which must be PostgreSQL.
    func run(on sql: any SQLDatabase) async throws {
        guard !parts.isEmpty else { return }
        guard try await PostgresRows.all(PostgresQuery(unsafeSQL: Self.text(of: parts), binds: binds), on: sql) != nil else {
            throw UnsupportedDatabaseError(found: String(describing: type(of: sql)))
        }
    }

    /// A column of NULLs only is text, or bigint when its NULLs are missing
    /// numbers (`nullInt`), which PostgreSQL can assign to the column.
    private static func kind(of values: [BulkValue]) -> Kind {
        for value in values {
            switch value {
            case .int: return .int
            case .text: return .text
            case .double: return .double
            case .uuid: return .uuid
            case .date: return .date
            case .bool: return .bool
            case .null, .nullInt: continue
            }
        }
        if case .nullInt = values.first { return .int }
        return .text
    }

    private static func append(_ values: [BulkValue], as kind: Kind, named name: String, to binds: inout PostgresBindings) throws {
        func typed<T>(_ read: (BulkValue) -> T?) throws -> PostgresNullableArray<T>.Elements where T: PostgresPackedElement {
            try values.map { value in
                if case .null = value { return nil }
                if case .nullInt = value { return nil }
                guard let typed = read(value) else { throw BulkInsertError.mixedColumn(name) }
                return typed
            }
        }
        switch kind {
        case .int: binds.append(PostgresNullableArray(try typed { if case .int(let v) = $0 { v } else { nil } }))
        case .text: binds.append(PostgresNullableArray(try typed { if case .text(let v) = $0 { v } else { nil } }))
        case .double: binds.append(PostgresNullableArray(try typed { if case .double(let v) = $0 { v } else { nil } }))
        case .uuid: binds.append(PostgresNullableArray(try typed { if case .uuid(let v) = $0 { v } else { nil } }))
        case .date: binds.append(PostgresNullableArray(try typed { if case .date(let v) = $0 { v } else { nil } }))
        case .bool: binds.append(PostgresNullableArray(try typed { if case .bool(let v) = $0 { v } else { nil } }))
        }
    }
}

/// A bulk insert's values do not fit its columns: a bug in the caller.
enum BulkInsertError: Error, CustomStringConvertible {
    case mixedColumn(String)
    case shape(expected: Int, found: Int)

    var description: String {
        switch self {
        case .mixedColumn(let name): "the values of column \(name) are of more than one type"
        case .shape(let expected, let found): "a prepared insert takes \(expected) arrays, not \(found)"
        }
    }
}
