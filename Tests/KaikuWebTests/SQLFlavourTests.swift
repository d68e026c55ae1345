import KaikuStore
import XCTest

/// The expressions in which SQLite's and PostgreSQL's SQL differ, as the
/// text each gets. The suites that run on both databases check that the
/// queries built from them give the same answers.
final class SQLFlavourTests: XCTestCase {
    func testTheFlavourIsNamedBySQLKitsDialect() {
        XCTAssertEqual(SQLFlavour(dialectName: "sqlite"), .sqlite)
        XCTAssertEqual(SQLFlavour(dialectName: "postgresql"), .postgres)
        XCTAssertNil(SQLFlavour(dialectName: "mysql"))
    }

    func testEpochSecondsAreStoredOnSQLiteAndExtractedOnPostgres() {
        XCTAssertEqual(SQLFlavour.sqlite.epochSeconds("due_at"), "due_at")
        XCTAssertEqual(SQLFlavour.postgres.epochSeconds("due_at"), "EXTRACT(EPOCH FROM due_at)")
    }

    func testWholeNumbersAreTruncatedOnSQLiteAndFlooredOnPostgres() {
        XCTAssertEqual(SQLFlavour.sqlite.wholeNonNegative("(a - b) / 3600"), "CAST((a - b) / 3600 AS INTEGER)")
        XCTAssertEqual(SQLFlavour.postgres.wholeNonNegative("(a - b) / 3600"), "CAST(FLOOR((a - b) / 3600) AS BIGINT)")
    }

    func testOnlyPostgresSkipsLockedRows() {
        XCTAssertEqual(SQLFlavour.sqlite.skipLocked, "")
        XCTAssertEqual(SQLFlavour.postgres.skipLocked, "FOR UPDATE SKIP LOCKED")
    }

    func testOnlySQLiteTakesTheWriteLockFirst() {
        XCTAssertEqual(SQLFlavour.sqlite.takeWriteLock, "DELETE FROM _fluent_migrations WHERE 0")
        XCTAssertNil(SQLFlavour.postgres.takeWriteLock)
    }

    func testUpsertsAddCountsAlikeOnBoth() {
        for flavour in SQLFlavour.allCases {
            XCTAssertEqual(
                flavour.onConflictAdding(table: "rollups", keys: ["unit_id", "period"], added: ["n", "promoters"]),
                " ON CONFLICT (unit_id, period) DO UPDATE SET n = rollups.n + excluded.n, promoters = rollups.promoters + excluded.promoters")
        }
    }

    func testParametersArePositionalOnSQLiteAndNumberedOnPostgres() {
        XCTAssertEqual(SQLFlavour.sqlite.parameter(3), "?")
        XCTAssertEqual(SQLFlavour.postgres.parameter(3), "$3")
    }

    func testListsBindEachValueOnSQLiteAndOneArrayOnPostgres() {
        XCTAssertEqual(SQLFlavour.sqlite.column("unit_id", in: 3, parameter: 4), "unit_id IN (?,?,?)")
        XCTAssertEqual(SQLFlavour.postgres.column("unit_id", in: 3, parameter: 4), "unit_id = ANY($4)")
        XCTAssertEqual(SQLFlavour.postgres.column("unit_id", in: 300, parameter: 1), "unit_id = ANY($1)")
    }
}
