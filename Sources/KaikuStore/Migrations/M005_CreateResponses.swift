import FluentKit
import SQLKit

struct M005_CreateResponses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackResponse.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("target_id", .uuid, .required, .references(Target.schema, "id"))
            .field("unit_id", .uuid, .required, .references(OrgUnit.schema, "id"))
            .field("survey_id", .uuid, .required, .references(Survey.schema, "id"))
            .field("channel", .string, .required)
            .field("language", .string, .required)
            .field("respondent", .string)
            .field("age_group", .string)
            .field("service_mode", .string)
            .field("recommendation", .int)
            .field("open_text", .string)
            .field("masked_kinds", .string)
            .field("answered_at", .datetime, .required)
            .field("received_at", .datetime, .required)
            .field("local_day", .int, .required)
            .field("receipt", .string, .required)
            .field("idempotency_key", .string)
            .field("request_hash", .string)
            .field("wants_answer", .bool, .required)
            .unique(on: "receipt")
            .unique(on: "idempotency_key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "responses_org_day").on(FeedbackResponse.schema)
            .column("organisation_id").column("local_day").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackResponse.schema).delete()
    }
}
