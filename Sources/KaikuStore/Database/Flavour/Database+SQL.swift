import FluentKit
import SQLKit

/// A database that is not one of the SQL databases Kaiku runs on; every
/// database Kaiku configures is, so this is a programming error made loud.
public struct UnsupportedDatabaseError: Error, CustomStringConvertible {
    public var found: String
    public var description: String { "Kaiku runs on SQLite or PostgreSQL through SQLKit, not on \(found)." }
}

extension Database {
    /// This database as SQLKit's, for queries Fluent does not write.
    public var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else { throw UnsupportedDatabaseError(found: String(describing: type(of: self))) }
            return sql
        }
    }

    /// Which SQL this database speaks.
    public var flavour: SQLFlavour {
        get throws { try sql.flavour }
    }
}

extension SQLDatabase {
    /// Which SQL this database speaks.
    public var flavour: SQLFlavour {
        get throws {
            guard let flavour = SQLFlavour(dialectName: dialect.name) else { throw UnsupportedDatabaseError(found: dialect.name) }
            return flavour
        }
    }
}
