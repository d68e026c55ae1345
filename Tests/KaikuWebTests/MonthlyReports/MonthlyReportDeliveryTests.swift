import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import NIOConcurrencyHelpers
import XCTVapor
@testable import KaikuWeb

/// The monthly report end to end on the database: who gets it, that each
/// person gets one per month however many instances and runs try, that its
/// figures are the summary API's, that small groups show nothing, that the
/// unsubscribe link works, and that an SMTP outage is retried.
final class MonthlyReportDeliveryTests: XCTestCase {
    /// Wednesday 2 December 2026, 08:00 in Helsinki: the November report was due the day before.
    static let now = Date(timeIntervalSince1970: 1_796_191_200)
    static let november = ReportMonth(year: 2026, month: 11)!

    /// November: A1 has six answers (shown), A2 two (below the minimum of 5,
    /// with a comment that must never appear). October: A1 five answers.
    /// Staff: supervisors of ROOT and A, a supervisor of B who opted out, a
    /// handler of A1 (no report) and a handler of B who subscribed.
    private func seed(_ app: Application) async throws -> (world: TestWorld, tokens: [String: String]) {
        let world = try await TestWorld.make(on: app)
        for (index, score) in [10, 9, 9, 3, 7, 10].enumerated() {
            try await TestWorld.submit(app, target: "t-a1", nps: score, statements: ["felt_safe": score > 8 ? 5 : 2],
                                       extra: ["answeredAt": "2026-11-\(10 + index)T10:00:00+02:00",
                                               "openText": "Kommentti \(index) A1-yksiköstä, soittakaa 040 1234567"])
        }
        for score in [0, 10] {
            try await TestWorld.submit(app, target: "t-a2", nps: score, extra: ["answeredAt": "2026-11-20T10:00:00+02:00",
                                                                                "openText": "PIENI-RYHMA-SALAISUUS"])
        }
        for score in [10, 10, 9, 6, 8] {
            try await TestWorld.submit(app, target: "t-a1", nps: score, extra: ["answeredAt": "2026-10-15T10:00:00+02:00"])
        }
        var tokens: [String: String] = [:]
        for (role, unit, email) in [(User.Role.supervisor, "ROOT", "sup-root@test.example"), (.supervisor, "A", "sup-a@test.example"),
                                    (.supervisor, "B", "sup-b@test.example"), (.handler, "A1", "handler-a1@test.example"),
                                    (.handler, "B", "handler-b@test.example"), (.supervisor, "A2", "sup-a2@test.example")] {
            tokens[email] = try await world.signIn(app, role: role, unit: unit, email: email)
        }
        try await ReportSubscriptions.set(false, language: nil, for: try await user("sup-b@test.example", app), now: Self.now, on: app.db)
        try await ReportSubscriptions.set(true, language: .sv, for: try await user("handler-b@test.example", app), now: Self.now, on: app.db)
        return (world, tokens)
    }

    private func user(_ email: String, _ app: Application) async throws -> User {
        let found = try await User.query(on: app.db).filter(\.$email == email).first()
        return try XCTUnwrap(found)
    }

    private static let recipients = ["handler-b@test.example", "sup-a2@test.example", "sup-a@test.example", "sup-root@test.example"]

    func testEachRecipientGetsOneReportAcrossTwoInstancesTheJobAndTwoRuns() async throws {
        let mail = RecordingMailSender()
        let clock = TestClock(Self.now)
        try await withApp(clock: clock.wall, mail: mail) { app in
            let (world, _) = try await seed(app)
            // A second instance on the same database, as a second server would be.
            let second = try await Application.make(.testing)
            var settings = KaikuSettings(database: app.kaiku.settings.database, autoMigrate: false)
            settings.encryptionKey = app.kaiku.settings.encryptionKey
            try await configure(second, settings: settings, clock: clock.wall, mail: mail)
            do {
                async let first = MonthlyReportSender.send(organisation: world.organisation, month: Self.november, app: app, worker: "one")
                async let other = MonthlyReportSender.send(organisation: world.organisation, month: Self.november, app: second, worker: "two")
                let (a, b) = try await (first, other)
                XCTAssertEqual(a.sent + b.sent, 4)
                XCTAssertEqual(a.failed + b.failed, 0)
                // The scheduled job of the same month on the second instance, then a second run: nothing more.
                try await MonthlyReportJob.schedule(app, after: Self.now.addingTimeInterval(-3 * 86_400))
                let ran = try await JobRunner(worker: "runner").runDue(second)
                XCTAssertEqual(ran, 2, "one job per organisation")
                let again = try await MonthlyReportSender.send(organisation: world.organisation, month: Self.november, app: app, worker: "three")
                XCTAssertEqual(again, MonthlyReportSender.Outcome())
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()

            XCTAssertEqual(mail.messages.map(\.to).sorted(), Self.recipients, "supervisors, the subscriber; not the one who opted out, nor the handler")
            let deliveries = try await ReportDelivery.query(on: app.db).all()
            XCTAssertEqual(deliveries.count, 4)
            XCTAssertTrue(deliveries.allSatisfy { $0.sentAt != nil && $0.statusValue == .sent && $0.month == 202611 })
            let swedish = try XCTUnwrap(mail.messages.first { $0.to == "handler-b@test.example" })
            XCTAssertTrue(swedish.subject.contains("november 2026"), swedish.subject)
        }
    }

    func testFiguresEqualTheSummaryAPIForTheSameUnitAndMonth() async throws {
        let mail = RecordingMailSender()
        try await withApp(clock: TestClock(Self.now).wall, mail: mail) { app in
            let (world, tokens) = try await seed(app)
            _ = try await MonthlyReportSender.send(organisation: world.organisation, month: Self.november, app: app, worker: "w")
            let email = try XCTUnwrap(mail.messages.first { $0.to == "sup-a@test.example" })
            for (month, from, to) in [("marraskuu 2026", "2026-11-01", "2026-11-30"), ("lokakuu 2026", "2026-10-01", "2026-10-31")] {
                let api = try await app.send(.GET, "/api/v1/reports/summary?unit=A&from=\(from)&to=\(to)", token: tokens["sup-a@test.example"]).object
                let nps = try XCTUnwrap(api["nps"] as? Int)
                let n = try XCTUnwrap(api["n"] as? Int)
                let shown = nps > 0 ? "+\(nps)" : nps < 0 ? "−\(-nps)" : "0"
                XCTAssertTrue(email.body.contains("- \(month): NPS \(shown), vastauksia \(n)\n"), "\(month) NPS \(nps) n \(n) in:\n\(email.body)")
            }
            let api = try await app.send(.GET, "/api/v1/reports/summary?unit=A&from=2026-11-01&to=2026-11-30", token: tokens["sup-a@test.example"]).object
            let statements = try XCTUnwrap(api["statements"] as? [[String: Any]])
            let feltSafe = try XCTUnwrap(statements.first { $0["id"] as? String == "felt_safe" }?["mean"] as? Double)
            XCTAssertTrue(email.body.contains(String(format: "%.1f", feltSafe).replacingOccurrences(of: ".", with: ",") + " (edellinen kuukausi"), email.body)
            // The model itself equals the API figure by figure.
            let shared = try await MonthlyReportQuery.Shared.load(organisation: world.organisation, now: Self.now, baseURL: "https://x", on: app.db)
            let report = try await MonthlyReportQuery.load(root: try XCTUnwrap(world.units["A"]), month: Self.november, language: .fi,
                                                           unsubscribeToken: "t", shared: shared, catalogue: app.kaiku.catalogue, on: app.db)
            XCTAssertEqual(report.current.nps, api["nps"] as? Int)
            XCTAssertEqual(report.current.n, api["n"] as? Int)
            XCTAssertEqual(report.current.promoters, api["promoters"] as? Int)
            XCTAssertEqual(report.current.detractors, api["detractors"] as? Int)
            let trend = try await app.send(.GET, "/api/v1/reports/summary?unit=A&from=2025-11-01&to=2026-11-30&groupBy=month",
                                           token: tokens["sup-a@test.example"]).object
            let groups = try XCTUnwrap(trend["groups"] as? [[String: Any]])
            for group in groups {
                let point = try XCTUnwrap(report.trend.first { $0.month.description == group["key"] as? String })
                XCTAssertEqual(point.nps, group["nps"] as? Int, "\(group)")
                XCTAssertEqual(point.n, group["n"] as? Int)
            }
            XCTAssertEqual(report.trend.count, 13)
        }
    }

    func testASmallGroupShowsNoFigureAndNoComment() async throws {
        let mail = RecordingMailSender()
        try await withApp(clock: TestClock(Self.now).wall, mail: mail) { app in
            let (world, _) = try await seed(app)
            _ = try await MonthlyReportSender.send(organisation: world.organisation, month: Self.november, app: app, worker: "w")
            let forA = try XCTUnwrap(mail.messages.first { $0.to == "sup-a@test.example" })
            XCTAssertTrue(forA.body.contains("- Yksikkö A2: NPS –, n alle 5"), forA.body)
            XCTAssertTrue(forA.body.contains("Kommentti"), "A1's comments are examples")
            XCTAssertTrue(forA.body.contains("[puhelinnumero]") || !forA.body.contains("040 1234567"), "masked")
            let forA2 = try XCTUnwrap(mail.messages.first { $0.to == "sup-a2@test.example" })
            for email in [forA, forA2] {
                for part in [email.body, email.html ?? ""] {
                    XCTAssertFalse(part.contains("PIENI-RYHMA-SALAISUUS"), "no comment from a group below the minimum n")
                    XCTAssertFalse(part.contains("040 1234567"))
                }
            }
            XCTAssertTrue(forA2.body.contains("- marraskuu 2026: NPS –, vastauksia alle 5"), forA2.body)
            XCTAssertTrue(forA2.body.contains(app.kaiku.catalogue.text("monthlyReport.comments.none", .fi)))
        }
    }

    func testUnsubscribeLinkAsksFirstThenStopsTheReports() async throws {
        let mail = RecordingMailSender()
        let clock = TestClock(Self.now)
        try await withApp(clock: clock.wall, mail: mail, adjust: { $0.publicBaseURL = "https://palaute.example.fi" }) { app in
            let (world, _) = try await seed(app)
            _ = try await MonthlyReportSender.send(organisation: world.organisation, month: Self.november, app: app, worker: "w")
            let email = try XCTUnwrap(mail.messages.first { $0.to == "sup-a@test.example" })
            let link = try XCTUnwrap(email.unsubscribeLink)
            XCTAssertTrue(link.hasPrefix("https://palaute.example.fi/staff/reports/unsubscribe/"), link)
            XCTAssertTrue(email.body.contains(link) && (email.html ?? "").contains(link.replacingOccurrences(of: "&", with: "&amp;")))
            XCTAssertTrue(email.body.contains("https://palaute.example.fi/staff/dashboard?unit=A&from=2026-11-01&to=2026-11-30&lang=fi"), email.body)
            let path = String(link.dropFirst("https://palaute.example.fi".count))

            let page = try await app.send(.GET, path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("unsubscribe-form"), "a GET only asks, so that mail scanners unsubscribe no one")
            let supervisor = try await user("sup-a@test.example", app)
            var choice = try await ReportSubscriptions.find(userID: supervisor.requireID(), on: app.db)
            XCTAssertTrue(ReportSubscriptions.receives(supervisor, choice: choice), "still subscribed after the GET")
            let done = try await app.send(.POST, path.components(separatedBy: "?")[0])
            XCTAssertEqual(done.status, .ok)
            XCTAssertTrue(done.text.contains("unsubscribe-done"))
            choice = try await ReportSubscriptions.find(userID: supervisor.requireID(), on: app.db)
            XCTAssertFalse(ReportSubscriptions.receives(supervisor, choice: choice))
            let unknown = try await app.send(.GET, "/staff/reports/unsubscribe/not-a-real-token-at-all-000")
            XCTAssertEqual(unknown.status, .notFound)

            mail.failure = nil
            let december = Self.november.adding(months: 1)
            clock.advance(by: 31 * 86_400)
            _ = try await MonthlyReportSender.send(organisation: world.organisation, month: december, app: app, worker: "w2")
            XCTAssertEqual(mail.messages.filter { $0.to == "sup-a@test.example" }.count, 1, "no December report after unsubscribing")
            XCTAssertEqual(mail.messages.filter { $0.to == "sup-root@test.example" }.count, 2)
        }
    }

    func testSMTPOutageIsRetriedByTheJobWithoutDuplicates() async throws {
        let mail = RecordingMailSender()
        let clock = TestClock(Self.now)
        try await withApp(clock: clock.wall, mail: mail) { app in
            _ = try await seed(app)
            try await MonthlyReportJob.schedule(app, after: Self.now.addingTimeInterval(-3 * 86_400))
            mail.failure = URLError(.cannotConnectToHost)
            let run1 = try await JobRunner(worker: "r").runDue(app)
            XCTAssertEqual(run1, 2)
            XCTAssertEqual(mail.messages.count, 0)
            let waiting = try await ReportDelivery.query(on: app.db).all()
            XCTAssertEqual(waiting.count, 4)
            XCTAssertTrue(waiting.allSatisfy { $0.statusValue == .retrying && $0.sentAt == nil && $0.lastError != nil })

            mail.failure = nil
            let run2 = try await JobRunner(worker: "r").runDue(app)
            XCTAssertEqual(run2, 0, "the retry waits for its back-off")
            clock.advance(by: 60)
            let run3 = try await JobRunner(worker: "r").runDue(app)
            XCTAssertEqual(run3, 1)
            XCTAssertEqual(mail.messages.map(\.to).sorted(), Self.recipients)
            clock.advance(by: 3_600)
            _ = try await JobRunner(worker: "r").runDue(app)
            XCTAssertEqual(mail.messages.count, 4)
            let next = try await Job.query(on: app.db).filter(\.$kind == MonthlyReportJob.kind).filter(\.$doneAt == nil).all()
            XCTAssertEqual(next.count, 2, "the December report is scheduled, one job per organisation")
        }
    }

    func testTheDailyJobQueuesTheMonthlyReportOfOrganisationsSetUpWhileTheServerRuns() async throws {
        try await withApp(clock: TestClock(Self.now).wall) { app in
            _ = try await seed(app)
            let before = try await Job.query(on: app.db).filter(\.$kind == MonthlyReportJob.kind).count()
            try await JobQueue.enqueue(kind: JobHandlers.purge, runAt: Self.now, on: app.db)

            _ = try await JobRunner(worker: "r").runDue(app)

            let after = try await Job.query(on: app.db).filter(\.$kind == MonthlyReportJob.kind).count()
            XCTAssertEqual(before, 0, "the organisations were created after the start")
            XCTAssertEqual(after, 2, "one monthly job per organisation")
        }
    }

    func testStaffSubscribeOnTheirOwnSettingsPage() async throws {
        let mail = RecordingMailSender()
        try await withApp(clock: TestClock(Self.now).wall, mail: mail) { app in
            let (world, _) = try await seed(app)
            let browser = StaffBrowser(app)
            let signedIn = try await browser.signIn(email: "handler-a1@test.example")
            XCTAssertEqual(signedIn.status, .seeOther)
            let page = try await browser.get("/staff/account?lang=en")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("id=\"f-monthlyReport-off\" name=\"monthlyReport\" value=\"off\" aria-describedby=\"f-monthlyReport-hint\" checked"),
                          "a handler gets no report until they subscribe")
            let refused = try await browser.post("/staff/account", form: ["monthlyReport": "maybe", "language": "en"])
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("f-monthlyReport-error"))
            let saved = try await browser.post("/staff/account", form: ["monthlyReport": "on", "language": "en"])
            XCTAssertEqual(saved.status, .seeOther)
            _ = try await MonthlyReportSender.send(organisation: world.organisation, month: Self.november, app: app, worker: "w")
            let email = try XCTUnwrap(mail.messages.first { $0.to == "handler-a1@test.example" })
            XCTAssertEqual(email.subject, "Unit A1: customer feedback, November 2026")
        }
    }

    func testAdministratorsSeeWhatWasSentAndOthersDoNot() async throws {
        let mail = RecordingMailSender()
        try await withApp(clock: TestClock(Self.now).wall, mail: mail) { app in
            let (world, _) = try await seed(app)
            _ = try await MonthlyReportSender.send(organisation: world.organisation, month: Self.november, app: app, worker: "w")
            try await world.signIn(app, role: .administrator, unit: "ROOT", email: "admin@test.example")
            let admin = StaffBrowser(app)
            _ = try await admin.signIn(email: "admin@test.example")
            let page = try await admin.get("/staff/admin/reports?lang=en")
            XCTAssertEqual(page.status, .ok)
            for recipient in Self.recipients { XCTAssertTrue(page.text.contains(recipient), recipient) }
            XCTAssertTrue(page.text.contains("2026-11"))
            XCTAssertTrue(page.text.contains("2.12.2026 08:00"), "sent at, in the organisation's time")
            let supervisor = StaffBrowser(app)
            _ = try await supervisor.signIn(email: "sup-a@test.example")
            let refused = try await supervisor.get("/staff/admin/reports")
            XCTAssertEqual(refused.status, .forbidden)
        }
    }
}
