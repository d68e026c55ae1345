import FluentKit

/// Kiosk devices at units: what they ask about, how they pair, when they
/// last reported in and whether their silence was already told.
struct M029_CreateKioskDevices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(KioskDevice.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("unit_id", .uuid, .required, .references(OrgUnit.schema, "id"))
            .field("name", .string, .required)
            .field("targets", .string, .required)
            .field("pairing_code_hash", .string)
            .field("pairing_expires_at", .datetime)
            .field("token_hash", .string)
            .field("paired_at", .datetime)
            .field("last_seen_at", .datetime)
            .field("offline_after_minutes", .int, .required)
            .field("offline_notified_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(KioskDevice.schema).delete()
    }
}
