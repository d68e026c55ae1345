import FluentKit
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

    /// The survey of rows not grouped by survey. A constant, not `UUID()`,
    /// which reads /dev/urandom for every row.
    static let ungroupedSurvey = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// Each database's rows are read with its driver's own types.
    static func fetch(grouping: [String], counted: [String], units: [UUID], dimension: RollupDimension, grain: RollupGrain,
                      periods: [Int], table: String = RollupTable.name, on sql: any SQLDatabase) async throws -> [RollupRows] {
        switch try sql.flavour {
        case .sqlite:
            guard let sqlite = sql as? any SQLiteDatabase else { throw UnsupportedDatabaseError(found: String(describing: type(of: sql))) }
            return try await fetchSQLite(grouping: grouping, counted: counted, units: units, dimension: dimension, grain: grain, periods: periods, table: table, on: sqlite)
        case .postgres:
            return try await fetchPostgres(grouping: grouping, counted: counted, units: units, dimension: dimension, grain: grain, periods: periods, table: table, on: sql)
        }
    }

    /// The WHERE clause of both, with the units bound first and the periods fourth.
    static func filter(_ flavour: SQLFlavour, units: Int, periods: Int) -> String {
        flavour.column("unit_id", in: units, parameter: 1) + " AND dimension = " + flavour.parameter(2)
            + " AND grain = " + flavour.parameter(3) + " AND " + flavour.column("period", in: periods, parameter: 4)
    }
}
