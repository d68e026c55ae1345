import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// "What we did" notes: supervisors and administrators write them for the
/// units of their part of the tree; only published notes of the unit show on
/// its public figures page, in its widget and in the JSON, newest first, in
/// the reader's language or else in Finnish; every change is audited.
final class UnitNotesTests: XCTestCase {
    private func signedIn(_ app: Application, _ world: TestWorld, role: User.Role = .supervisor, unit: String) async throws -> StaffBrowser {
        let email = "\(role.rawValue)-\(unit.lowercased())-notes@test.example"
        try await User(organisationID: world.units[unit]!.organisationID, email: email, passwordHash: try await app.password.async.hash(TestWorld.password),
                       role: role, unitID: try world.units[unit]!.requireID()).create(on: app.db)
        let browser = StaffBrowser(app)
        let response = try await browser.signIn(email: email)
        XCTAssertEqual(response.status, .seeOther)
        return browser
    }

    private func note(_ app: Application, fi: String) async throws -> UnitNote {
        let found = try await UnitNote.query(on: app.db).filter(\.$textFi == fi).first()
        return try XCTUnwrap(found, "no note \(fi)")
    }

    /// Writes a note for `unit` through the page, published at once or not.
    @discardableResult
    private func write(_ browser: StaffBrowser, unit: String, fi: String, sv: String = "", en: String = "", publish: Bool) async throws -> XCTHTTPResponse {
        try await browser.get("/staff/notes?unit=\(unit)")
        var form = ["unit": unit, "fi": fi, "sv": sv, "en": en]
        if publish { form["publish"] = "true" }
        return try await browser.post("/staff/notes", form: form)
    }

    func testPublishedNotesShowOnTheUnitsPublicPageWidgetAndJSONNewestFirstInTheReadersLanguage() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_780_000_000))
        try await withApp(clock: clock.wall) { app in
            let world = try await TestWorld.make(on: app, minimumN: 3)
            let browser = try await signedIn(app, world, unit: "A")

            let first = try await write(browser, unit: "A1", fi: "Uudet opasteet laboratorioon", sv: "Nya skyltar till laboratoriet", publish: true)
            XCTAssertEqual(first.status, .seeOther)
            clock.advance(by: 600)
            try await write(browser, unit: "A1", fi: "Ajanvarauksen puhelinpalvelu laajeni", publish: true)
            try await write(browser, unit: "A1", fi: "Luonnos jota ei julkaista", publish: false)
            try await write(browser, unit: "A2", fi: "Toisen yksikön tiedote", publish: true)

            let swedish = try await app.send(.GET, "/figures/units/A1?org=test-county&lang=sv")
            XCTAssertEqual(swedish.status, .ok)
            let page = swedish.text
            let newer = try XCTUnwrap(page.range(of: "<p lang=\"fi\">Ajanvarauksen puhelinpalvelu laajeni</p>"), "a note without Swedish shows in Finnish, marked so")
            let older = try XCTUnwrap(page.range(of: "<p lang=\"sv\">Nya skyltar till laboratoriet</p>"), "the Swedish text in Swedish")
            XCTAssertLessThan(newer.lowerBound, older.lowerBound, "newest first")
            XCTAssertFalse(page.contains("Luonnos jota ei julkaista"), "a draft is not public")
            XCTAssertFalse(page.contains("Toisen yksikön tiedote"), "another unit's note is not this unit's")
            XCTAssertTrue(page.contains("Vad vi gjorde utifrån er respons"))

            let widget = try await app.send(.GET, "/widget/units/A1?org=test-county&lang=sv")
            XCTAssertTrue(widget.text.contains("Ajanvarauksen puhelinpalvelu laajeni"))
            XCTAssertTrue(widget.text.contains("Nya skyltar till laboratoriet"))
            XCTAssertFalse(widget.text.contains("Luonnos"))

            let json = try await app.send(.GET, "/api/v1/public/units/A1/figures?org=test-county&lang=en")
            XCTAssertEqual(json.status, .ok)
            struct Figures: Decodable { struct Note: Decodable { var text: String; var language: String; var publishedAt: String }; var notes: [Note] }
            let notes = try json.json(Figures.self).notes
            XCTAssertEqual(notes.map(\.text), ["Ajanvarauksen puhelinpalvelu laajeni", "Uudet opasteet laboratorioon"])
            XCTAssertEqual(notes.map(\.language), ["fi", "fi"], "no English: Finnish, and said so")
        }
    }

    func testWithdrawingEditingAndDeletingChangeThePublicPageAndAreAudited() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 3)
            let browser = try await signedIn(app, world, role: .administrator, unit: "ROOT")
            try await write(browser, unit: "A1", fi: "Ensimmäinen versio", publish: true)
            let id = try await note(app, fi: "Ensimmäinen versio").requireID()

            try await browser.get("/staff/notes/\(id)")
            let edited = try await browser.post("/staff/notes/\(id)", form: ["fi": "Korjattu versio", "en": "Corrected version"])
            XCTAssertEqual(edited.status, .seeOther)
            var page = try await app.send(.GET, "/figures/units/A1?org=test-county&lang=en").text
            XCTAssertTrue(page.contains("Corrected version"))

            try await browser.get("/staff/notes?unit=A1")
            let withdrawn = try await browser.post("/staff/notes/\(id)/withdraw", form: [:]).status
            XCTAssertEqual(withdrawn, .seeOther)
            page = try await app.send(.GET, "/figures/units/A1?org=test-county&lang=en").text
            XCTAssertFalse(page.contains("Corrected version"), "a withdrawn note is not public")
            let list = try await browser.get("/staff/notes?unit=A1&done=withdrawn")
            XCTAssertTrue(list.text.contains("data-state=\"draft\""), "the staff page still lists it")

            let deleted = try await browser.post("/staff/notes/\(id)/delete", form: [:]).status
            XCTAssertEqual(deleted, .seeOther)
            let remaining = try await UnitNote.query(on: app.db).count()
            XCTAssertEqual(remaining, 0)

            let actions = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["note.add", "note.publish", "note.update", "note.withdraw", "note.delete"])
                .all().map { "\($0.action) \($0.subject)" }
            XCTAssertEqual(Set(actions), ["note.add A1", "note.publish A1", "note.update A1", "note.withdraw A1", "note.delete A1"])
        }
    }

    func testHandlersAndAnalystsCannotWriteNotes() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 3)
            for role in [User.Role.handler, .analyst] {
                let browser = try await signedIn(app, world, role: role, unit: "A")
                let page = try await browser.get("/staff/notes?unit=A1")
                XCTAssertEqual(page.status, .forbidden, "\(role)")
                try await browser.get("/staff/dashboard")
                let post = try await browser.post("/staff/notes", form: ["unit": "A1", "fi": "Ei saa", "publish": "true"])
                XCTAssertEqual(post.status, .forbidden, "\(role)")
                let linked = try await browser.get("/staff/dashboard?unit=A").text.contains("id=\"notes-link\"")
                XCTAssertFalse(linked, "no link for \(role)")
            }
            let count = try await UnitNote.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testNotesOutsideTheSignersPartOfTheTreeAreNotFound() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 3)
            let a = try await signedIn(app, world, unit: "A")
            try await write(a, unit: "A1", fi: "A:n tiedote", publish: true)
            let id = try await note(app, fi: "A:n tiedote").requireID()
            let b = try await signedIn(app, world, unit: "B")

            let unitPage = try await b.get("/staff/notes?unit=A1").status
            XCTAssertEqual(unitPage, .notFound)
            try await b.get("/staff/notes")
            let created = try await b.post("/staff/notes", form: ["unit": "A1", "fi": "Vieras"]).status
            XCTAssertEqual(created, .notFound)
            let editPage = try await b.get("/staff/notes/\(id)").status
            XCTAssertEqual(editPage, .notFound)
            try await b.get("/staff/notes")
            let withdrawal = try await b.post("/staff/notes/\(id)/withdraw", form: [:]).status
            XCTAssertEqual(withdrawal, .notFound)
            let stillPublished = try await note(app, fi: "A:n tiedote").publishedAt
            XCTAssertNotNil(stillPublished, "B changed nothing")
            let supervisorLink = try await b.get("/staff/dashboard").text.contains("id=\"notes-link\"")
            XCTAssertTrue(supervisorLink, "a supervisor's dashboard links the notes")
        }
    }

    func testARefusedNoteIsShownAgainWithItsErrorAndNothingIsStored() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 3)
            let browser = try await signedIn(app, world, unit: "A")

            let missing = try await write(browser, unit: "A1", fi: "  ", sv: "Bara svenska", publish: true)
            XCTAssertEqual(missing.status, .badRequest)
            XCTAssertTrue(missing.text.contains("Bara svenska"), "the person's input is kept")
            XCTAssertTrue(missing.text.contains("href=\"#f-fi\""), "the summary leads to the Finnish box")
            XCTAssertTrue(missing.text.contains("aria-invalid=\"true\""))

            let long = try await write(browser, unit: "A1", fi: "Hyvä", en: String(repeating: "x", count: UnitNoteText.maxLength + 1), publish: false)
            XCTAssertEqual(long.status, .badRequest)
            XCTAssertTrue(long.text.contains("href=\"#f-en\""))
            let count = try await UnitNote.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testAClosedUnitsNotesAreNotPublic() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app, minimumN: 3)
            let browser = try await signedIn(app, world, unit: "A")
            try await write(browser, unit: "A1", fi: "Suljetun yksikön tiedote", publish: true)
            let unit = world.units["A"]!
            unit.closed = true
            try await unit.save(on: app.db)

            let page = try await app.send(.GET, "/figures/units/A1?org=test-county&lang=fi")
            XCTAssertFalse(page.text.contains("Suljetun yksikön tiedote"), "A1 is under a closed unit")
        }
    }
}
