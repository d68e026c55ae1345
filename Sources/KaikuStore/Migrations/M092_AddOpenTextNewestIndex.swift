import FluentKit
import SQLKit

/// Dashboards and reports show the newest comments of a day or a period.
/// Ordered by day and arrival, with unit and themes at hand, this partial
/// index gives them by walking back from the period's last day and stopping
/// at the few asked for, instead of gathering every comment of the days and
/// sorting them; no other index both filters by day and gives that order,
/// so neither planner is tempted to walk all open text backwards by time.
struct M092_AddOpenTextNewestIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("""
            CREATE INDEX responses_open_text_newest ON responses (organisation_id, local_day, received_at, unit_id, themes)
            WHERE open_text IS NOT NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "responses_open_text_newest").run()
    }
}
