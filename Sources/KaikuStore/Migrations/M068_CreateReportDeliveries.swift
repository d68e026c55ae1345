import FluentKit
import SQLKit

/// Monthly reports sent or being sent: unique per (user, month), which is
/// what keeps two instances, a restart or a second command run from sending
/// a person the same month twice. The index serves the administrators' list.
struct M068_CreateReportDeliveries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportDelivery.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("month", .int, .required)
            .field("email", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .field("locked_by", .string)
            .field("locked_until", .datetime)
            .field("sent_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "month")
            .create()
        try await (database as! any SQLDatabase).create(index: "report_deliveries_organisation_month").on(ReportDelivery.schema)
            .column("organisation_id").column("month").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportDelivery.schema).delete()
    }
}
