import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import KaikuCore
import SQLKit

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
                var result = RollupRows(survey: UUID(), counts: [])
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
        let select = sql.select()
        for column in grouping { select.column(SQLIdentifier(column)) }
        for column in counted { select.column(SQLFunction("SUM", args: SQLIdentifier(column)), as: column) }
        // The units are the organisation's own, so they keep tenants apart.
        select.from(RollupTable.name)
            .where("unit_id", .in, SQLBind.group(units))
            .where("dimension", .equal, SQLBind(dimension.rawValue))
            .where("grain", .equal, SQLBind(grain.rawValue))
            .where("period", .in, SQLBind.group(periods))
        for column in grouping { select.groupBy(SQLIdentifier(column)) }
        return try await select.all().map { row in
            if let postgres = row as? PostgresRow {
                // Selected in order: the grouping columns, then the sums.
                let cells = postgres.makeRandomAccess()
                var result = RollupRows(survey: UUID(), counts: [])
                for (index, name) in grouping.enumerated() {
                    switch name {
                    case "unit_id": result.unit = try cells[index].decode(UUID.self)
                    case "survey_id": result.survey = try cells[index].decode(UUID.self)
                    case "grain": result.grain = try cells[index].decode(Int.self)
                    case "period": result.period = try cells[index].decode(Int.self)
                    default: result.value = try cells[index].decode(String.self)
                    }
                }
                result.counts = try (grouping.count..<cells.count).map { try cells[$0].decode(Int?.self) ?? 0 }
                return result
            }
            return RollupRows(
                unit: grouping.contains("unit_id") ? try row.decode(column: "unit_id", as: UUID.self) : nil,
                survey: try row.decode(column: "survey_id", as: UUID.self),
                grain: grouping.contains("grain") ? try row.decode(column: "grain", as: Int.self) : nil,
                period: grouping.contains("period") ? try row.decode(column: "period", as: Int.self) : nil,
                value: grouping.contains("value") ? try row.decode(column: "value", as: String.self) : nil,
                counts: try counted.map { try row.decode(column: $0, as: Int?.self) ?? 0 })
        }
    }
}
