import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class StaffPagesTests: XCTestCase {
    private func makeUser(_ app: Application, _ world: TestWorld, role: User.Role, unit: String, email: String) async throws {
        let unitModel = world.units[unit]!
        try await User(organisationID: unitModel.organisationID, email: email, passwordHash: try await app.password.async.hash(TestWorld.password),
                       role: role, unitID: try unitModel.requireID()).create(on: app.db)
    }

    private func openCase(_ app: Application, target: String, text: String? = nil, channel: String = "web") async throws -> FeedbackCase {
        var extra: [String: Any] = ["contact": ["email": "asiakas@example.fi"], "wantsAnswer": true]
        if let text { extra["openText"] = text }
        let receipt = try await TestWorld.submit(app, target: target, nps: 4, channel: channel, extra: extra)
        let stored = try await FeedbackCase.query(on: app.db).filter(\.$receipt == receipt.receipt).first()
        return try XCTUnwrap(stored)
    }

    func testSignedOutVisitorIsSentToTheSignInPageAndBack() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await makeUser(app, world, role: .handler, unit: "A", email: "h@test.example")
            let browser = StaffBrowser(app)

            let inbox = try await browser.get("/staff?status=all")
            XCTAssertEqual(inbox.status, .seeOther)
            XCTAssertEqual(inbox.headers.first(name: .location), "/staff/login?next=%2Fstaff%3Fstatus%3Dall")

            try await browser.get("/staff/login?next=%2Fstaff%3Fstatus%3Dall")
            let signedIn = try await browser.post("/staff/login", form: ["email": "h@test.example", "password": TestWorld.password, "next": "/staff?status=all"])
            XCTAssertEqual(signedIn.status, .seeOther)
            XCTAssertEqual(signedIn.headers.first(name: .location), "/staff?status=all")
            let page = try await browser.get("/staff?status=all")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("h@test.example"))
        }
    }

    func testSignInRefusesAWrongPasswordAndAFormWithoutItsCookieToken() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await makeUser(app, world, role: .handler, unit: "A", email: "h@test.example")
            let browser = StaffBrowser(app)

            let wrong = try await browser.signIn(email: "h@test.example", password: "not-the-password")
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertTrue(wrong.text.contains("Sähköpostiosoite tai salasana on väärin."), wrong.text)
            XCTAssertNil(browser.cookies[StaffSession.cookie])

            // A page on another site can post the form, but cannot know the cookie's value.
            let forged = StaffBrowser(app)
            let response = try await forged.post("/staff/login", form: ["email": "h@test.example", "password": TestWorld.password], csrf: "guessed")
            XCTAssertEqual(response.status, .forbidden)
            XCTAssertNil(forged.cookies[StaffSession.cookie])
        }
    }

    func testSessionCookieIsHttpOnlyAndSecureExceptOnLoopback() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await makeUser(app, world, role: .handler, unit: "A", email: "h@test.example")

            let remote = StaffBrowser(app, host: "palaute.example.fi")
            let overTLS = try await remote.signIn(email: "h@test.example")
            let local = StaffBrowser(app, host: "127.0.0.1:8080")
            let onLoopback = try await local.signIn(email: "h@test.example")

            let remoteCookie = try XCTUnwrap(overTLS.headers[.setCookie].first { $0.hasPrefix("\(StaffSession.cookie)=") })
            XCTAssertTrue(remoteCookie.contains("Secure"), remoteCookie)
            XCTAssertTrue(remoteCookie.contains("HttpOnly"), remoteCookie)
            XCTAssertTrue(remoteCookie.contains("SameSite=Lax"), remoteCookie)
            let localCookie = try XCTUnwrap(onLoopback.headers[.setCookie].first { $0.hasPrefix("\(StaffSession.cookie)=") })
            XCTAssertFalse(localCookie.contains("Secure"), localCookie)
            XCTAssertTrue(localCookie.contains("HttpOnly"), localCookie)
        }
    }

    func testInboxShowsOnlyTheHandlersUnitsWithLateCasesMarkedAndFilters() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            try await makeUser(app, world, role: .handler, unit: "A", email: "h@test.example")
            let early = try await openCase(app, target: "t-a1", text: "Odotin pitkään")
            clock.advance(by: 10 * 86_400)
            let recent = try await openCase(app, target: "t-a2", channel: "paper")
            let elsewhere = try await openCase(app, target: "t-b1")
            clock.advance(by: 5 * 86_400)
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "h@test.example")

            let inbox = try await browser.get("/staff?lang=en")

            XCTAssertTrue(inbox.text.contains(early.receipt))
            XCTAssertTrue(inbox.text.contains(recent.receipt))
            XCTAssertFalse(inbox.text.contains(elsewhere.receipt), "another unit's case is not listed")
            XCTAssertTrue(inbox.text.contains("2 cases: 1 late, 0 due within two days."), inbox.text)
            let lateRow = try XCTUnwrap(inbox.text.components(separatedBy: "<tr").first { $0.contains(early.receipt) })
            XCTAssertTrue(lateRow.contains("badge-late"))
            XCTAssertTrue(lateRow.contains("Odotin pitkään"))
            XCTAssertLessThan(try XCTUnwrap(inbox.text.range(of: early.receipt)).lowerBound, try XCTUnwrap(inbox.text.range(of: recent.receipt)).lowerBound,
                              "earliest due first")

            let onlyA2 = try await browser.get("/staff?unit=A2")
            XCTAssertFalse(onlyA2.text.contains(early.receipt))
            XCTAssertTrue(onlyA2.text.contains(recent.receipt))
            let onlyLate = try await browser.get("/staff?due=late")
            XCTAssertTrue(onlyLate.text.contains(early.receipt))
            XCTAssertFalse(onlyLate.text.contains(recent.receipt))
            let onlyPaper = try await browser.get("/staff?channel=paper")
            XCTAssertFalse(onlyPaper.text.contains(early.receipt))
            XCTAssertTrue(onlyPaper.text.contains(recent.receipt))
            let notMine = try await browser.get("/staff?mine=1")
            XCTAssertFalse(notMine.text.contains(early.receipt), "nobody has taken it yet")
            let foreignUnit = try await browser.get("/staff?unit=B1")
            XCTAssertEqual(foreignUnit.status, .notFound)
        }
    }

    func testInboxFiltersByTheThemeFoundInTheOpenText() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await makeUser(app, world, role: .handler, unit: "A", email: "h@test.example")
            let parking = try await openCase(app, target: "t-a1", text: "Pysäköintialue oli täynnä eikä opasteista ollut apua.")
            let thanks = try await openCase(app, target: "t-a2", text: "Kiitos ystävällisestä palvelusta!")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "h@test.example")

            let premises = try await browser.get("/staff?theme=signage-premises&lang=en")
            let grateful = try await browser.get("/staff?theme=thanks")

            XCTAssertTrue(premises.text.contains(parking.receipt))
            XCTAssertFalse(premises.text.contains(thanks.receipt))
            XCTAssertTrue(premises.text.contains("Signage and premises"), "the row names its themes")
            XCTAssertTrue(grateful.text.contains(thanks.receipt))
            XCTAssertFalse(grateful.text.contains(parking.receipt))
        }
    }

    func testTheMenuOffersOnlyThePagesTheRoleMayOpen() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let pages = ["/staff/entry", "/staff/kiosks", "/staff/sms-survey"]
            for (role, offered) in [(User.Role.supervisor, pages), (.handler, ["/staff/entry"]), (.analyst, [])] {
                let email = "\(role.rawValue)@menu.example"
                try await makeUser(app, world, role: role, unit: "A", email: email)
                let browser = StaffBrowser(app)
                try await browser.signIn(email: email)

                let inbox = try await browser.get("/staff")

                for page in pages {
                    let linked = inbox.text.contains("<a href=\"\(page)\">")
                    XCTAssertEqual(linked, offered.contains(page), "\(role) and \(page)")
                    let opened = try await browser.get(page)
                    XCTAssertEqual(opened.status == .ok, linked, "\(role): the menu offers \(page) exactly when it opens (\(opened.status))")
                }
            }
        }
    }

    func testSupervisorSeesHowTheUnitsKeepThePromiseAndAHandlerDoesNot() async throws {
        let clock = TestClock()
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app)
            try await makeUser(app, world, role: .supervisor, unit: "A", email: "s@test.example")
            try await makeUser(app, world, role: .handler, unit: "A", email: "h@test.example")
            _ = try await openCase(app, target: "t-a1")
            let answered = try await openCase(app, target: "t-a2")
            _ = try await openCase(app, target: "t-b1")
            clock.advance(by: 20 * 86_400)
            let closed = try await openCase(app, target: "t-a2")
            clock.advance(by: 3_600)
            let supervisor = StaffBrowser(app)
            try await supervisor.signIn(email: "s@test.example")
            try await supervisor.get("/staff/cases/\(closed.id!.uuidString)")
            try await supervisor.post("/staff/cases/\(closed.id!.uuidString)/close", form: ["note": "Hoidettu puhelimitse"])
            _ = answered

            let page = try await supervisor.get("/staff?lang=en")
            let handler = StaffBrowser(app)
            try await handler.signIn(email: "h@test.example")
            let handlersPage = try await handler.get("/staff?lang=en")

            let panel = try XCTUnwrap(page.text.range(of: #"<dl class="figures" id="statistics">.*?</dl>"#, options: .regularExpression).map { String(page.text[$0]) })
            func figure(_ label: String) -> String? {
                panel.range(of: "<dt>\(label)</dt><dd>([^<]*)</dd>", options: .regularExpression).map { String(panel[$0]) }
                    .flatMap { $0.components(separatedBy: "<dd>").last?.replacingOccurrences(of: "</dd>", with: "") }
            }
            XCTAssertEqual(figure("Waiting for an answer"), "2", "two of unit A's cases, not B's")
            XCTAssertEqual(figure("Late"), "2")
            XCTAssertEqual(figure("Handled"), "1")
            XCTAssertEqual(figure("Median handling time"), "1 h")
            XCTAssertEqual(figure("Promise kept"), "100 %")
            XCTAssertFalse(handlersPage.text.contains("id=\"statistics\""))
        }
    }

    func testHandlerTakesNotesAndAnswersFromTheCasePageAndTheCaseCloses() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            try await makeUser(app, world, role: .handler, unit: "A1", email: "h@test.example")
            let item = try await openCase(app, target: "t-a1", text: "Soittakaa minulle 040 123 4567")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "h@test.example")
            let path = "/staff/cases/\(item.id!.uuidString)"

            let page = try await browser.get(path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("asiakas@example.fi"))
            XCTAssertTrue(page.text.contains("Soittakaa minulle [puhelinnumero poistettu]"), "masked data is shown in words")
            let taken = try await browser.post("\(path)/take", form: [:])
            XCTAssertEqual(taken.headers.first(name: .location), "\(path)?done=take#notice")
            let noted = try await browser.post("\(path)/notes", form: ["text": "Tarkistan ajanvarauksen <b>tänään</b>"])
            XCTAssertEqual(noted.status, .seeOther)
            let preview = try await browser.post("\(path)/answer", form: ["channel": "email", "subject": "", "template": "", "text": "Hei, korjasimme asian."])
            XCTAssertEqual(preview.status, .ok, "the answer is shown for a last look first")
            XCTAssertTrue(mail.messages.isEmpty)
            let answered = try await browser.post("\(path)/send", form: ["channel": "email", "subject": "", "template": "", "text": "Hei, korjasimme asian."])
            XCTAssertEqual(answered.headers.first(name: .location), "\(path)?done=answer#notice")

            let after = try await browser.get("\(path)?done=answer")
            XCTAssertTrue(after.text.contains("Vastaus lähetetty ja palaute suljettu."))
            XCTAssertTrue(after.text.contains("Tarkistan ajanvarauksen &lt;b&gt;tänään&lt;/b&gt;"), "notes are shown escaped")
            XCTAssertFalse(after.text.contains("id=\"answer-form\""), "a closed case has no answer form")
            XCTAssertEqual(mail.messages.map(\.to), ["asiakas@example.fi"])
            let stored = try await FeedbackCase.find(item.id, on: app.db)
            XCTAssertEqual(stored?.status, "closed")
            let kinds = try await CaseEvent.query(on: app.db).filter(\.$caseID == item.id!).sort(\.$at).all().map(\.kind)
            XCTAssertEqual(kinds, ["received", "taken", "note", "answered", "closed"])
            let views = try await AccessLogEntry.query(on: app.db).filter(\.$caseID == item.id!).count()
            XCTAssertEqual(views, 2, "each view of the contact details is logged")
        }
    }

    func testFormPostWithoutTheSessionsCSRFTokenChangesNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await makeUser(app, world, role: .handler, unit: "A1", email: "h@test.example")
            let item = try await openCase(app, target: "t-a1")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "h@test.example")

            let missing = try await browser.post("/staff/cases/\(item.id!.uuidString)/take", form: [:], csrf: .some(nil))
            let wrong = try await browser.post("/staff/cases/\(item.id!.uuidString)/close", form: [:], csrf: "0000")

            XCTAssertEqual(missing.status, .forbidden)
            XCTAssertEqual(wrong.status, .forbidden)
            let stored = try await FeedbackCase.find(item.id, on: app.db)
            XCTAssertEqual(stored?.status, "open")
            XCTAssertNil(stored?.assigneeID)
        }
    }

    func testAnotherUnitsCaseIsNotFoundAndARefusedStepIsExplained() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await makeUser(app, world, role: .handler, unit: "B", email: "b@test.example")
            try await makeUser(app, world, role: .handler, unit: "A1", email: "a@test.example")
            let item = try await openCase(app, target: "t-a1")
            let outsider = StaffBrowser(app)
            try await outsider.signIn(email: "b@test.example")

            try await outsider.get("/staff")
            let take = try await outsider.post("/staff/cases/\(item.id!.uuidString)/take", form: [:])
            let page = try await outsider.get("/staff/cases/\(item.id!.uuidString)")
            XCTAssertEqual(page.status, .notFound)
            XCTAssertEqual(take.status, .notFound)
            let views = try await AccessLogEntry.query(on: app.db).count()
            XCTAssertEqual(views, 0)

            let handler = StaffBrowser(app)
            try await handler.signIn(email: "a@test.example")
            try await handler.get("/staff/cases/\(item.id!.uuidString)?lang=en")
            let empty = try await handler.post("/staff/cases/\(item.id!.uuidString)/notes", form: ["text": "   "])
            XCTAssertEqual(empty.status, .badRequest)
            XCTAssertTrue(empty.text.contains("Write some text"), empty.text)
        }
    }

    func testSignOutEndsTheSession() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await makeUser(app, world, role: .handler, unit: "A", email: "h@test.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "h@test.example")
            let session = try XCTUnwrap(browser.cookies[StaffSession.cookie])
            try await browser.get("/staff")

            let out = try await browser.post("/staff/logout", form: [:])

            XCTAssertEqual(out.headers.first(name: .location), "/staff/login")
            let remaining = try await UserToken.query(on: app.db).filter(\.$tokenHash == TokenHash.of(session)).count()
            XCTAssertEqual(remaining, 0, "the session is gone from the database, not just from the browser")
            let replay = try await app.sendRequest(.GET, "/staff", headers: ["Cookie": "\(StaffSession.cookie)=\(session)"])
            XCTAssertEqual(replay.status, .seeOther)
        }
    }

    func testStaffPagesSpeakFinnishSwedishAndEnglishAndRememberTheChoice() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await makeUser(app, world, role: .handler, unit: "A", email: "h@test.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "h@test.example")

            let finnish = try await browser.get("/staff")
            let swedish = try await browser.get("/staff?lang=sv")
            let remembered = try await browser.get("/staff")
            let english = try await browser.get("/staff?lang=en")

            XCTAssertTrue(finnish.text.contains("<html lang=\"fi\">") && finnish.text.contains("Saapuneet palautteet"))
            XCTAssertTrue(swedish.text.contains("<html lang=\"sv\">") && swedish.text.contains("Inkommen respons"))
            XCTAssertTrue(remembered.text.contains("<html lang=\"sv\">"))
            XCTAssertTrue(english.text.contains("<html lang=\"en\">") && english.text.contains("Feedback inbox"))
        }
    }
}
