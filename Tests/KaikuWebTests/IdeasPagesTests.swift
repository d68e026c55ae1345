import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The idea bank's pages: a staff member sends an idea through the form (a
/// refused one comes back with the input and the error linked), everyone
/// lists, counts and comments; administrators and the owner move it on;
/// administrators rename and add categories.
final class IdeasPagesTests: XCTestCase {
    private func signedIn(_ app: Application, _ world: TestWorld, role: User.Role, unit: String, email: String) async throws -> StaffBrowser {
        try await User(organisationID: world.units[unit]!.organisationID, email: email, passwordHash: try await app.password.async.hash(TestWorld.password),
                       role: role, unitID: try world.units[unit]!.requireID()).create(on: app.db)
        let browser = StaffBrowser(app)
        let response = try await browser.signIn(email: email)
        XCTAssertEqual(response.status, .seeOther)
        return browser
    }

    private func idea(_ app: Application, title: String) async throws -> Idea {
        let found = try await Idea.query(on: app.db).filter(\.$title == title).first()
        return try XCTUnwrap(found, "no idea \(title)")
    }

    func testAStaffMemberSendsAnIdeaThroughTheFormAndARefusedFormKeepsTheInput() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let browser = try await signedIn(app, world, role: .handler, unit: "A1", email: "ideoija@test.example")

            let form = try await browser.get("/staff/ideas/new?lang=sv")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.text.contains("Välbefinnande i arbetet"), "Soite's categories, in Swedish")
            XCTAssertTrue(form.text.contains("<option value=\"A1\" selected>"), "the sender's own unit first chosen")

            let refused = try await browser.post("/staff/ideas/new?lang=sv", form: ["title": "", "description": "Jotain <b>tärkeää</b>",
                                                                                  "unit": "A1", "category": "other"])
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("href=\"#f-title\""), "the summary leads to the field")
            XCTAssertTrue(refused.text.contains("aria-describedby=\"f-title-hint f-title-error\""))
            XCTAssertTrue(refused.text.contains("Jotain &lt;b&gt;tärkeää&lt;/b&gt;"), "the description kept, escaped")

            let sent = try await browser.post("/staff/ideas/new", form: ["title": "Jonotusnäyttö", "description": "Näyttö aulaan.",
                                                                       "unit": "A2", "category": "service-processes", "anonymous": "true"])
            XCTAssertEqual(sent.status, .seeOther)
            let stored = try await idea(app, title: "Jonotusnäyttö")
            XCTAssertEqual(sent.headers.first(name: .location), "/staff/ideas/\(try stored.requireID())?done=submitted#notice")
            XCTAssertTrue(stored.anonymous)
            XCTAssertEqual(stored.language, "sv", "the language the sender chose on the pages, for the notes")
            let page = try await browser.get("/staff/ideas/\(try stored.requireID())?done=submitted").text
            XCTAssertTrue(page.contains("id=\"notice\""))
            XCTAssertFalse(page.contains("id=\"handle-form\""), "a handler who does not own it reads and comments only")
            XCTAssertTrue(page.contains("id=\"comment-form\""))
        }
    }

    func testTheListShowsCountsAndFiltersAndAnAdministratorMovesAnIdeaWithComments() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let sender = try await signedIn(app, world, role: .handler, unit: "A1", email: "tekija@test.example")
            try await sender.get("/staff/ideas/new")
            try await sender.post("/staff/ideas/new", form: ["title": "Taukotila", "description": "Lepohuone.", "unit": "A1",
                                                            "category": "wellbeing-at-work"])
            try await sender.get("/staff/ideas/new")
            try await sender.post("/staff/ideas/new", form: ["title": "Sähköinen ajanvaraus", "description": "Verkossa.", "unit": "B1",
                                                            "category": "service-development"])
            let admin = try await signedIn(app, world, role: .administrator, unit: "ROOT", email: "hallinto@test.example")

            let list = try await admin.get("/staff/ideas?category=wellbeing-at-work&lang=en")
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.text.contains("<dd id=\"idea-total\">1</dd>"))
            XCTAssertTrue(list.text.contains("Taukotila"))
            XCTAssertFalse(list.text.contains("Sähköinen ajanvaraus"), "filtered out")
            XCTAssertTrue(list.text.contains("href=\"/staff/ideas.csv?category=wellbeing-at-work\""), "the CSV with the same filters")
            let ignored = try await admin.get("/staff/ideas?status=bogus")
            XCTAssertEqual(ignored.status, .ok, "an unknown filter value is dropped, not an error page")
            XCTAssertTrue(ignored.text.contains("<dd id=\"idea-total\">2</dd>"))
            let csv = try await admin.get("/staff/ideas.csv?unit=B")
            XCTAssertEqual(csv.status, .ok)
            XCTAssertTrue(csv.text.contains("Sähköinen ajanvaraus") && !csv.text.contains("Taukotila"))

            let id = try await idea(app, title: "Taukotila").requireID()
            let page = try await admin.get("/staff/ideas/\(id)")
            XCTAssertTrue(page.text.contains("id=\"handle-form\""))
            XCTAssertTrue(page.text.contains("<option value=\"under-review\">"), "the next step offered")
            XCTAssertFalse(page.text.contains("<option value=\"implemented\">"), "and not one it cannot take")

            let skipped = try await admin.post("/staff/ideas/\(id)/handle", form: ["status": "implemented", "category": "wellbeing-at-work"])
            XCTAssertEqual(skipped.status, .conflict)
            XCTAssertTrue(skipped.text.contains("href=\"#f-status\""))
            let storedStatus = try await idea(app, title: "Taukotila").status
            XCTAssertEqual(storedStatus, "new", "a refused change changes nothing")

            let adminUser = try await User.query(on: app.db).filter(\.$email == "hallinto@test.example").first()
            let adminID = try XCTUnwrap(adminUser).requireID()
            let moved = try await admin.post("/staff/ideas/\(id)/handle", form: ["status": "under-review", "owner": adminID.uuidString,
                                                                                "category": "wellbeing-at-work"])
            XCTAssertEqual(moved.status, .seeOther)
            XCTAssertEqual(mail.messages.map(\.to), ["tekija@test.example"])
            let commented = try await admin.post("/staff/ideas/\(id)/comment", form: ["text": "Selvitetään tilat."])
            XCTAssertEqual(commented.status, .seeOther)
            let empty = try await admin.post("/staff/ideas/\(id)/comment", form: ["text": "  "])
            XCTAssertEqual(empty.status, .badRequest)
            XCTAssertTrue(empty.text.contains("href=\"#f-comment\""))

            try await sender.get("/staff/ideas/\(id)")
            let seen = try await sender.get("/staff/ideas/\(id)").text
            XCTAssertTrue(seen.contains("Selvitetään tilat."), "everyone reads the comments")
            XCTAssertTrue(seen.contains("data-status=\"under-review\""))
            let refused = try await sender.post("/staff/ideas/\(id)/handle", form: ["status": "accepted"])
            XCTAssertEqual(refused.status, .forbidden, "only administrators and the owner handle an idea")
        }
    }

    func testAdministratorsRenameADefaultCategoryAndAddTheirOwnOthersMayNot() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await signedIn(app, world, role: .handler, unit: "A1", email: "kasittelija@test.example")
            let forbidden = try await handler.get("/staff/admin/idea-categories").status
            XCTAssertEqual(forbidden, .forbidden)
            let admin = try await signedIn(app, world, role: .administrator, unit: "ROOT", email: "luokat@test.example")
            let page = try await admin.get("/staff/admin/idea-categories")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("id=\"category-wellbeing-at-work\""))

            let renamed = try await admin.post("/staff/admin/idea-categories/other",
                                               form: ["fi": "Muut ideat", "sv": "Andra idéer", "en": "Other ideas"])
            XCTAssertEqual(renamed.status, .seeOther)
            let added = try await admin.post("/staff/admin/idea-categories", form: ["code": "digital", "fi": "Digitalisaatio",
                                                                                  "sv": "Digitalisering", "en": "Digitalisation"])
            XCTAssertEqual(added.status, .seeOther)
            let taken = try await admin.post("/staff/admin/idea-categories", form: ["code": "other", "fi": "a", "sv": "b", "en": "c"])
            XCTAssertEqual(taken.status, .badRequest)
            XCTAssertTrue(taken.text.contains("href=\"#f-add-code\""))

            let form = try await admin.get("/staff/ideas/new?lang=sv").text
            XCTAssertTrue(form.contains("Andra idéer") && form.contains("Digitalisering"))
            let token = try await world.signIn(app, role: .handler, unit: "A1")
            let created = try await app.send(.POST, "/api/v1/ideas", json: ["title": "Robotti", "description": "x", "unit": "A1", "category": "digital"],
                                             token: token)
            XCTAssertEqual(created.status, .created, "the new category is the API's as well")
            let stats = try await app.send(.GET, "/api/v1/ideas/stats", token: token).json(IdeaStatsDTO.self)
            XCTAssertEqual(stats.categories.last?.category, "digital")
            let actions = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["idea-category.add", "idea-category.rename"]).all().map(\.action)
            XCTAssertEqual(Set(actions), ["idea-category.add", "idea-category.rename"])
        }
    }
}
