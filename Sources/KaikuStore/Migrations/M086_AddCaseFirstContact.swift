import FluentKit
import SQLKit

/// When the customer was first contacted (called, sent an interim reply,
/// answered or referred), so that the reaction time is measured apart from
/// the answer time. Cases already answered or referred take the time of
/// that step from their history.
struct M086_AddCaseFirstContact: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackCase.schema).field("first_contact_at", .datetime).update()
        try await database.sql.raw("""
            UPDATE cases SET first_contact_at = (
                SELECT MIN(e.at) FROM case_events e WHERE e.case_id = cases.id AND e.kind IN ('answered', 'referred'))
            WHERE status IN ('closed', 'referred')
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackCase.schema).deleteField("first_contact_at").update()
    }
}
