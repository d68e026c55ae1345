import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `/staff/admin/survey`: the draft is edited with form posts, previewed in
/// each offered language and published as a new version.
final class SurveyEditorPageTests: XCTestCase {
    private func signedInAdministrator(_ app: Application) async throws -> (TestWorld, StaffBrowser) {
        let world = try await TestWorld.make(on: app)
        try await world.signIn(app, role: .administrator, unit: "ROOT", email: "admin@editor.example")
        let browser = StaffBrowser(app)
        try await browser.signIn(email: "admin@editor.example")
        return (world, browser)
    }

    private func versionInForce(_ app: Application, _ world: TestWorld) async throws -> Int {
        let found = try await Organisation.find(world.organisation.id, on: app.db)
        let organisation = try XCTUnwrap(found)
        return try await SurveyStore.current(for: organisation, on: app.db).version
    }

    /// A statement and a choice, as the editor's form carries them.
    private let draft: [String: String] = [
        "q0_type": "scale1to5", "q0_id": "parking", "q0_fi": "Pysäköinti oli helppoa.", "q0_sv": "Det var lätt att parkera.",
        "q0_en": "Parking was easy.",
        "q1_type": "choice", "q1_id": "visit_kind", "q1_fi": "Kävitkö ensimmäistä kertaa?", "q1_sv": "Var det ditt första besök?",
        "q1_en": "Was it your first visit?",
        "q1_o0_id": "first", "q1_o0_fi": "Kyllä", "q1_o0_sv": "Ja", "q1_o0_en": "Yes",
        "q1_o1_id": "again", "q1_o1_fi": "En", "q1_o1_sv": "Nej", "q1_o1_en": "No",
    ]

    private func form(_ action: String, _ changes: [String: String] = [:]) -> [String: String] {
        draft.merging(changes) { $1 }.merging(["action": action]) { $1 }
    }

    func testTheEditorShowsTheCoreReadOnlyAndEditsTheDraftWithoutPublishingIt() async throws {
        try await withApp { app in
            let (world, browser) = try await signedInAdministrator(app)
            let page = try await browser.get("/staff/admin/survey?lang=en")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("National core (THL) – cannot be edited"), page.text)
            XCTAssertTrue(page.text.contains(#"data-question="felt_safe""#))
            XCTAssertFalse(page.text.contains(#"name="q0_id""#), "no own questions yet")

            let added = try await browser.post("/staff/admin/survey", form: ["action": "add-choice"])
            XCTAssertEqual(added.status, .ok)
            XCTAssertTrue(added.text.contains(#"name="q0_o1_id""#), "a new choice starts with two options")
            XCTAssertTrue(added.text.contains("<legend>Question 1: choice</legend>"), added.text)

            let reordered = try await browser.post("/staff/admin/survey", form: form("down-0"))
            let first = try XCTUnwrap(reordered.text.range(of: #"value="visit_kind""#))
            let second = try XCTUnwrap(reordered.text.range(of: #"value="parking""#))
            XCTAssertLessThan(first.lowerBound, second.lowerBound, "the choice moved above the statement")

            let removed = try await browser.post("/staff/admin/survey", form: form("remove-0"))
            XCTAssertFalse(removed.text.contains(#"value="parking""#))
            XCTAssertTrue(removed.text.contains(#"value="visit_kind""#))
            let fewerOptions = try await browser.post("/staff/admin/survey", form: form("addOption-1"))
            XCTAssertTrue(fewerOptions.text.contains(#"name="q1_o2_id""#))

            let version = try await versionInForce(app, world)
            XCTAssertEqual(version, 1, "editing publishes nothing")
        }
    }

    func testPreviewShowsTheSurveyInEachOfferedLanguageAndPublishMakesANewVersion() async throws {
        try await withApp { app in
            let (world, browser) = try await signedInAdministrator(app)
            _ = try await browser.get("/staff/admin/survey?lang=fi")
            let preview = try await browser.post("/staff/admin/survey", form: form("preview"))
            XCTAssertEqual(preview.status, .ok, preview.text)
            XCTAssertTrue(preview.text.contains(#"<ol lang="sv">"#), preview.text)
            XCTAssertTrue(preview.text.contains("Det var lätt att parkera."))
            XCTAssertTrue(preview.text.contains("Was it your first visit?"))

            let published = try await browser.post("/staff/admin/survey", form: form("publish"))
            XCTAssertEqual(published.status, .seeOther)
            let location = try XCTUnwrap(published.headers.first(name: .location))
            XCTAssertTrue(location.hasSuffix("/staff/admin/survey?published=2"), location)
            let after = try await browser.get(location)
            XCTAssertTrue(after.text.contains("Versio 2 on julkaistu"), after.text)
            XCTAssertTrue(after.text.contains("admin@editor.example"), "the version history names who published it")
            XCTAssertTrue(after.text.contains(#"value="parking""#), "the editor starts from the version in force")
            let version = try await versionInForce(app, world)
            XCTAssertEqual(version, 2)

            let form = try await app.sendRequest(.GET, "/f/t-a1?lang=sv")
            XCTAssertTrue(form.text.contains("Det var lätt att parkera."))
            XCTAssertTrue(form.text.contains(#"<legend>Var det ditt första besök?</legend>"#), form.text)
            XCTAssertTrue(form.text.contains(#"name="c_visit_kind""#))
        }
    }

    func testARefusedDraftComesBackWithItsInputAndAnErrorLinkedToTheField() async throws {
        try await withApp { app in
            let (world, browser) = try await signedInAdministrator(app)
            _ = try await browser.get("/staff/admin/survey?lang=en")
            let refused = try await browser.post("/staff/admin/survey", form: form("publish", ["q1_o0_sv": "", "q0_id": "parking"]))
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains(##"href="#q1_o0_sv""##), refused.text)
            XCTAssertTrue(refused.text.contains("Question 2, option 1, text in Swedish"), refused.text)
            XCTAssertTrue(refused.text.contains(#"aria-describedby="q1_o0_sv-error""#))
            XCTAssertTrue(refused.text.contains(#"value="Pysäköinti oli helppoa.""#), "the person's input is kept")
            let core = try await browser.post("/staff/admin/survey", form: form("publish", ["q0_id": "felt_safe"]))
            XCTAssertEqual(core.status, .badRequest)
            XCTAssertTrue(core.text.contains(##"href="#q0_id""##))
            let version = try await versionInForce(app, world)
            XCTAssertEqual(version, 1)
        }
    }

    func testOnlyAnAdministratorOfTheWholeOrganisationOpensTheEditor() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .supervisor, unit: "ROOT", email: "supervisor@editor.example")
            try await world.signIn(app, role: .administrator, unit: "A", email: "unit-admin@editor.example")
            for email in ["supervisor@editor.example", "unit-admin@editor.example"] {
                let browser = StaffBrowser(app)
                try await browser.signIn(email: email)
                let page = try await browser.get("/staff/admin/survey")
                XCTAssertEqual(page.status, .forbidden, email)
                let post = try await browser.post("/staff/admin/survey", form: form("publish"))
                XCTAssertEqual(post.status, .forbidden, email)
            }
            let anonymous = try await app.sendRequest(.GET, "/staff/admin/survey")
            XCTAssertEqual(anonymous.status, .seeOther)
        }
    }

    func testTheFormKioskSurveyAndStaffEntryTakeOwnAnswers() async throws {
        try await withApp { app in
            let (world, browser) = try await signedInAdministrator(app)
            _ = try await browser.get("/staff/admin/survey")
            var withOpen = form("publish")
            withOpen.merge(["q2_type": "text", "q2_id": "improve", "q2_fi": "Mitä parantaisit?", "q2_sv": "Vad skulle du förbättra?",
                            "q2_en": "What would you improve?"]) { $1 }
            _ = try await browser.post("/staff/admin/survey", form: withOpen)

            let page = try await app.sendRequest(.GET, "/f/t-a1")
            let token = try XCTUnwrap(page.text.range(of: #"name="formToken" value="([^"]+)""#, options: .regularExpression)
                .map { String(page.text[$0].split(separator: "\"")[3]) })
            XCTAssertTrue(page.text.contains(#"<label for="t_improve" class="label">Mitä parantaisit?</label>"#), page.text)
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let body = "lang=fi&formToken=\(token)&nps=8&q_parking=4&c_visit_kind=again&t_improve=Penkkej%C3%A4"
            let sent = try await app.sendRequest(.POST, "/f/t-a1", headers: headers, body: ByteBuffer(string: body))
            XCTAssertEqual(sent.status, .seeOther, sent.text)
            let stored = try await FeedbackResponse.query(on: app.db).all()
            XCTAssertEqual(stored.count, 1)
            XCTAssertEqual(OwnAnswers.decode(stored.first?.ownAnswers), ["visit_kind": "again", "improve": "Penkkejä"])

            let entry = try await browser.get("/staff/entry?lang=en")
            XCTAssertTrue(entry.text.contains(#"name="c_visit_kind""#), entry.text)
            XCTAssertTrue(entry.text.contains(#"<label for="f-t_improve">What would you improve?</label>"#))
            _ = world
        }
    }
}
