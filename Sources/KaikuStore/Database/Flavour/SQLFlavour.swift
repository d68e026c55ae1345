import Foundation

/// The two SQL databases Kaiku runs on, and the few expressions in which
/// their SQL differs. Queries ask their database for its flavour once and
/// build their text from these, so a difference between the dialects is
/// written here instead of at each query; fast paths that need a driver's
/// own types (bulk loads, rollup and export reads) still switch on it.
public enum SQLFlavour: String, Sendable, CaseIterable {
    case sqlite
    /// The raw value is SQLKit's name of the dialect.
    case postgres = "postgresql"

    /// The flavour of SQLKit's dialect name, nil for a database Kaiku does not run on.
    public init?(dialectName: String) {
        self.init(rawValue: dialectName)
    }

    /// Seconds since 1970 of a timestamp column: SQLite stores times so,
    /// PostgreSQL converts.
    public func epochSeconds(_ column: String) -> String {
        switch self {
        case .sqlite: column
        case .postgres: "EXTRACT(EPOCH FROM \(column))"
        }
    }

    /// A number rounded down to an integer. SQLite has no FLOOR, and its
    /// truncating cast is the floor only for numbers that are not negative,
    /// which is all that is asked of it.
    public func wholeNonNegative(_ expression: String) -> String {
        switch self {
        case .sqlite: "CAST(\(expression) AS INTEGER)"
        case .postgres: "CAST(FLOOR(\(expression)) AS BIGINT)"
        }
    }

    /// Ends a sub-SELECT that picks a row to claim: on PostgreSQL, rows other
    /// transactions have locked are passed over instead of waited for. SQLite
    /// has one writer at a time and no row locks.
    public var skipLocked: String {
        switch self {
        case .sqlite: ""
        case .postgres: "FOR UPDATE SKIP LOCKED"
        }
    }

    /// A statement that changes nothing but makes a transaction a writing
    /// one from its start (`Database.writeTransaction`); nil where none is needed.
    public var takeWriteLock: String? {
        switch self {
        case .sqlite: "DELETE FROM _fluent_migrations WHERE 0"
        case .postgres: nil
        }
    }

    /// An upsert that adds the new row's counts to those of the row that
    /// exists. Both databases spell it alike; it lives here so that they stay so.
    public func onConflictAdding(table: String, keys: [String], added: [String]) -> String {
        " ON CONFLICT (\(keys.joined(separator: ", "))) DO UPDATE SET "
            + added.map { "\($0) = \(table).\($0) + excluded.\($0)" }.joined(separator: ", ")
    }

    /// The bound parameter numbered `index` (from 1). SQLite's are taken in
    /// order of appearance, so its statements bind in the order they are written.
    public func parameter(_ index: Int) -> String {
        switch self {
        case .sqlite: "?"
        case .postgres: "$\(index)"
        }
    }

    /// `column` is one of `count` values. SQLite binds each value (`?`, in
    /// order); PostgreSQL binds the whole array as the numbered parameter
    /// `parameter`, so that the statement text is the same for any count.
    public func column(_ column: String, in count: Int, parameter: Int) -> String {
        switch self {
        case .sqlite: "\(column) IN (" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
        case .postgres: "\(column) = ANY($\(parameter))"
        }
    }
}
