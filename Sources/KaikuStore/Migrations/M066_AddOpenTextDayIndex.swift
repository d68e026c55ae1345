import FluentKit
import SQLKit

/// The dashboard's themes read a period's open-text answers of a subtree:
/// at a million answers, most without open text, a partial index by day
/// that also holds unit, themes and sentiment lets both databases count
/// them from the index alone instead of visiting every answer of the period.
struct M066_AddOpenTextDayIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("""
            CREATE INDEX responses_open_text_day ON responses (organisation_id, local_day, unit_id, sentiment, themes)
            WHERE open_text IS NOT NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "responses_open_text_day").run()
    }
}
