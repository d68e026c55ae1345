import FluentKit
import SQLKit

/// The feedback feed lists the answers with open text newest first. At a
/// million answers only about one in five has text, so both indexes are
/// partial: the whole organisation's feed walks the first from its newest
/// end and stops after a page; a small subtree's walks the second per unit
/// and sorts what little it finds, instead of stepping over the other
/// units' answers.
struct M058_AddFeedbackFeedIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE INDEX responses_feed ON responses (organisation_id, received_at, id) WHERE open_text IS NOT NULL
            """).run()
        try await sql.raw("""
            CREATE INDEX responses_feed_unit ON responses (unit_id, received_at, id) WHERE open_text IS NOT NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "responses_feed_unit").run()
        try await sql.drop(index: "responses_feed").run()
    }
}
