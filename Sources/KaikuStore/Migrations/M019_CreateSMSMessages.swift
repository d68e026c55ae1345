import FluentKit
import SQLKit

struct M019_CreateSMSMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SMSMessage.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("case_id", .uuid, .references(FeedbackCase.schema, "id"))
            .field("reference", .string, .required)
            .field("gateway_id", .string)
            .field("status", .string, .required)
            .field("sent_at", .datetime, .required)
            .field("status_at", .datetime)
            .unique(on: "reference")
            .create()
        try await (database as! any SQLDatabase).create(index: "sms_messages_gateway_id").on(SMSMessage.schema).column("gateway_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SMSMessage.schema).delete()
    }
}
