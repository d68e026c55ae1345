import Fluent
import KaikuCore
import KaikuStore

/// Reads what a target's form needs: its names, organisation and survey.
enum FormQuery {
    /// The active target with `code`; nil for any other code, however it is written.
    static func target(code: String, on database: any Database) async throws -> TargetContext? {
        guard PlainIdentifier.isPlain(code, maxLength: 100) else { return nil }
        return try await Directory.context(forTarget: code, on: database)
    }

    /// Whether `code` names a target that exists but is inactive or in a closed unit.
    static func isWithdrawn(code: String, on database: any Database) async throws -> Bool {
        guard PlainIdentifier.isPlain(code, maxLength: 100) else { return false }
        return try await Target.query(on: database).filter(\.$code == code).first() != nil
    }
}
