import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import KaikuCore
import SQLKit

/// Rollups are read with each database's own rows, and Kaiku runs on two.
struct RollupReadError: Error, CustomStringConvertible {
    var dialect: String
    var description: String { "Rollups are read from SQLite or PostgreSQL, not \(dialect)." }
}

/// Summed rollup rows of one grain for some units. Both paths read the
/// result by position: decoding a few hundred rows of sixty sums by column
/// name cost more than the query itself.
struct RollupRows {
    var unit: UUID?
    var survey: UUID
    var grain: Int?
    var period: Int?
    var value: String?
    var counts: [Int]

    /// The survey of rows not grouped by survey. A constant, not `UUID()`,
    /// which reads /dev/urandom for every row.
    static let ungroupedSurvey = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    static func fetch(grouping: [String], counted: [String], units: [UUID], dimension: RollupDimension, grain: RollupGrain,
                      periods: [Int], on sql: any SQLDatabase) async throws -> [RollupRows] {
        if let sqlite = sql as? any SQLiteDatabase, sql.dialect.name == "sqlite" {
            let selected: [String] = grouping + counted.map { "SUM(\($0))" }
            let unitMarks = Array(repeating: "?", count: units.count).joined(separator: ",")
            let periodMarks = Array(repeating: "?", count: periods.count).joined(separator: ",")
            let text = "SELECT \(selected.joined(separator: ", ")) FROM \(RollupTable.name) WHERE unit_id IN (\(unitMarks))"
                + " AND dimension = ? AND grain = ? AND period IN (\(periodMarks)) GROUP BY \(grouping.joined(separator: ", "))"
            var binds: [SQLiteData] = units.map { .text($0.uuidString) }
            binds.append(.text(dimension.rawValue))
            binds.append(.integer(grain.rawValue))
            binds += periods.map { .integer($0) }
            return try await sqlite.query(text, binds).map { row in
                let columns = row.columns
                var result = RollupRows(survey: ungroupedSurvey, counts: [])
                for (index, name) in grouping.enumerated() {
                    let data = columns[index].data
                    switch name {
                    case "unit_id": result.unit = data.string.flatMap(UUID.init(uuidString:))
                    case "survey_id": result.survey = data.string.flatMap(UUID.init(uuidString:)) ?? result.survey
                    case "grain": result.grain = data.integer
                    case "period": result.period = data.integer
                    default: result.value = data.string
                    }
                }
                result.counts = columns[grouping.count...].map { $0.data.integer ?? 0 }
                return result
            }
        }
        // SUM of bigint is numeric, which only PostgresNIO's slow generic path reads.
        let selected: [String] = grouping + counted.map { "SUM(\($0))::bigint" }
        var binds = PostgresBindings()
        binds.append(units)
        binds.append(dimension.rawValue)
        binds.append(grain.rawValue)
        binds.append(periods)
        // The units are the organisation's own, so they keep tenants apart.
        let query = PostgresQuery(unsafeSQL: "SELECT \(selected.joined(separator: ", ")) FROM \(RollupTable.name)"
            + " WHERE unit_id = ANY($1) AND dimension = $2 AND grain = $3 AND period = ANY($4) GROUP BY \(grouping.joined(separator: ", "))",
            binds: binds)
        guard let rows = try await PostgresRows.all(query, on: sql) else {
            throw RollupReadError(dialect: sql.dialect.name)
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
