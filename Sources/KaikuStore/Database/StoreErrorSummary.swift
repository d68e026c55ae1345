import FluentPostgresDriver

/// One line about a failed statement for the log. PostgresNIO's own
/// reflection of an error holds the whole statement, which for a group of
/// answers is pages of column lists; what a reader needs is the database's
/// code and message (a taken receipt: 23505, duplicate key …).
struct StoreErrorSummary: CustomStringConvertible {
    var error: any Error

    init(_ error: any Error) {
        self.error = error
    }

    var description: String {
        if let postgres = error as? PSQLError, let info = postgres.serverInfo {
            return [info[.sqlState], info[.message], info[.detail]].compactMap { $0 }.joined(separator: ": ")
        }
        return String(reflecting: error)
    }
}
