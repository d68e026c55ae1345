import AsyncHTTPClient
import FluentKit
import Foundation
import KaikuCore
@testable import KaikuStore
import NIOCore
import SQLKit
import XCTVapor
@testable import KaikuWeb

/// Exports are read a batch at a time and sent as they are read, so memory
/// does not grow with the number of rows.
final class ExportStreamingTests: XCTestCase {
    private let zone = TimeZone(identifier: "Europe/Helsinki")!

    private func generate(_ app: Application, _ world: TestWorld, count: Int) async throws {
        let organisationID = try world.organisation.requireID()
        let targets = try await Target.query(on: app.db).filter(\.$organisationID == organisationID).all()
        var generator = SyntheticAnswers(
            organisationID: organisationID, surveyID: world.organisation.surveyID!,
            statementIDs: app.kaiku.nationalSurvey.statements.map(\.id), timeZone: zone,
            targets: targets.map { .init(targetID: $0.id!, unitID: $0.unitID, quality: 0.7, weight: 1) }, end: Date())
        generator.withOpenText = true
        _ = try await generator.insert(count: count, seed: 3, batch: 10_000, cipher: app.kaiku.cipher, on: app.db)
    }

    private var wholeYear: String {
        let today = CalendarDay(date: Date(), timeZone: zone)
        return "from=\(today.adding(days: -400))&to=\(today)"
    }

    /// The last 400 days of the world's organisation, open text included.
    private func lastYear(_ world: TestWorld, units: [UUID]?, batchSize: Int) throws -> AnswerExport.Selection {
        let today = CalendarDay(date: Date(), timeZone: zone)
        return AnswerExport.Selection(organisationID: try world.organisation.requireID(), units: units, from: today.adding(days: -400),
                                      to: today, includeText: true, batchSize: batchSize)
    }

    func testTheReaderHandsOverOneBatchAtATimeAndMissesNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await generate(app, world, count: 12_345)
            let codes = try await ExportCodes.load(kind: .answers, organisation: world.organisation, on: app.db)
            let selection = try lastYear(world, units: nil, batchSize: 1_000)
            var sizes: [Int] = []
            var ids = Set<String>()
            var days: [Int] = []

            let total = try await AnswerExport.read(selection, codes: codes, on: app.db.sql,
                                                  location: app.kaiku.settings.database) { batch in
                sizes.append(batch.count)
                ids.formUnion(batch.map(\.id))
                days += batch.map(\.localDay)
            }

            XCTAssertEqual(total, 12_345)
            XCTAssertEqual(ids.count, 12_345, "every answer once")
            XCTAssertEqual(sizes.count, 13)
            XCTAssertEqual(sizes.max(), 1_000)
            XCTAssertEqual(days, days.sorted(), "rows come in day order")
        }
    }

    func testTheHTTPBodyIsChunkedAndArrivesInPieces() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await generate(app, world, count: 30_000)
            let token = try await world.signIn(app, role: .analyst, unit: "ROOT")
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try XCTUnwrap(app.http.server.shared.localAddress?.port)
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/exports/answers.csv?unit=ROOT&\(wholeYear)")
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            var pieces = 0
            var records = 0

            do {
                let response = try await client.execute(request, timeout: .seconds(300))
                XCTAssertEqual(response.status, .ok)
                XCTAssertNil(response.headers.first(name: "Content-Length"), "a buffered body would have a length")
                XCTAssertEqual(response.headers.first(name: "Transfer-Encoding"), "chunked")
                for try await piece in response.body {
                    pieces += 1
                    records += piece.readableBytesView.reduce(0) { $0 + ($1 == UInt8(ascii: "\r") ? 1 : 0) }
                }
            } catch {
                XCTFail("\(error)")
            }
            try await client.shutdown()
            await app.server.shutdown()

            XCTAssertEqual(records, 30_001, "the header and every answer")
            XCTAssertGreaterThan(pieces, 6, "30,000 rows are 6 batches of 5,000")
        }
    }

    /// On a SQLite file the exports step SQLite's C interface on a connection
    /// of their own; elsewhere (PostgreSQL, an in-memory database) they go
    /// through SQLKit. Both must give the same records, day by day (within a
    /// day one pages by rowid, the other by id).
    func testTheDirectFileReaderGivesTheSameRecordsAsTheSQLReader() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await generate(app, world, count: 2_500)
            let codes = try await ExportCodes.load(kind: .answers, organisation: world.organisation, on: app.db)
            // Two units that have targets, and so answers.
            let targets = try await Target.query(on: app.db).filter(\.$organisationID == world.organisation.requireID()).sort(\.$code).all()
            let units = Array(Set(targets.map(\.unitID))).sorted { $0.uuidString < $1.uuidString }.prefix(2)
            let selection = try lastYear(world, units: Array(units), batchSize: 300)
            let sql = try app.db.sql
            var direct: [AnswerRecord] = []
            var generic: [AnswerRecord] = []

            try await AnswerExport.read(selection, codes: codes, on: sql, location: app.kaiku.settings.database) { direct += $0 }
            try await AnswerExport.read(selection, codes: codes, on: sql, location: .sqliteMemory) { generic += $0 }
            // A statement prepared again for every batch must continue exactly where the last one stopped.
            var restarted: [AnswerRecord] = []
            if case .sqlite(let path) = app.kaiku.settings.database {
                let reader = try AnswerExport.SQLiteFileReader(path: path, selection: selection, codes: codes, restartAfter: 0)
                while case let batch = try await reader.next(), !batch.isEmpty { restarted += batch }
                XCTAssertEqual(restarted, direct)
            }

            let expected = try await FeedbackResponse.query(on: app.db).filter(\.$unitID ~~ selection.units!).count()
            XCTAssertGreaterThan(expected, 300, "more than one batch")
            XCTAssertEqual(direct.count, expected)
            XCTAssertEqual(direct.map(\.localDay), generic.map(\.localDay))
            XCTAssertEqual(Set(direct.map(\.id)), Set(generic.map(\.id)))
            // Foundation's Date keeps seconds since 2001, so the SQLKit path differs in the last bits; exports write whole seconds.
            let byID = Dictionary(uniqueKeysWithValues: generic.map { ($0.id, $0) })
            for record in direct {
                guard var expected = byID[record.id] else { continue }
                XCTAssertEqual(record.answeredAt, expected.answeredAt, accuracy: 1e-5)
                expected.answeredAt = record.answeredAt
                XCTAssertEqual(record, expected)
            }
            XCTAssertTrue(direct.contains { $0.openText != nil }, "open text is read")
            XCTAssertFalse(direct.contains { $0.unit.isEmpty || $0.target.isEmpty }, "ids become codes")
        }
    }
}
