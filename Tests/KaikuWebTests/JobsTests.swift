import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import NIOConcurrencyHelpers
import XCTVapor
@testable import KaikuWeb

final class JobsTests: XCTestCase {
    private let start = ISO8601DateFormatter().date(from: "2026-05-04T09:00:00Z")!

    private func openCase(_ app: Application, target: String = "t-a1") async throws -> FeedbackCase {
        let receipt = try await TestWorld.submit(app, target: target, nps: 2, extra: ["contact": ["email": "asiakas@example.fi"], "wantsAnswer": true])
        let stored = try await FeedbackCase.query(on: app.db).filter(\.$receipt == receipt.receipt).first()
        return try XCTUnwrap(stored)
    }

    private func events(_ app: Application, _ item: FeedbackCase) async throws -> [String] {
        try await CaseEvent.query(on: app.db).filter(\.$caseID == item.requireID()).sort(\.$at).all().map(\.kind)
    }

    func testHandlerIsRemindedTwoDaysBeforeTheCaseIsDue() async throws {
        let clock = TestClock(start)
        let mail = RecordingMailSender()
        try await withApp(clock: clock.wall, mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A", email: "handler-a@test.example")
            try await world.signIn(app, role: .handler, unit: "B", email: "handler-b@test.example")
            let item = try await openCase(app)
            let runner = JobRunner()
            let confirmed = try await runner.runDue(app)
            XCTAssertEqual(confirmed, 1, "only the customer's confirmation goes out at once")
            let confirmations = mail.messages.count
            clock.advance(by: 11 * 86_400)
            let early = try await runner.runDue(app)
            XCTAssertEqual(early, 0, "nothing is due eleven days in")
            clock.advance(by: 1 * 86_400 + 60)
            try await runner.runDue(app)
            XCTAssertEqual(mail.messages.dropFirst(confirmations).map(\.to), ["handler-a@test.example"], "the handler whose units cover the case, not B's")
            XCTAssertTrue(mail.messages[confirmations].subject.contains(item.receipt))
            let history = try await events(app, item)
            XCTAssertEqual(history, ["received", "reminded"])
        }
    }

    func testLateCaseIsEscalatedToTheNearestSupervisor() async throws {
        let clock = TestClock(start)
        let mail = RecordingMailSender()
        try await withApp(clock: clock.wall, mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .supervisor, unit: "ROOT", email: "county@test.example")
            try await world.signIn(app, role: .supervisor, unit: "A", email: "area@test.example")
            let item = try await openCase(app, target: "t-a2")
            // The reminder first and the escalation later, as time passes: run at one instant, the two
            // events would share a time and their order in the history would be the database's choice.
            clock.advance(by: 12 * 86_400 + 60)
            try await JobRunner().runDue(app)
            clock.advance(by: 2 * 86_400)
            try await JobRunner().runDue(app)
            let escalations = mail.messages.filter { $0.subject.contains("Myöhässä") }
            XCTAssertEqual(escalations.map(\.to), ["area@test.example"])
            let history = try await events(app, item)
            XCTAssertEqual(history.last, "escalated")
        }
    }

    func testAnsweredCaseGetsNoReminderOrEscalation() async throws {
        let clock = TestClock(start)
        let mail = RecordingMailSender()
        try await withApp(clock: clock.wall, mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A1")
            let item = try await openCase(app)
            _ = try await app.send(.POST, "/api/v1/cases/\(try item.requireID())/close", token: handler)
            clock.advance(by: 20 * 86_400)
            let ran = try await JobRunner().runDue(app)
            XCTAssertEqual(ran, 3, "the reminder, the escalation and the confirmation run and find nothing to do")
            XCTAssertTrue(mail.messages.isEmpty)
            let pending = try await Job.query(on: app.db).filter(\.$doneAt == nil).count()
            XCTAssertEqual(pending, 0)
        }
    }

    func testContactDetailsArePurgedAfterRetentionButAnswersStay() async throws {
        let clock = TestClock(start)
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A1")
            let closed = try await openCase(app)
            let stillOpen = try await openCase(app, target: "t-a2")
            _ = try await app.send(.POST, "/api/v1/cases/\(try closed.requireID())/close", token: handler)
            clock.advance(by: 364 * 86_400)
            let early = try await JobHandlers.purgeContacts(app)
            XCTAssertEqual(early, 0, "kept for the whole retention period")
            clock.advance(by: 2 * 86_400)
            let purged = try await JobHandlers.purgeContacts(app)
            XCTAssertEqual(purged, 1)
            let remaining = try await ResponseContact.query(on: app.db).all().map(\.responseID)
            XCTAssertEqual(remaining, [stillOpen.responseID], "an open case keeps its contact details")
            let answer = try await FeedbackResponse.find(closed.responseID, on: app.db)
            XCTAssertEqual(answer?.recommendation, 2)
            let scheduled = try await Job.query(on: app.db).filter(\.$kind == JobHandlers.purge).count()
            _ = try await JobHandlers.purgeContacts(app)
            let again = try await Job.query(on: app.db).filter(\.$kind == JobHandlers.purge).count()
            XCTAssertEqual(again, scheduled, "tomorrow's purge is scheduled once however often today's runs")
            let tomorrow = CalendarDay(date: clock.wall.now.addingTimeInterval(86_400), timeZone: TimeZone(identifier: "Europe/Helsinki")!)
            let next = try await Job.query(on: app.db).filter(\.$uniqueKey == "\(JobHandlers.purge):\(tomorrow)").count()
            XCTAssertEqual(next, 1)
        }
    }

    func testFailingJobIsRetriedWithBackOffAndThenGivenUp() async throws {
        let clock = TestClock(start)
        try await withApp(clock: clock.wall) { app in
            try await JobQueue.enqueue(kind: "test.fail", runAt: start, maxAttempts: 2, on: app.db)
            let runner = JobRunner(handlers: ["test.fail": { _, _ in throw Abort(.serviceUnavailable, reason: "gateway down") }])
            try await runner.runDue(app)
            var job = try await Job.query(on: app.db).first()
            XCTAssertEqual(job?.attempts, 1)
            XCTAssertNil(job?.failedAt)
            XCTAssertGreaterThan(try XCTUnwrap(job?.runAt), start, "retried later, not at once")
            XCTAssertTrue(job?.lastError?.contains("gateway down") == true)
            let immediately = try await runner.runDue(app)
            XCTAssertEqual(immediately, 0)
            clock.advance(by: 3_600)
            try await runner.runDue(app)
            job = try await Job.query(on: app.db).first()
            XCTAssertEqual(job?.attempts, 2)
            XCTAssertNotNil(job?.failedAt)
        }
    }

    func testTwoInstancesNeverRunTheSameJob() async throws {
        try await withApp { app in
            let count = 60
            for index in 0..<count {
                try await JobQueue.enqueue(kind: "test.count", payload: "{\"n\":\(index)}", runAt: Date().addingTimeInterval(-1), on: app.db)
            }
            // A second instance on the same database, as a second server would be.
            let second = try await Application.make(.testing)
            var settings = KaikuSettings(database: app.kaiku.settings.database, autoMigrate: false)
            settings.encryptionKey = app.kaiku.settings.encryptionKey
            try await configure(second, settings: settings)
            let runs = NIOLockedValueBox<[String: Int]>([:])
            let handler: JobRunner.Handler = { job, _ in
                try await Task.sleep(for: .milliseconds(2))
                runs.withLockedValue { $0[job.payload, default: 0] += 1 }
            }
            do {
                async let first = JobRunner(worker: "instance-1", handlers: ["test.count": handler]).runDue(app)
                async let other = JobRunner(worker: "instance-2", handlers: ["test.count": handler]).runDue(second)
                let (a, b) = try await (first, other)
                XCTAssertEqual(a + b, count)
                XCTAssertGreaterThan(a, 0, "both instances took work")
                XCTAssertGreaterThan(b, 0, "both instances took work")
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
            let counts = runs.withLockedValue { $0 }
            XCTAssertEqual(counts.count, count)
            XCTAssertTrue(counts.values.allSatisfy { $0 == 1 }, "no job ran twice")
        }
    }
}
