import FluentKit
import SQLKit

/// Sums the existing rollups of every organisation into subtree rollups.
struct M090_BackfillSubtreeRollups: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let organisations = try await Organisation.query(on: database).all()
        for organisation in organisations {
            try await SubtreeRollups.rebuildAll(organisationID: organisation.requireID(), on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).delete(from: RollupTable.subtreeName).run()
    }
}
