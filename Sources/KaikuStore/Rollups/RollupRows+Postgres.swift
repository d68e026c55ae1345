import FluentPostgresDriver
import Foundation
import KaikuCore
import SQLKit

extension RollupRows {
    /// PostgreSQL through PostgresNIO's rows, the units and periods bound as
    /// two arrays so that the statement is the same for any number of them.
    static func fetchPostgres(grouping: [String], counted: [String], units: [UUID], dimension: RollupDimension, grain: RollupGrain,
                              periods: [Int], table: String = RollupTable.name, on sql: any SQLDatabase) async throws -> [RollupRows] {
        // SUM of bigint is numeric, which only PostgresNIO's slow generic path reads.
        let selected: [String] = grouping + counted.map { "SUM(\($0))::bigint" }
        var binds = PostgresBindings()
        binds.append(units)
        binds.append(dimension.rawValue)
        binds.append(grain.rawValue)
        binds.append(periods)
        // The units are the organisation's own, so they keep tenants apart.
        let query = PostgresQuery(unsafeSQL: "SELECT \(selected.joined(separator: ", ")) FROM \(table)"
            + " WHERE " + filter(.postgres, units: units.count, periods: periods.count) + " GROUP BY \(grouping.joined(separator: ", "))",
            binds: binds)
        guard let rows = try await PostgresRows.all(query, on: sql) else {
            throw UnsupportedDatabaseError(found: String(describing: type(of: sql)))
        }
        return try rows.map { row in
            // Selected in order: the grouping columns, then the sums, read
            // from their bytes (`PostgresCell+Binary`).
            var cells = row.makeIterator()
            var result = RollupRows(survey: ungroupedSurvey, counts: [])
            for name in grouping {
                guard let cell = cells.next() else { break }
                switch name {
                case "unit_id": result.unit = try cell.readUUID()
                case "survey_id": result.survey = try cell.readUUID()
                case "grain": result.grain = try cell.readInt()
                case "period": result.period = try cell.readInt()
                default: result.value = try cell.readString()
                }
            }
            result.counts = []
            result.counts.reserveCapacity(selected.count - grouping.count)
            while let cell = cells.next() { result.counts.append(try cell.readOptionalInt() ?? 0) }
            return result
        }
    }
}
