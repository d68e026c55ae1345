import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import SQLKit
import XCTVapor
@testable import KaikuStore
@testable import KaikuWeb

/// The rollups must give exactly the figures a scan of the answers gives,
/// for any period, subtree and grouping; these tests compare the two on
/// random data, on SQLite and (in CI) PostgreSQL.
final class RollupTests: XCTestCase {
    private func fill(_ app: Application, _ world: TestWorld, count: Int, seed: UInt64) async throws -> SyntheticAnswers {
        let targets = try await Target.query(on: app.db).filter(\.$organisationID == world.organisation.requireID()).all()
        var generator = SyntheticAnswers(
            organisationID: try world.organisation.requireID(), surveyID: world.organisation.surveyID!,
            statementIDs: app.kaiku.nationalSurvey.statements.map(\.id), timeZone: world.organisation.timeZone,
            targets: targets.map { .init(targetID: $0.id!, unitID: $0.unitID, quality: 0, weight: 1) },
            end: Date(timeIntervalSince1970: 1_795_000_000))
        generator.days = 430
        _ = try await generator.insert(count: count, seed: seed, batch: 400, cipher: app.kaiku.cipher, on: app.db)
        return generator
    }

    func testRollupsGiveTheSameTalliesAsScanningTheAnswers() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let generator = try await fill(app, world, count: 1_500, seed: 42)
            // Nothing is dated after this day, so a period reaching it may be covered as if it ran on.
            let latest = SubmissionValidator.latestAnswerDay(now: generator.end, timeZone: world.organisation.timeZone)
            let units = try await OrgUnit.query(on: app.db).filter(\.$organisationID == world.organisation.requireID()).all()
            let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
            var random = SplitMix64(seed: 99)
            let first = CalendarDay(year: 2025, month: 8, day: 1)!
            let sql = app.db as! any SQLDatabase

            let dimensions: [TallyQuery.Dimension?] = [nil] + TallyQuery.Dimension.allCases
            for round in 0..<56 {
                let a = first.adding(days: Int(random.next() % 520)), b = first.adding(days: Int(random.next() % 520))
                let (from, to) = (min(a, b), max(a, b))
                let root = units[Int(random.next() % UInt64(units.count))]
                let subtree = tree.subtree(of: root.id!)
                let dimension = dimensions[round % dimensions.count]
                let orgID = try world.organisation.requireID()

                let scanned = try await TallyQuery.tallies(organisationID: orgID, units: subtree, from: from, to: to, by: dimension, on: sql)
                let rolled = try await RollupQuery.tallies(organisationID: orgID, units: subtree, from: from, to: to, by: dimension, on: app.db)
                let summed = try await RollupQuery.tallies(organisationID: orgID, units: subtree, from: from, to: to, by: dimension,
                                                           perUnit: false, root: root.id!, on: app.db)
                let extended = try await RollupQuery.tallies(organisationID: orgID, units: subtree, from: from, to: to, by: dimension,
                                                             noAnswersAfter: latest, on: app.db)

                let context = "round \(round): \(root.code) \(from)...\(to) by \(dimension.map(\.rawValue) ?? "none")"
                XCTAssertEqual(rolled, scanned, context)
                XCTAssertEqual(extended, scanned, context + " (covered past the last answer)")
                var scannedTotals: [TallyQuery.Key: Tally] = [:]
                for (key, tally) in scanned { scannedTotals[TallyQuery.Key(unitID: root.id!, group: key.group), default: .empty].add(tally) }
                XCTAssertEqual(summed, scannedTotals, context)
                XCTAssertFalse(scanned.isEmpty && from.dayNumber + 60 < to.dayNumber, "the data should cover long spans (\(context))")
            }
        }
    }

    func testAnswersStoredBeforeRollupsExistedAreCountedByTheUpgrade() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let generator = try await fill(app, world, count: 300, seed: 5)
            let sql = app.db as! any SQLDatabase
            // The database as an earlier version left it: answers, no rollups.
            try await sql.delete(from: RollupTable.name).run()
            let orgID = try world.organisation.requireID()
            let units = try await OrgUnit.query(on: app.db).filter(\.$organisationID == orgID).all().map { $0.id! }
            let from = CalendarDay(date: generator.end.addingTimeInterval(-500 * 86_400), timeZone: world.organisation.timeZone)
            let to = CalendarDay(date: generator.end, timeZone: world.organisation.timeZone)
            let empty = try await RollupQuery.tallies(organisationID: orgID, units: units, from: from, to: to, by: nil, on: app.db)
            XCTAssertTrue(empty.isEmpty)

            try await M023_BackfillRollups().prepare(on: app.db)

            let scanned = try await TallyQuery.tallies(organisationID: orgID, units: units, from: from, to: to, by: .month, on: sql)
            let rolled = try await RollupQuery.tallies(organisationID: orgID, units: units, from: from, to: to, by: .month, on: app.db)
            XCTAssertEqual(rolled, scanned)
            XCTAssertEqual(scanned.values.reduce(0) { $0 + $1.responses }, 300)
        }
    }

    func testStatementAnswersFromTheirOldTableMoveOntoTheResponseRow() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 8)
            let sql = app.db as! any SQLDatabase
            // The layout before M024: a row per statement answer.
            try await M024_InlineStatementAnswers().revert(on: app.db)
            try await sql.insert(into: StatementAnswer.schema).columns("response_id", "question_id", "value")
                .values(SQLBind(receipt.id), SQLBind("felt_safe"), SQLBind(4))
                .values(SQLBind(receipt.id), SQLBind("smooth_access"), SQLBind(0))
                .run()

            try await M024_InlineStatementAnswers().prepare(on: app.db)

            let stored = try await FeedbackResponse.find(receipt.id, on: app.db)
            XCTAssertEqual(StatementValues.decode(stored?.statements, statementIDs: app.kaiku.nationalSurvey.statements.map(\.id)),
                           ["felt_safe": 4, "smooth_access": 0])
            let tableLeft = try await M023_BackfillRollups.tableExists(StatementAnswer.schema, on: sql)
            XCTAssertFalse(tableLeft)
        }
    }

    func testAnAnswerCountsInTheRollupsAsSoonAsItIsAcknowledged() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let today = CalendarDay(date: Date(), timeZone: world.organisation.timeZone)
            let orgID = try world.organisation.requireID()
            let unit = try world.units["A1"]!.requireID()

            try await TestWorld.submit(app, target: "t-a1", nps: 9, statements: ["felt_safe": 4, "smooth_access": nil], channel: "kiosk", language: "sv")

            let rolled = try await RollupQuery.tallies(organisationID: orgID, units: [unit], from: today, to: today, by: .language, on: app.db)
            let tally = try XCTUnwrap(rolled[TallyQuery.Key(unitID: unit, group: "sv")])
            XCTAssertEqual(tally.responses, 1)
            XCTAssertEqual(tally.promoters, 1)
            XCTAssertEqual(tally.statements["felt_safe"], [0, 0, 0, 0, 1, 0])
            XCTAssertEqual(tally.statements["smooth_access"], [1, 0, 0, 0, 0, 0], "cannot say is counted apart")
        }
    }
}
