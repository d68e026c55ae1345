import FluentKit
import SQLKit

/// Open311 lists feedback with open text publicly (masked, without contact
/// details) unless a handler has hidden it. The partial index serves that
/// list newest first without walking the answers that have no text, which at
/// ten million answers are nearly all of them.
struct M026_AddPublicFeedback: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackResponse.schema)
            .field("hidden_from_public", .bool, .required, .sql(.default(false))).update()
        try await (database as! any SQLDatabase).raw("""
            CREATE INDEX responses_public_feedback ON responses (organisation_id, answered_at) WHERE open_text IS NOT NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "responses_public_feedback").run()
        try await database.schema(FeedbackResponse.schema).deleteField("hidden_from_public").update()
    }
}
