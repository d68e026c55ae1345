import FluentKit
import SQLKit

struct M011_CreateCaseEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseEvent.schema)
            .id()
            .field("case_id", .uuid, .required, .references(FeedbackCase.schema, "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("kind", .string, .required)
            .field("actor_id", .uuid, .references(User.schema, "id"))
            .field("detail", .string)
            .create()
        try await (database as! any SQLDatabase).create(index: "case_events_case_at").on(CaseEvent.schema)
            .column("case_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseEvent.schema).delete()
    }
}
