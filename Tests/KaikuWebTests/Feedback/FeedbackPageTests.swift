import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `/staff/feedback`: the feed page and its small forms, as a browser uses
/// them — each action returns to the same filtered page at the item.
final class FeedbackPageTests: XCTestCase {
    private func signedIn(_ app: Application, _ world: TestWorld, role: User.Role, unit: String, email: String) async throws -> StaffBrowser {
        try await world.signIn(app, role: role, unit: unit, email: email)
        let browser = StaffBrowser(app)
        try await browser.signIn(email: email)
        return browser
    }

    func testThePageShowsTheFilteredFeedAndOpeningItMarksNothingRead() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let feed = FeedFixture(app: app, clock: clock)
            try await feed.answer("Opasteet olivat hyvät, kiitos 040 123 4567", themes: ["thanks"], sentiment: .positive)
            try await feed.answer("Jonotin tunnin", target: "t-a2", nps: 2, themes: ["access-quality-care"], sentiment: .negative)
            try await feed.answer("Toisen yksikön teksti", target: "t-b1")
            let browser = try await signedIn(app, world, role: .handler, unit: "A", email: "h@test.example")
            let token = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "h@test.example", "password": TestWorld.password])
                .json(AuthController.TokenResponse.self).token

            let page = try await browser.get("/staff/feedback")
            let filtered = try await browser.get("/staff/feedback?theme=thanks&sentiment=positive")
            let english = try await browser.get("/staff/feedback?lang=en")

            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("Jonotin tunnin"))
            XCTAssertTrue(page.text.contains("[puhelinnumero poistettu]"), "masked, the mask in words")
            XCTAssertFalse(page.text.contains("Toisen yksikön teksti"), "another unit's answers never show")
            XCTAssertTrue(page.text.contains(#"href="/staff/feedback""#), "the staff bar links to the feed")
            XCTAssertTrue(page.text.contains(#"href="/staff/feedback.csv""#))
            XCTAssertFalse(filtered.text.contains("Jonotin tunnin"))
            XCTAssertTrue(filtered.text.contains("Opasteet olivat hyvät"))
            XCTAssertTrue(filtered.text.contains(#"href="/staff/feedback.csv?theme=thanks&amp;sentiment=positive""#), "the download keeps the filters")
            XCTAssertTrue(english.text.contains("Mark as read"))
            let unread = try await feed.ids("read=false", token: token)
            XCTAssertEqual(unread.count, 2, "reading the page is not marking read")
        }
    }

    func testEachActionChangesItsItemAndReturnsToTheSameFilteredPage() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let feed = FeedFixture(app: app, clock: clock)
            let id = try await feed.answer("Kiitos hyvästä hoidosta", nps: 10, themes: ["thanks"], sentiment: .positive)
            let browser = try await signedIn(app, world, role: .handler, unit: "A1", email: "h@test.example")
            let userID = try await UserFixtures.id(app, "h@test.example")
            try await browser.get("/staff/feedback?theme=thanks&page=1")
            func post(_ action: String) async throws -> String? {
                let response = try await browser.post("/staff/feedback/\(id.uuidString)/\(action)", form: ["back": "theme=thanks&evil=https://x"])
                XCTAssertEqual(response.status, .seeOther, "\(action): \(response.text)")
                return response.headers.first(name: .location)
            }

            let read = try await post("read")
            let marks = try await FeedbackRead.query(on: app.db).all()
            _ = try await post("flag")
            let flagged = try await FeedbackResponse.find(id, on: app.db)
            _ = try await post("publish")
            let published = try await FeedbackResponse.find(id, on: app.db)
            _ = try await post("withdraw")
            let withdrawn = try await FeedbackResponse.find(id, on: app.db)
            _ = try await post("unflag")
            _ = try await post("unread")
            let unflagged = try await FeedbackResponse.find(id, on: app.db)
            let marksAfter = try await FeedbackRead.query(on: app.db).count()

            XCTAssertEqual(read, "/staff/feedback?theme=thanks&done=read#item-\(id.uuidString)", "back to the filtered page at the item, nothing else")
            XCTAssertEqual(marks.map(\.userID), [userID])
            XCTAssertNotNil(flagged?.flaggedAt)
            XCTAssertEqual(flagged?.flaggedBy, userID)
            XCTAssertNotNil(published?.publishedAt)
            XCTAssertEqual(published?.publicState(publishing: .afterReview), .published)
            XCTAssertEqual(withdrawn?.publicState(publishing: .afterReview), .withdrawn)
            XCTAssertNil(unflagged?.flaggedAt)
            XCTAssertEqual(marksAfter, 0)
            let page = try await browser.get("/staff/feedback?done=unread")
            XCTAssertTrue(page.text.contains("Merkitty lukemattomaksi."))
        }
    }

    func testACorrectionStoresThePersonsThemesAndSchedulesRetraining() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let feed = FeedFixture(app: app, clock: clock)
            let id = try await feed.answer("Parkkipaikkaa ei löytynyt", themes: ["thanks"], sentiment: .positive)
            let browser = try await signedIn(app, world, role: .supervisor, unit: "A", email: "s@test.example")
            try await browser.get("/staff/feedback")

            let response = try await browser.post("/staff/feedback/\(id.uuidString)/classification", fields: [
                ("back", "sentiment=positive"), ("themes[]", "signage-premises"), ("themes[]", "process-guidance"), ("sentiment", "negative"),
            ])

            XCTAssertEqual(response.status, .seeOther, response.text)
            XCTAssertEqual(response.headers.first(name: .location), "/staff/feedback?sentiment=positive&done=classification#item-\(id.uuidString)")
            let found = try await FeedbackResponse.find(id, on: app.db)
            let stored = try XCTUnwrap(found)
            XCTAssertEqual(ResponseInsert.themeCodes(stored.themes), ["signage-premises", "process-guidance"])
            XCTAssertEqual(stored.sentiment, "negative")
            XCTAssertEqual(stored.classifiedWith, ClassificationSource.person.rawValue)
            let supervisor = try await UserFixtures.id(app, "s@test.example")
            XCTAssertEqual(stored.correctedBy, supervisor)
            let jobs = try await Job.query(on: app.db).filter(\.$kind == ClassifierJobs.retrain).count()
            XCTAssertEqual(jobs, 1)
        }
    }

    func testARefusedCorrectionIsShownAgainWithItsReasonAndChangesNothing() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let feed = FeedFixture(app: app, clock: clock)
            let id = try await feed.answer("Kommentti", themes: ["thanks"], sentiment: .positive)
            let browser = try await signedIn(app, world, role: .handler, unit: "A", email: "h@test.example")
            try await browser.get("/staff/feedback?lang=en")

            let unknown = try await browser.post("/staff/feedback/\(id.uuidString)/classification", fields: [
                ("themes[]", "parking"), ("sentiment", "negative"),
            ])
            let noSentiment = try await browser.post("/staff/feedback/\(id.uuidString)/classification", fields: [("themes[]", "thanks")])

            XCTAssertEqual(unknown.status, .badRequest)
            XCTAssertTrue(unknown.text.contains("Choose themes from the list"), unknown.text)
            XCTAssertTrue(unknown.text.contains(#"id="c-\#(id.uuidString)" open"#), "the item's correction stays open")
            XCTAssertTrue(unknown.text.contains(#"aria-describedby="c-\#(id.uuidString)-error""#))
            XCTAssertEqual(noSentiment.status, .badRequest)
            XCTAssertTrue(noSentiment.text.contains("Choose one sentiment"))
            let found = try await FeedbackResponse.find(id, on: app.db)
            XCTAssertEqual(found?.themes, ",thanks,")
            XCTAssertEqual(found?.sentiment, "positive")
            XCTAssertNil(found?.correctedBy)
        }
    }

    func testAnalystsMarkReadOnlyAndNobodyReachesAnotherUnitsAnswer() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let feed = FeedFixture(app: app, clock: clock)
            let ours = try await feed.answer("Meidän", target: "t-a1")
            let theirs = try await feed.answer("Heidän", target: "t-b1")
            let other = try await TestWorld.submit(app, target: "t-x", nps: 1, extra: ["openText": "Toinen kunta"]).id
            let analyst = try await signedIn(app, world, role: .analyst, unit: "A", email: "a@test.example")
            try await analyst.get("/staff/feedback")

            let read = try await analyst.post("/staff/feedback/\(ours.uuidString)/read", form: [:])
            let flag = try await analyst.post("/staff/feedback/\(ours.uuidString)/flag", form: [:])
            try await analyst.get("/staff/feedback")
            let outside = try await analyst.post("/staff/feedback/\(theirs.uuidString)/read", form: [:])
            try await analyst.get("/staff/feedback")
            let otherOrganisation = try await analyst.post("/staff/feedback/\(other.uuidString)/read", form: [:])
            try await analyst.get("/staff/feedback")
            let forged = try await analyst.post("/staff/feedback/\(ours.uuidString)/unread", form: [:], csrf: "forged")

            XCTAssertEqual(read.status, .seeOther)
            XCTAssertEqual(flag.status, .forbidden)
            XCTAssertEqual(outside.status, .notFound)
            XCTAssertEqual(otherOrganisation.status, .notFound)
            XCTAssertEqual(forged.status, .forbidden)
            let page = try await analyst.get("/staff/feedback")
            XCTAssertFalse(page.text.contains("/flag\""), "no flag form for analysts")
            let marks = try await FeedbackRead.query(on: app.db).count()
            XCTAssertEqual(marks, 1)
            let found = try await FeedbackResponse.find(ours, on: app.db)
            XCTAssertNil(found?.flaggedAt)
        }
    }

    func testABadFilterIsExplainedAndTheCSVDownloadKeepsTheFilters() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let feed = FeedFixture(app: app, clock: clock)
            try await feed.answer("Kioskilta", channel: "kiosk")
            try await feed.answer("Verkosta", channel: "web")
            let browser = try await signedIn(app, world, role: .handler, unit: "A", email: "h@test.example")

            let bad = try await browser.get("/staff/feedback?channel=fax&q=x")
            let csv = try await browser.get("/staff/feedback.csv?channel=kiosk")

            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertTrue(bad.text.contains(##"href="#f-channel""##), "the error leads to the filter")
            XCTAssertTrue(bad.text.contains(#"value="x""#), "the other filters stay as given")
            XCTAssertEqual(csv.status, .ok)
            XCTAssertTrue(csv.text.contains("Kioskilta"))
            XCTAssertFalse(csv.text.contains("Verkosta"))
        }
    }

    func testPagesOfFiftyLinkToTheNextAndPrevious() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            let organisationID = try world.organisation.requireID()
            let target = try await Target.query(on: app.db).filter(\.$code == "t-a1").first()
            // Stored directly: 51 submissions through the API would only slow the test down.
            for index in 0..<51 {
                let response = FeedbackResponse()
                response.organisationID = organisationID
                response.targetID = try XCTUnwrap(target?.id)
                response.unitID = try XCTUnwrap(world.units["A1"]?.id)
                response.surveyID = try XCTUnwrap(world.organisation.surveyID)
                response.channel = "web"
                response.language = "fi"
                response.openText = "Kommentti \(index)"
                response.answeredAt = clock.wall.now.addingTimeInterval(Double(index))
                response.receivedAt = response.answeredAt
                response.localDay = CalendarDay(date: response.answeredAt, timeZone: world.organisation.timeZone).rawValue
                response.receipt = ReceiptCode.make()
                response.wantsAnswer = false
                response.hiddenFromPublic = false
                try await response.create(on: app.db)
            }
            let browser = try await signedIn(app, world, role: .handler, unit: "A", email: "h@test.example")

            let first = try await browser.get("/staff/feedback?channel=web")
            let second = try await browser.get("/staff/feedback?channel=web&page=2")

            XCTAssertTrue(first.text.contains("Kommentti 50"))
            XCTAssertFalse(first.text.contains("Kommentti 0<"), "the oldest is on the second page")
            XCTAssertTrue(first.text.contains(#"href="/staff/feedback?channel=web&amp;page=2" rel="next""#), first.text)
            XCTAssertTrue(second.text.contains("Kommentti 0<"))
            XCTAssertTrue(second.text.contains(#"href="/staff/feedback?channel=web" rel="prev""#))
            XCTAssertFalse(second.text.contains(#"rel="next""#))
        }
    }
}
