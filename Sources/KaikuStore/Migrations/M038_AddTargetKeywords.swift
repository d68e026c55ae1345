import FluentKit

/// Extra search words for a target in any language ("hammaslääkäri tandläkare
/// dentist"): customers search for what they call the place, not its name.
struct M038_AddTargetKeywords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Target.schema).field("keywords", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Target.schema).deleteField("keywords").update()
    }
}
