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
        let generator = try await RollupCheck.generator(app, world)
        _ = try await generator.insert(count: count, seed: seed, batch: 400, cipher: app.kaiku.cipher, on: app.db)
        return generator
    }

    func testRollupsGiveTheSameTalliesAsScanningTheAnswers() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let generator = try await fill(app, world, count: 1_500, seed: 42)

            try await RollupCheck.assertRollupsMatchScans(app, world, generator: generator, rounds: 56)
        }
    }

    func testMovedUnitsTakeTheirAnswersAlongInEveryReport() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let generator = try await fill(app, world, count: 900, seed: 17)
            // A2 moves from A to B, and B1, a unit with answers, gets a unit of its own below it.
            let moved = """
                code,parent,name_fi,name_sv,name_en,oid
                ROOT,,Yksikkö ROOT,Enhet ROOT,Unit ROOT,
                A,ROOT,Yksikkö A,Enhet A,Unit A,
                A1,A,Yksikkö A1,Enhet A1,Unit A1,
                A2,B,Yksikkö A2,Enhet A2,Unit A2,
                B,ROOT,Yksikkö B,Enhet B,Unit B,
                B1,B,Yksikkö B1,Enhet B1,Unit B1,
                B1X,B1,Uusi yksikkö,Ny enhet,New unit,
                """

            let (plan, applied) = try await UnitImport.run(moved, organisation: world.organisation, closeMissing: false, dryRun: false,
                                                           actor: .commandLine, at: generator.end, on: app.db)

            XCTAssertTrue(applied, "\(plan.errors)")
            try await RollupCheck.assertRollupsMatchScans(app, world, generator: generator, rounds: 21, seed: 3)
            // And answers given after the move count under the new tree.
            _ = try await generator.insert(count: 200, seed: 18, batch: 50, cipher: app.kaiku.cipher, on: app.db)
            try await RollupCheck.assertRollupsMatchScans(app, world, generator: generator, rounds: 14, seed: 4)
        }
    }

    func testCorrectionsRelabellingAndLateCommentsMoveAnswersBetweenThemeRows() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let generator = try await fill(app, world, count: 700, seed: 23)
            let orgID = try world.organisation.requireID()
            let commented = try await FeedbackResponse.query(on: app.db).filter(\.$organisationID == orgID).filter(\.$openText != nil)
                .sort(\.$id).limit(12).all()
            let silent = try await FeedbackResponse.query(on: app.db).filter(\.$organisationID == orgID).filter(\.$openText == nil)
                .sort(\.$id).limit(3).all()
            XCTAssertEqual(commented.count, 12)
            XCTAssertEqual(silent.count, 3)
            let user = User(organisationID: orgID, email: "themes-handler@test.example", passwordHash: "unused", role: .handler,
                            unitID: try world.units["ROOT"]!.requireID())
            try await user.create(on: app.db)
            let handler = try user.requireID()

            // A handler corrects answers, to other themes and to none at all.
            for (index, response) in commented.enumerated() {
                try await ClassificationCorrection.apply(to: response, themes: index % 3 == 0 ? [] : [index % 2 == 0 ? "thanks" : "signage-premises"],
                                                         sentiment: index % 2 == 0 ? .positive : .negative, by: handler, at: generator.end, on: app.db)
            }
            // The classifier learns from them and relabels what no person corrected.
            let outcome = try await ClassifierRetraining.run(organisationID: orgID, at: generator.end, on: app.db)
            // And SMS customers send their comments after their scores.
            for (index, response) in silent.enumerated() {
                let attached = try await ResponseComment.attach(["Kiitos hyvästä hoidosta!", "Jonotin kolme tuntia päivystyksessä.", "Parkkipaikka oli täynnä."][index],
                                                                to: response.requireID(), language: .fi, on: app.db)
                XCTAssertTrue(attached)
            }

            XCTAssertGreaterThan(outcome.relabelled, 0, "a classifier that learned should relabel some answers")
            try await RollupCheck.assertRollupsMatchScans(app, world, generator: generator, rounds: 14, seed: 12)
        }
    }

    func testTheUpgradeSumsExistingRollupsIntoSubtrees() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let generator = try await fill(app, world, count: 400, seed: 6)
            let sql = try app.db.sql
            try await sql.delete(from: RollupTable.subtreeName).run()

            try await M090_BackfillSubtreeRollups().prepare(on: app.db)

            try await RollupCheck.assertRollupsMatchScans(app, world, generator: generator, rounds: 14, seed: 8)
        }
    }

    func testAnswersStoredBeforeRollupsExistedAreCountedByTheUpgrade() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let generator = try await fill(app, world, count: 300, seed: 5)
            let sql = try app.db.sql
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
            let sql = try app.db.sql
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
