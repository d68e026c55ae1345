import FluentKit
import SQLKit

/// Pre-aggregated counts that reports read instead of scanning answers.
/// Kept up to date in the same transaction that stores the answers.
struct M022_CreateRollups: AsyncMigration {
    func prepare(on database: any Database) async throws {
        var schema = database.schema(RollupTable.name)
            .field("organisation_id", .uuid, .required)
            .field("unit_id", .uuid, .required)
            .field("survey_id", .uuid, .required)
            .field("grain", .int16, .required)
            .field("period", .int32, .required)
            .field("dimension", .string, .required)
            .field("value", .string, .required)
        for column in RollupTable.countColumns {
            schema = schema.field(.definition(name: .key(.string(column)), dataType: .int32, constraints: [.required, .sql(.default(0))]))
        }
        try await schema.unique(on: "unit_id", "survey_id", "grain", "period", "dimension", "value").create()
        try await (database as! any SQLDatabase).create(index: "rollups_org_dimension_period").on(RollupTable.name)
            .column("organisation_id").column("dimension").column("grain").column("period").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RollupTable.name).delete()
    }
}
