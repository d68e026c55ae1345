import FluentKit
import Foundation
import KaikuCore
import NIOCore
import SQLKit
import XCTVapor
@testable import KaikuStore
@testable import KaikuWeb

/// `kaiku generate` writes with each database's bulk path (SQLite's C
/// interface, PostgreSQL's COPY); what it stores must read back exactly as
/// generated and give the same figures as answers written one by one.
final class BulkLoadTests: XCTestCase {
    private func loadingGenerator(_ app: Application, _ world: TestWorld) async throws -> SyntheticAnswers {
        var generator = try await RollupCheck.generator(app, world)
        generator.withOpenText = false
        return generator
    }

    func testLoadedAnswersReadBackAsGeneratedAndTheirRollupsMatchAScan() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let generator = try await loadingGenerator(app, world)
            let loader = try BulkLoaders.make(for: app.kaiku.settings.database, database: app.db)

            let stored = try await generator.load(count: 2_000, seed: 11, into: loader)
            try await SubtreeRollups.rebuildAll(organisationID: world.organisation.requireID(), on: app.db)

            XCTAssertEqual(stored, 2_000)
            var generated: [NewResponse] = []
            try await generator.forEachWeek(count: 2_000, seed: 11) { week, _ in generated += week }
            let rows = try await FeedbackResponse.query(on: app.db).filter(\.$organisationID == world.organisation.requireID()).all()
            XCTAssertEqual(rows.count, 2_000)
            XCTAssertEqual(Set(rows.map(\.receipt)).count, 2_000, "receipts are unique")
            let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id!, $0) })
            for response in generated {
                let row = try XCTUnwrap(byID[response.id], "answer \(response.id) was stored")
                XCTAssertEqual(row.answeredAt.timeIntervalSince1970, response.submission.answeredAt.timeIntervalSince1970, accuracy: 1e-5)
                XCTAssertEqual(row.receivedAt.timeIntervalSince1970, response.receivedAt.timeIntervalSince1970, accuracy: 1e-5)
                XCTAssertEqual(row.localDay, response.localDay)
                XCTAssertEqual(row.recommendation, response.submission.recommendation)
                XCTAssertEqual(row.channel, response.submission.channel.rawValue)
                XCTAssertEqual(row.ageGroup, response.submission.choices["ageGroup"])
                XCTAssertEqual(StatementValues.decode(row.statements, statementIDs: generator.statementIDs), response.submission.statements)
                XCTAssertNil(row.openText)
            }
            try await RollupCheck.assertRollupsMatchScans(app, world, generator: generator, rounds: 28)
        }
    }

    func testTheMultiRowInsertLoaderGivesTheSameFigures() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let generator = try await loadingGenerator(app, world)

            _ = try await generator.load(count: 1_200, seed: 12, into: SQLBulkLoader(database: app.db))
            try await SubtreeRollups.rebuildAll(organisationID: world.organisation.requireID(), on: app.db)

            try await RollupCheck.assertRollupsMatchScans(app, world, generator: generator, rounds: 14)
        }
    }

    func testAWriteThatFailsPartWayLeavesNothingBehind() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let generator = try await loadingGenerator(app, world)
            let loader = try BulkLoaders.make(for: app.kaiku.settings.database, database: app.db)
            var week: [NewResponse] = []
            try await generator.forEachWeek(count: 400, seed: 13) { rows, _ in if week.isEmpty { week = rows } }
            XCTAssertGreaterThan(week.count, 1)
            let table = BulkTable(name: FeedbackResponse.schema, columns: ResponseInsert.responseColumns, rows: week.map(ResponseInsert.values))
            // The second table repeats a row of the first: its primary key refuses it.
            let clash = BulkTable(name: table.name, columns: table.columns, rows: [table.rows[0]])

            do {
                try await loader.write([table, clash])
                XCTFail("a duplicate id must fail the write")
            } catch {}

            let count = try await FeedbackResponse.query(on: app.db).count()
            XCTAssertEqual(count, 0, "the rows written before the failure are rolled back")
            try await loader.write([table])
            let after = try await FeedbackResponse.query(on: app.db).count()
            XCTAssertEqual(after, week.count, "the loader works again after a failed write")
        }
    }

    /// What keeps the generator's memory flat at ten million answers: no
    /// write holds more than one day's answers or another day's rollup rows,
    /// and each rollup row is written once, with the day that completes it.
    func testEachWriteHoldsOneDaysAnswersAndEveryRollupRowOnce() async throws {
        let unit = UUID()
        var generator = SyntheticAnswers(organisationID: UUID(), surveyID: UUID(), statementIDs: ["a", "b"], timeZone: TimeZone(identifier: "Europe/Helsinki")!,
                                         targets: [.init(targetID: UUID(), unitID: unit, quality: 0, weight: 1)], end: Date(timeIntervalSince1970: 1_795_000_000))
        generator.withOpenText = false
        generator.contactRequests = false
        generator.days = 70
        let loader = RecordingLoader()

        let stored = try await generator.load(count: 3_000, seed: 5, into: loader)

        let writes = loader.writes
        let answerDays = writes.map { write in Set((write[FeedbackResponse.schema] ?? []).compactMap { row -> Int? in
            if case .int(let day) = row[15] { day } else { nil }
        }) }
        XCTAssertEqual(stored, 3_000)
        XCTAssertEqual(writes.map { $0[FeedbackResponse.schema]?.count ?? 0 }.reduce(0, +), 3_000)
        XCTAssertEqual(answerDays.filter { $0.count != 1 }.count, 0, "every write holds the answers of exactly one day")
        let rollupKeys = writes.flatMap { ($0[RollupTable.name] ?? []).map { "\($0.prefix(6))" } }
        XCTAssertEqual(rollupKeys.count, Set(rollupKeys).count, "no rollup row is written twice")
        for (write, days) in zip(writes, answerDays) {
            let rollupDays = Set((write[RollupTable.name] ?? []).compactMap { row -> Int? in
                guard case .int(let grain) = row[2], grain == RollupGrain.day.rawValue, case .int(let period) = row[3] else { return nil }
                return period
            })
            XCTAssertEqual(rollupDays, days, "a write's day rows are those of its own day")
        }
    }

    func testCopyRowsEscapeTextAndWriteTimesInUTCToTheMicrosecond() {
        var buffer = ByteBufferAllocator().buffer(capacity: 256)
        let date = Date(timeIntervalSince1970: 1_774_745_999.123456) // 2026-03-29 00:59:59.123456 UTC

        PostgresBulkLoader.append([.int(-7), .text("a\tb\nc\\d\re"), .null, .nullInt, .bool(true), .date(date),
                                   .date(Date(timeIntervalSince1970: -1.5)), .text("öljy")], to: &buffer)

        XCTAssertEqual(buffer.readString(length: buffer.readableBytes),
                       "-7\ta\\tb\\nc\\\\d\\re\t\\N\t\\N\tt\t2026-03-29 00:59:59.123456+00\t1969-12-31 23:59:58.500000+00\töljy\n")
    }
}

/// Keeps every row a load writes, by table, write by write.
private final class RecordingLoader: BulkLoader, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [[String: [[BulkValue]]]] = []

    var writes: [[String: [[BulkValue]]]] { lock.withLock { recorded } }

    func write(_ tables: [BulkTable]) async throws {
        let rows = Dictionary(tables.map { ($0.name, $0.rows) }, uniquingKeysWith: +)
        lock.withLock { recorded.append(rows) }
    }
}
