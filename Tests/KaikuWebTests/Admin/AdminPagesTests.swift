import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The settings, reply template, referral text and audit log pages under `/staff/admin`.
final class AdminPagesTests: XCTestCase {
    private func administrator(_ app: Application) async throws -> (StaffBrowser, TestWorld) {
        let world = try await TestWorld.make(on: app)
        try await world.signIn(app, role: .administrator, unit: "ROOT", email: "admin@pages.example")
        let browser = StaffBrowser(app)
        try await browser.signIn(email: "admin@pages.example")
        return (browser, world)
    }

    private let settingsForm: [(String, String)] = [
        ("promiseDays", "5"), ("promiseIn", "workingDays"), ("retentionDays", "365"), ("minimumN", "5"),
        ("publishOpenText", "afterReview"), ("languages[]", "sv"),
    ]

    func testAnAdministratorSetsAPromiseInWorkingDaysOnTheSettingsPage() async throws {
        try await withApp { app in
            let (admin, world) = try await administrator(app)
            try await admin.get("/staff/admin/settings?lang=en")

            let saved = try await admin.post("/staff/admin/settings", fields: settingsForm)
            let after = try await admin.get("/staff/admin/settings?saved=1")

            XCTAssertEqual(saved.status, .seeOther, saved.text)
            XCTAssertTrue(after.text.contains("id=\"notice\""), after.text)
            XCTAssertTrue(after.text.contains(#"id="f-promiseIn-workingDays" name="promiseIn" value="workingDays" checked"#), after.text)
            let organisation = try await Organisation.find(world.organisation.id, on: app.db)
            XCTAssertEqual(organisation?.promiseDays, 5)
            XCTAssertEqual(organisation?.promiseCounting, .workingDays)
            XCTAssertEqual(organisation?.offeredLanguages, [.fi, .sv])
            let entry = try await AuditEntry.query(on: app.db).filter(\.$action == "settings.update").first()
            XCTAssertEqual(entry?.actor, "admin@pages.example")
            XCTAssertEqual(entry?.after, #"{"languages":["fi","sv"],"promiseDays":5,"promiseIn":"workingDays"}"#)
        }
    }

    func testARefusedSettingIsShownAgainWithItsErrorAndNothingIsSaved() async throws {
        try await withApp { app in
            let (admin, world) = try await administrator(app)
            try await admin.get("/staff/admin/settings?lang=fi")

            let refused = try await admin.post("/staff/admin/settings", fields: settingsForm.map { $0.0 == "promiseDays" ? ("promiseDays", "120") : $0 })

            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("href=\"#f-promiseDays\""), "the summary links to the field")
            XCTAssertTrue(refused.text.contains("aria-describedby=\"f-promiseDays-error\""), refused.text)
            XCTAssertTrue(refused.text.contains("value=\"120\""), "what was typed is shown again")
            XCTAssertTrue(refused.text.contains("Anna vastauslupaus kokonaislukuna"), refused.text)
            let organisation = try await Organisation.find(world.organisation.id, on: app.db)
            XCTAssertEqual(organisation?.promiseDays, 14)
            let entries = try await AuditEntry.query(on: app.db).count()
            XCTAssertEqual(entries, 0)
        }
    }

    func testTheAdministrationPagesAreForAdministratorsOfTheWholeOrganisation() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            for (role, unit) in [(KaikuStore.User.Role.administrator, "A"), (.handler, "ROOT")] {
                let email = "\(role.rawValue)-\(unit)@pages.example".lowercased()
                try await world.signIn(app, role: role, unit: unit, email: email)
                let browser = StaffBrowser(app)
                try await browser.signIn(email: email)
                for path in ["/staff/admin/settings", "/staff/admin/audit-log", "/staff/admin/audit-log.csv", "/staff/admin/templates",
                             "/staff/admin/templates/new", "/staff/admin/referral-texts"] {
                    let refused = try await browser.get(path)
                    XCTAssertEqual(refused.status, .forbidden, "\(role) of \(unit): \(path)")
                }
            }
        }
    }

    func testATemplateIsPreviewedWithASampleReceiptBeforeItIsSaved() async throws {
        try await withApp { app in
            let (admin, _) = try await administrator(app)
            try await admin.get("/staff/admin/templates/new?lang=en")
            let fields = [("name", "Kiitos"), ("language", "fi"), ("subject", "Palautteesi {receipt}"), ("body", "Kiitos!\n\n{organisation}")]

            let preview = try await admin.post("/staff/admin/templates/new", fields: fields + [("intent", "preview")])
            let storedAfterPreview = try await ReplyTemplate.query(on: app.db).count()
            let saved = try await admin.post("/staff/admin/templates/new", fields: fields + [("intent", "save")])

            XCTAssertEqual(preview.status, .ok, preview.text)
            XCTAssertTrue(preview.text.contains(#"<dd id="preview-subject">Palautteesi K7Q4MX2P</dd>"#), preview.text)
            XCTAssertTrue(preview.text.contains("test-county fi"), "the organisation's name in the template's language")
            XCTAssertEqual(storedAfterPreview, 0, "a preview saves nothing")
            XCTAssertEqual(saved.status, .seeOther)
            let stored = try await ReplyTemplate.query(on: app.db).first()
            let template = try XCTUnwrap(stored)
            let edit = try await admin.get("/staff/admin/templates/\(try template.requireID())?saved=1")
            XCTAssertTrue(edit.text.contains("id=\"preview\""))
            XCTAssertTrue(edit.text.contains("id=\"notice\""))
            let list = try await admin.get("/staff/admin/templates")
            XCTAssertTrue(list.text.contains(">Kiitos</a>"), list.text)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action == "template.create").count()
            XCTAssertEqual(audited, 1)
        }
    }

    func testATemplateIsEditedAndRemovedOnItsPage() async throws {
        try await withApp { app in
            let (admin, world) = try await administrator(app)
            let template = ReplyTemplate(organisationID: try world.organisation.requireID(), name: "Vanha", language: "fi", subject: "S", body: "B")
            try await template.create(on: app.db)
            let id = try template.requireID()
            try await admin.get("/staff/admin/templates/\(id)")

            let refused = try await admin.post("/staff/admin/templates/\(id)", fields: [("name", "Uusi"), ("language", "fi"), ("subject", ""), ("body", "B")])
            let changed = try await admin.post("/staff/admin/templates/\(id)", fields: [("name", "Uusi"), ("language", "fi"), ("subject", "S"), ("body", "B2")])
            try await admin.get("/staff/admin/templates/\(id)")
            let removed = try await admin.post("/staff/admin/templates/\(id)/delete", fields: [])

            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("href=\"#f-subject\""))
            XCTAssertTrue(refused.text.contains("value=\"Uusi\""), "what was typed is shown again")
            XCTAssertEqual(changed.status, .seeOther)
            XCTAssertEqual(removed.status, .seeOther)
            let left = try await ReplyTemplate.query(on: app.db).count()
            XCTAssertEqual(left, 0)
            let actions = try await AuditEntry.query(on: app.db).sort(\.$at).all().map(\.action)
            XCTAssertEqual(Set(actions), ["template.update", "template.delete"])
        }
    }

    func testAnotherOrganisationsTemplatePageIsNotFound() async throws {
        try await withApp { app in
            let (admin, world) = try await administrator(app)
            let theirs = ReplyTemplate(organisationID: try world.other.requireID(), name: "Theirs", language: "fi", subject: "S", body: "B")
            try await theirs.create(on: app.db)

            let page = try await admin.get("/staff/admin/templates/\(try theirs.requireID())")

            XCTAssertEqual(page.status, .notFound)
            XCTAssertFalse(page.text.contains("Theirs"))
        }
    }

    func testReferralTextsAreSavedPerKindAndLanguage() async throws {
        try await withApp { app in
            let (admin, _) = try await administrator(app)
            let page = try await admin.get("/staff/admin/referral-texts?lang=sv")
            XCTAssertTrue(page.text.contains("id=\"complaint-sv\""), page.text)

            let refused = try await admin.post("/staff/admin/referral-texts",
                                               fields: [("kind", "complaint"), ("language", "sv"), ("text", "Gör en anmärkning."), ("url", "javascript:x")])
            let saved = try await admin.post("/staff/admin/referral-texts",
                                             fields: [("kind", "complaint"), ("language", "sv"), ("text", "Gör en anmärkning."), ("url", "https://example.fi/sv")])

            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("href=\"#f-complaint-sv-url\""), refused.text)
            XCTAssertTrue(refused.text.contains("Gör en anmärkning."), "what was typed is shown again")
            XCTAssertEqual(saved.status, .seeOther)
            let stored = try await ReferralText.query(on: app.db).all()
            XCTAssertEqual(stored.map(\.text), ["Gör en anmärkning."])
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action == "referral.update").first()
            XCTAssertEqual(audited?.subject, "complaint/sv")
        }
    }

    func testTheAuditLogPageShowsOnlyTheOrganisationsChangesReadably() async throws {
        try await withApp { app in
            let (admin, world) = try await administrator(app)
            try await AuditTrail.record(on: app.db, organisationID: try world.organisation.requireID(), at: Date(), actor: .commandLine,
                                        action: "settings.update", subject: "test-county",
                                        before: ["promiseDays": 14], after: ["promiseDays": 5])
            try await AuditTrail.record(on: app.db, organisationID: try world.other.requireID(), at: Date(), actor: .commandLine,
                                        action: "settings.update", subject: "other-county", before: ["promiseDays": 14], after: ["promiseDays": 9])

            let page = try await admin.get("/staff/admin/audit-log?lang=en")
            let filtered = try await admin.get("/staff/admin/audit-log?action=template")
            let badDay = try await admin.get("/staff/admin/audit-log?from=2026-02-30")
            let csv = try await admin.get("/staff/admin/audit-log.csv?action=settings")

            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains(#"<strong>promiseDays: </strong>"#), page.text)
            XCTAssertTrue(page.text.contains(#"<span class="before">14</span>"#), page.text)
            XCTAssertTrue(page.text.contains(#"<span class="after">5</span>"#), page.text)
            XCTAssertFalse(page.text.contains("other-county"), "another organisation's entries are never shown")
            XCTAssertTrue(page.text.contains("href=\"/staff/admin/audit-log.csv\""), page.text)
            XCTAssertTrue(filtered.text.contains("id=\"empty\""))
            XCTAssertEqual(badDay.status, .badRequest)
            XCTAssertTrue(badDay.text.contains("href=\"#f-from\""))
            XCTAssertEqual(csv.status, .ok)
            XCTAssertTrue(csv.text.contains("command line,settings.update,test-county"), csv.text)
            XCTAssertFalse(csv.text.contains("other-county"))
        }
    }
}
