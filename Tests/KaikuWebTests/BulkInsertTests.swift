import FluentKit
import Foundation
import SQLKit
import XCTest
@testable import KaikuStore

/// Bulk inserts bind whole columns on PostgreSQL (`PostgresArrayInsert`,
/// arrays that may hold NULLs) and rows on SQLite; either way every value and
/// every NULL must read back as written, and `ON CONFLICT` must add.
final class BulkInsertTests: XCTestCase {
    private func createProbe(on sql: any SQLDatabase) async throws {
        let postgres = try sql.flavour == .postgres
        try await sql.raw("""
            CREATE TABLE bulk_probe (
                id \(unsafeRaw: postgres ? "UUID" : "TEXT") PRIMARY KEY, n BIGINT, label TEXT, at \(unsafeRaw: postgres ? "TIMESTAMPTZ" : "REAL"),
                flag BOOLEAN, share DOUBLE PRECISION, never TEXT, missing BIGINT)
            """).run()
    }

    func testEveryValueAndEveryNullReadsBackAsWritten() async throws {
        try await withApp { app in
            let sql = try app.db.sql
            try await createProbe(on: sql)
            let at = Date(timeIntervalSince1970: 1_796_000_000.5)
            let ids = (0..<4).map { _ in UUID() }
            // Row 0 holds every type; the others leave some out, and the last two columns are NULL throughout.
            let rows: [[BulkValue]] = [
                [.uuid(ids[0]), .int(7), .text("kiitos 'hyvästä' palvelusta"), .date(at), .bool(true), .double(0.25), .null, .nullInt],
                [.uuid(ids[1]), .int(nil), .text(nil), .date(at), .bool(false), .double(-1.5), .null, .nullInt],
                [.uuid(ids[2]), .int(-3), .text(""), .date(at), .bool(true), .double(0), .null, .nullInt],
                [.uuid(ids[3]), .int(Int(Int32.max) + 1), .text("ääkköset ja emoji 🙂"), .date(at), .bool(false), .double(1e9), .null, .nullInt],
            ]

            try await BulkInsert.run(into: "bulk_probe", columns: ["id", "n", "label", "at", "flag", "share", "never", "missing"], rows: rows, on: sql)

            let read = try await sql.select().columns("id", "n", "label", "at", "flag", "share", "never", "missing").from("bulk_probe").all()
            XCTAssertEqual(read.count, 4)
            for row in read {
                let id = try row.decode(column: "id", as: UUID.self)
                let index = try XCTUnwrap(ids.firstIndex(of: id))
                XCTAssertEqual(try row.decode(column: "n", as: Int?.self), [7, nil, -3, Int(Int32.max) + 1][index])
                XCTAssertEqual(try row.decode(column: "label", as: String?.self), ["kiitos 'hyvästä' palvelusta", nil, "", "ääkköset ja emoji 🙂"][index])
                XCTAssertEqual(try row.decode(column: "at", as: Date.self).timeIntervalSince1970, at.timeIntervalSince1970, accuracy: 1e-3)
                XCTAssertEqual(try row.decode(column: "flag", as: Bool.self), index % 2 == 0)
                XCTAssertEqual(try row.decode(column: "share", as: Double.self), [0.25, -1.5, 0, 1e9][index])
                XCTAssertNil(try row.decode(column: "never", as: String?.self))
                XCTAssertNil(try row.decode(column: "missing", as: Int?.self))
            }
        }
    }

    func testConflictingRowsAddTheirCountsToTheStoredOnes() async throws {
        try await withApp { app in
            let sql = try app.db.sql
            try await sql.raw("CREATE TABLE bulk_counts (k TEXT PRIMARY KEY, a BIGINT NOT NULL, b BIGINT NOT NULL)").run()
            let first: [[BulkValue]] = [[.text("x"), .int(1), .int(10)], [.text("y"), .int(2), .int(20)]]
            let second: [[BulkValue]] = [[.text("y"), .int(5), .int(50)], [.text("z"), .int(3), .int(30)]]

            for rows in [first, second] {
                try await BulkInsert.run(into: "bulk_counts", columns: ["k", "a", "b"], rows: rows, addingOnConflict: (["k"], ["a", "b"]), on: sql)
            }

            let read = try await sql.select().columns("k", "a", "b").from("bulk_counts").orderBy("k").all()
            let values = try read.map { [try $0.decode(column: "k", as: String.self), String(try $0.decode(column: "a", as: Int.self)), String(try $0.decode(column: "b", as: Int.self))] }
            XCTAssertEqual(values, [["x", "1", "10"], ["y", "7", "70"], ["z", "3", "30"]])
        }
    }

    func testAColumnOfMixedTypesIsRefusedOnPostgreSQLAndKeptAsGivenOnSQLite() async throws {
        try await withApp { app in
            let sql = try app.db.sql
            try await createProbe(on: sql)
            let rows: [[BulkValue]] = [[.uuid(UUID()), .int(1)], [.uuid(UUID()), .text("one")]]

            var refusal: BulkInsertError?
            do {
                try await BulkInsert.run(into: "bulk_probe", columns: ["id", "n"], rows: rows, on: sql)
            } catch let error as BulkInsertError {
                refusal = error
            }

            let count = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "c").from("bulk_probe").first()
            if try sql.flavour == .postgres {
                // One array per column has one type: the caller's mistake is named, and nothing is stored.
                XCTAssertEqual(refusal?.description, "the values of column n are of more than one type")
                XCTAssertEqual(try count?.decode(column: "c", as: Int.self), 0)
            } else {
                // SQLite binds row by row and keeps any value in any column.
                XCTAssertNil(refusal)
                XCTAssertEqual(try count?.decode(column: "c", as: Int.self), 2)
            }
        }
    }
}
