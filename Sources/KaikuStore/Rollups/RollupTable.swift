import KaikuCore

/// The `rollups` table's layout: one row per unit, survey, period and
/// dimension value, with the counts of `RollupCounts` as integer columns.
/// `subtree_rollups` has the same layout, each row counting the answers of a
/// unit's whole subtree (kept for units with children only: a leaf's subtree
/// is itself).
public enum RollupTable {
    public static let name = "rollups"
    public static let subtreeName = "subtree_rollups"
    /// The primary key, in the order reports seek by.
    public static let keyColumns = ["unit_id", "dimension", "grain", "period", "survey_id", "value"]
    /// `n`, `r0`…`r10`, then `s{slot}_{value}` for every statement slot and value 0–5.
    public static let countColumns: [String] = ["n"] + (0...10).map { "r\($0)" }
        + (0..<RollupCounts.statementSlots).flatMap { slot in (0...5).map { "s\(slot)_\($0)" } }

    /// The statement that makes a table of this layout: `WITHOUT ROWID` on
    /// SQLite, where the table is then its own primary-key index instead of
    /// a table plus an index holding the same keys again.
    static func createStatement(_ table: String, postgres: Bool) -> String {
        let uuid = postgres ? "UUID" : "TEXT"
        let counts = countColumns.map { "\($0) INTEGER NOT NULL DEFAULT 0" }.joined(separator: ", ")
        return """
            CREATE TABLE \(table) (
                unit_id \(uuid) NOT NULL, dimension TEXT NOT NULL, grain SMALLINT NOT NULL, period INTEGER NOT NULL,
                survey_id \(uuid) NOT NULL, value TEXT NOT NULL, \(counts),
                PRIMARY KEY (\(keyColumns.joined(separator: ", "))))\(postgres ? "" : " WITHOUT ROWID")
            """
    }
}
