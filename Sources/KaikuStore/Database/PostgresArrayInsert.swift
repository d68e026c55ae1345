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
    private var binds = PostgresBindings()
    private var inserts: [String] = []

    var isEmpty: Bool { inserts.isEmpty }

    /// Adds an insert of `rows` (in the order of `columns`), with an
    /// `ON CONFLICT` clause when given.
    mutating func add(into table: String, columns: [String], rows: some Collection<[BulkValue]>, conflictClause: String = "") throws {
        guard !rows.isEmpty else { return }
        let first = binds.count + 1
        for column in columns.indices {
            try Self.appendColumn(rows.map { $0.indices.contains(column) ? $0[column] : .null }, named: columns[column], to: &binds)
        }
        let parameters = columns.indices.map { "$\(first + $0)" }.joined(separator: ", ")
        inserts.append("INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT * FROM unnest(\(parameters))" + conflictClause)
    }

    /// The statement, or nil when nothing was added.
    var query: PostgresQuery? {
        guard let last = inserts.last else { return nil }
        let parts = inserts.dropLast().enumerated().map { "part\($0.offset) AS (\($0.element))" }
        return PostgresQuery(unsafeSQL: (parts.isEmpty ? "" : "WITH " + parts.joined(separator: ", ") + " ") + last, binds: binds)
    }

    /// Runs the statement on `sql`, which must be PostgreSQL.
    func run(on sql: any SQLDatabase) async throws {
        guard let query else { return }
        guard try await PostgresRows.all(query, on: sql) != nil else {
            throw UnsupportedDatabaseError(found: String(describing: type(of: sql)))
        }
    }

    /// A column's values as one typed array; the first value that is not
    /// NULL gives the type. A column of NULLs only is text, or bigint when
    /// its NULLs are missing numbers (`nullInt`), which PostgreSQL can
    /// assign to the column.
    private static func appendColumn(_ values: [BulkValue], named name: String, to binds: inout PostgresBindings) throws {
        func typed<T>(_ read: (BulkValue) -> T?) throws -> PostgresNullableArray<T>.Elements where T: PostgresArrayEncodable & PostgresNonThrowingEncodable {
            try values.map { value in
                if case .null = value { return nil }
                if case .nullInt = value { return nil }
                guard let typed = read(value) else { throw BulkInsertError.mixedColumn(name) }
                return typed
            }
        }
        let first = values.first { value in
            switch value {
            case .null, .nullInt: false
            default: true
            }
        } ?? values.first ?? .null
        switch first {
        case .int, .nullInt:
            binds.append(PostgresNullableArray(try typed { if case .int(let v) = $0 { v } else { nil } }))
        case .text, .null:
            binds.append(PostgresNullableArray(try typed { if case .text(let v) = $0 { v } else { nil } }))
        case .double:
            binds.append(PostgresNullableArray(try typed { if case .double(let v) = $0 { v } else { nil } }))
        case .uuid:
            binds.append(PostgresNullableArray(try typed { if case .uuid(let v) = $0 { v } else { nil } }))
        case .date:
            binds.append(PostgresNullableArray(try typed { if case .date(let v) = $0 { v } else { nil } }))
        case .bool:
            binds.append(PostgresNullableArray(try typed { if case .bool(let v) = $0 { v } else { nil } }))
        }
    }
}

/// A bulk insert's column held values of two types: a bug in the caller.
enum BulkInsertError: Error, CustomStringConvertible {
    case mixedColumn(String)

    var description: String {
        switch self {
        case .mixedColumn(let name): "the values of column \(name) are of more than one type"
        }
    }
}
