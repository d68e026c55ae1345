import FluentKit
import SQLKit

/// "What we did" notes per unit. The index serves both readers: a unit's
/// public page (its published notes, newest first) and the staff page (all
/// of a unit's notes).
struct M065_CreateUnitNotes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UnitNote.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(OrgUnit.schema, "id", onDelete: .cascade))
            .field("text_fi", .string, .required)
            .field("text_sv", .string)
            .field("text_en", .string)
            .field("published_at", .datetime)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "unit_notes_unit").on(UnitNote.schema)
            .column("unit_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitNote.schema).delete()
    }
}
