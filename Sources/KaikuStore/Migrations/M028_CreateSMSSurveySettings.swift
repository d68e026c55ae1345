import FluentKit

/// Each organisation's SMS survey settings, and the pseudonyms of numbers
/// that answered LOPETA, STOPP or STOP.
struct M028_CreateSMSSurveySettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SMSSurveySettingsRow.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("enabled", .bool, .required)
            .field("delay_minutes", .int, .required)
            .field("quiet_start", .int, .required)
            .field("quiet_end", .int, .required)
            .field("once_per_days", .int, .required)
            .field("units", .string, .required)
            .unique(on: "organisation_id")
            .create()
        try await database.schema(SMSOptOut.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("phone_hash", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "organisation_id", "phone_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SMSOptOut.schema).delete()
        try await database.schema(SMSSurveySettingsRow.schema).delete()
    }
}
