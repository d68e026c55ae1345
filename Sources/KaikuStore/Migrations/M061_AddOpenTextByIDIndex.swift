import FluentKit
import SQLKit

/// Relabelling walks one organisation's open answers in id order, a batch
/// at a time; without this index each batch would sort all of them again.
/// Partial, like `responses_public_feedback`: most answers have no open text.
struct M061_AddOpenTextByIDIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("""
            CREATE INDEX responses_open_text_by_id ON responses (organisation_id, id) WHERE open_text IS NOT NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "responses_open_text_by_id").run()
    }
}
