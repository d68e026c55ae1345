import KaikuCore

/// The `rollups` table's layout: one row per unit, survey, period and
/// dimension value, with the counts of `RollupCounts` as integer columns.
public enum RollupTable {
    public static let name = "rollups"
    /// The primary key, in the order reports seek by.
    public static let keyColumns = ["unit_id", "dimension", "grain", "period", "survey_id", "value"]
    /// `n`, `r0`…`r10`, then `s{slot}_{value}` for every statement slot and value 0–5.
    public static let countColumns: [String] = ["n"] + (0...10).map { "r\($0)" }
        + (0..<RollupCounts.statementSlots).flatMap { slot in (0...5).map { "s\(slot)_\($0)" } }
}
