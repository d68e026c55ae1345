import Foundation
import KaikuStore

/// A database that could not be opened or migrated, named without its password.
struct DatabaseOpeningError: Error, CustomStringConvertible {
    var location: DatabaseLocation
    var underlying: any Error

    var description: String {
        let place: String
        switch location {
        case .sqlite(let path): place = "the SQLite database \(path)"
        case .sqliteMemory: place = "the in-memory SQLite database"
        case .postgres(let url):
            let parts = URLComponents(string: url)
            place = "the PostgreSQL database \(parts?.path.dropFirst() ?? "") on \(parts?.host ?? "?"):\(parts?.port ?? 5432)"
        }
        return "Could not open or migrate \(place). Check DATABASE_URL (or --data-dir) and that the database is running and reachable. (\(String(reflecting: underlying)))"
    }
}
