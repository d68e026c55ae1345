import FluentSQLiteDriver
import Foundation
import KaikuStore
import NIOPosix
import SQLKit
import XCTest

/// The group-commit writer's own SQLite connection: whatever database the
/// suite runs on, this part is SQLite's alone, so it runs on a file of its own.
final class SQLiteWriterDatabaseTests: XCTestCase {
    private var directory: URL!
    private var writer: SQLiteWriterDatabase!

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("w.sqlite").path
        writer = try XCTUnwrap(SQLiteWriterDatabase.open(.sqlite(path: path), logger: .init(label: "test"), eventLoop: MultiThreadedEventLoopGroup.singleton.any()))
        try await writer.raw("CREATE TABLE notes (id TEXT PRIMARY KEY, at REAL NOT NULL, done INTEGER NOT NULL, body TEXT)").run()
    }

    override func tearDown() async throws {
        writer = nil
        try? FileManager.default.removeItem(at: directory)
    }

    func testAFailedStatementLeavesNothingOfItsTransaction() async throws {
        let writer = try XCTUnwrap(writer)
        let id = UUID()
        do {
            try await writer.writeTransaction { sql in
                try await sql.insert(into: "notes").columns("id", "at", "done", "body")
                    .values(SQLBind(id), SQLBind(Date()), SQLBind(true), SQLBind("first")).run()
                // The same key again: the whole transaction must go, the first row with it.
                try await sql.insert(into: "notes").columns("id", "at", "done", "body")
                    .values(SQLBind(id), SQLBind(Date()), SQLBind(false), SQLBind("second")).run()
            }
            XCTFail("a duplicate key must fail the transaction")
        } catch {}
        let count = try await writer.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("notes").first()
        XCTAssertEqual(try count?.decode(column: "n", as: Int.self), 0)
    }

    func testValuesReadBackAsTheyWereWrittenAndStatementsRunAgain() async throws {
        let writer = try XCTUnwrap(writer)
        let at = Date(timeIntervalSince1970: 1_796_000_000.25)
        let ids = (0..<3).map { _ in UUID() }
        try await writer.writeTransaction { sql in
            // One statement text, run three times: the prepared statement is kept and its binds cleared each time.
            for (index, id) in ids.enumerated() {
                try await sql.insert(into: "notes").columns("id", "at", "done", "body")
                    .values(SQLBind(id), SQLBind(at), SQLBind(index == 1), SQLBind(index == 2 ? nil : "note \(index)")).run()
            }
        }
        let rows = try await writer.select().columns("id", "at", "done", "body").from("notes").orderBy("body").all()
        XCTAssertEqual(rows.count, 3)
        let read = try rows.map { row in
            (try row.decode(column: "id", as: UUID.self), try row.decode(column: "at", as: Date.self),
             try row.decode(column: "done", as: Bool.self), try row.decode(column: "body", as: String?.self))
        }
        XCTAssertEqual(Set(read.map(\.0)), Set(ids))
        XCTAssertEqual(read.map(\.1), [at, at, at])
        XCTAssertEqual(read.first { $0.3 == nil }?.0, ids[2], "a nil bind is stored as NULL, not as the previous run's value")
        XCTAssertEqual(read.first { $0.2 }?.0, ids[1])
    }
}
