import FluentKit
import SQLKit

/// Staff members' own monthly-report choices: one row per user, made when
/// they first change it or first get a report (for the unsubscribe token).
struct M067_CreateReportSubscriptions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportSubscription.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("subscribed", .bool, .required)
            .field("language", .string, .required)
            .field("token", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id")
            .unique(on: "token")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportSubscription.schema).delete()
    }
}
