import FluentSQLiteDriver
import Foundation
import KaikuCore

extension RollupRows {
    /// SQLite through SQLiteNIO's rows, each value bound with its type.
    static func fetchSQLite(grouping: [String], counted: [String], units: [UUID], dimension: RollupDimension, grain: RollupGrain,
                            periods: [Int], table: String, on sqlite: any SQLiteDatabase) async throws -> [RollupRows] {
        let selected: [String] = grouping + counted.map { "SUM(\($0))" }
        let text = "SELECT \(selected.joined(separator: ", ")) FROM \(table) WHERE "
            + filter(.sqlite, units: units.count, periods: periods.count) + " GROUP BY \(grouping.joined(separator: ", "))"
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
}
