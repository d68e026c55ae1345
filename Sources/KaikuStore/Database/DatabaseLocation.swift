import Foundation

/// Where the data lives, from `DATABASE_URL` or the embedded default.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case sqliteMemory
    case postgres(url: String)

    public enum ParseError: Error, CustomStringConvertible, Equatable {
        case unsupported(String)

        public var description: String {
            switch self {
            case .unsupported(let url):
                "DATABASE_URL must start with sqlite:// or postgres:// (got \(url.prefix(20))…)"
            }
        }
    }

    /// Accepts `sqlite:///absolute/path`, `sqlite://relative/path`,
    /// `sqlite::memory:`, `postgres://…` and `postgresql://…`.
    public init(url: String) throws {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            self = .postgres(url: url)
        } else if url == "sqlite::memory:" || url == "sqlite://:memory:" {
            self = .sqliteMemory
        } else if url.hasPrefix("sqlite://") {
            self = .sqlite(path: String(url.dropFirst("sqlite://".count)))
        } else {
            throw ParseError.unsupported(url)
        }
    }

    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }
}
