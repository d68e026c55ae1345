import FluentKit
import Vapor

/// Turns the database's refusal of a duplicate into 409 with words a person
/// can act on. Two requests creating the same thing at once both pass the
/// check for an existing row; the unique index lets one in, and the other
/// would otherwise be a 500 carrying the database's own message.
enum UniqueConflict {
    /// Runs `write`; when the database refuses it for a constraint and
    /// `exists` now finds the row that got in first, throws 409 with
    /// `message` instead. Any other failure passes through unchanged.
    static func guarding<T>(field: String?, message: String, exists: () async throws -> Bool,
                            _ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch {
            guard (error as? any DatabaseError)?.isConstraintFailure == true, try await exists() else { throw error }
            throw FieldError(status: .conflict, field: field, message: message)
        }
    }
}
