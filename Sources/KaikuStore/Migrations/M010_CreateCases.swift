import FluentKit
import SQLKit

struct M010_CreateCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackCase.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("response_id", .uuid, .required, .references(FeedbackResponse.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(OrgUnit.schema, "id"))
            .field("original_unit_id", .uuid, .required, .references(OrgUnit.schema, "id"))
            .field("receipt", .string, .required)
            .field("status", .string, .required)
            .field("assignee_id", .uuid, .references(User.schema, "id"))
            .field("received_at", .datetime, .required)
            .field("due_at", .datetime, .required)
            .field("closed_at", .datetime)
            .unique(on: "response_id")
            .unique(on: "receipt")
            .create()
        try await (database as! any SQLDatabase).create(index: "cases_org_status_due").on(FeedbackCase.schema)
            .column("organisation_id").column("status").column("due_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackCase.schema).delete()
    }
}
