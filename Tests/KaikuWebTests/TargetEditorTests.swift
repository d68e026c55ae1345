import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class TargetEditorTests: XCTestCase {
    private let json: HTTPHeaders = ["Content-Type": "application/json"]

    private func publicCodes(_ app: Application) async throws -> [String] {
        try await app.send(.GET, "/api/v1/targets").json([TargetsController.TargetDTO].self).map(\.code)
    }

    func testAnAdministratorAddsATargetThatCustomersFindAndTheAuditLogRecords() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT", email: "admin@test.example")

            let created = try await app.send(.POST, "/api/v1/targets", token: admin, headers: json, body: """
                {"code": "hammas-pohjoinen", "unit": "A2", "name": {"fi": "Hammashoitola, Pohjoinen", "sv": "Tandklinik, Norr"},
                 "keywords": "  hammaslääkäri   tandläkare dentist "}
                """)

            XCTAssertEqual(created.status, .created, created.text)
            let target = try created.json(TargetAdminController.AdminTargetDTO.self)
            XCTAssertEqual(target.unit, "A2")
            XCTAssertEqual(target.keywords, "hammaslääkäri tandläkare dentist")
            XCTAssertTrue(target.active)
            let codes = try await publicCodes(app)
            XCTAssertTrue(codes.contains("hammas-pohjoinen"))
            let receipt = try await TestWorld.submit(app, target: "hammas-pohjoinen", nps: 9)
            XCTAssertFalse(receipt.receipt.isEmpty)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "target.add").all()
            XCTAssertEqual(audit.map(\.subject), ["hammas-pohjoinen"])
            XCTAssertEqual(audit.first?.actor, "admin@test.example")
            XCTAssertNil(audit.first?.before)
        }
    }

    func testRefusedTargetsNameTheFieldAndChangeNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let branch = try await world.signIn(app, role: .administrator, unit: "A")
            let handler = try await world.signIn(app, role: .handler, unit: "ROOT")
            let before = try await Target.query(on: app.db).count()

            let cases: [(String, String, HTTPStatus, String?)] = [
                (admin, #"{"code": "hammas keskusta", "unit": "A1", "name": {"fi": "X"}}"#, .badRequest, "code"),
                (admin, #"{"code": "uusi", "unit": "A1", "name": {"fi": " "}}"#, .badRequest, "name.fi"),
                (admin, #"{"code": "uusi", "unit": "X", "name": {"fi": "Toisen kunnan yksikkö"}}"#, .badRequest, "unit"),
                // t-x belongs to the other organisation: codes are unique across the installation.
                (admin, #"{"code": "t-x", "unit": "A1", "name": {"fi": "Varattu koodi"}}"#, .conflict, "code"),
                (branch, #"{"code": "uusi", "unit": "B1", "name": {"fi": "Toisen haaran yksikkö"}}"#, .badRequest, "unit"),
                (handler, #"{"code": "uusi", "unit": "A1", "name": {"fi": "Käsittelijä ei lisää"}}"#, .forbidden, nil),
            ]
            for (token, body, status, field) in cases {
                let refused = try await app.send(.POST, "/api/v1/targets", token: token, headers: json, body: body)
                XCTAssertEqual(refused.status, status, body)
                XCTAssertEqual(refused.object["field"] as? String, field, body)
            }
            let after = try await Target.query(on: app.db).count()
            XCTAssertEqual(after, before)
            let audited = try await AuditEntry.query(on: app.db).count()
            XCTAssertEqual(audited, 0)
        }
    }

    func testMovingAndDeactivatingATargetIsAuditedAndTakesItOutOfThePublicList() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")

            let moved = try await app.send(.PATCH, "/api/v1/targets/t-a1", token: admin, headers: json,
                                           body: #"{"unit": "B1", "name": {"en": "Dental clinic, Centre"}, "keywords": "dentist"}"#)
            XCTAssertEqual(moved.status, .ok, moved.text)
            XCTAssertEqual(try moved.json(TargetAdminController.AdminTargetDTO.self).name.en, "Dental clinic, Centre")
            let stored = try await Target.query(on: app.db).filter(\.$code == "t-a1").first()
            XCTAssertEqual(stored?.unitID, world.units["B1"]?.id)
            XCTAssertEqual(stored?.nameFi, "Hammashoitola, Keskusta", "names not sent stay as they were")

            let unchanged = try await app.send(.PATCH, "/api/v1/targets/t-a1", token: admin, headers: json, body: #"{"unit": "B1"}"#)
            XCTAssertEqual(unchanged.status, .ok)
            let deactivated = try await app.send(.PATCH, "/api/v1/targets/t-a1", token: admin, headers: json, body: #"{"active": false}"#)
            XCTAssertEqual(deactivated.status, .ok)

            let codes = try await publicCodes(app)
            XCTAssertFalse(codes.contains("t-a1"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$subject == "t-a1").sort(\.$at).all()
            XCTAssertEqual(audit.count, 2, "a change that alters nothing is not recorded")
            let first = try XCTUnwrap(audit.first)
            XCTAssertTrue(first.before?.contains(#""unit":"A1""#) == true, first.before ?? "")
            XCTAssertTrue(first.after?.contains(#""unit":"B1""#) == true, first.after ?? "")
        }
    }

    func testTargetsOutsideTheAdministratorsSubtreeAreNotFound() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let branch = try await world.signIn(app, role: .administrator, unit: "A")

            for code in ["t-b1", "t-x", "no-such-target"] {
                let refused = try await app.send(.PATCH, "/api/v1/targets/\(code)", token: branch, headers: json, body: #"{"active": false}"#)
                XCTAssertEqual(refused.status, .notFound, code)
            }
            let moveOut = try await app.send(.PATCH, "/api/v1/targets/t-a1", token: branch, headers: json, body: #"{"unit": "B1"}"#)
            XCTAssertEqual(moveOut.status, .badRequest)
            XCTAssertEqual(moveOut.object["field"] as? String, "unit")
        }
    }

    func testTheEditorPagesAddAndChangeATargetAndShowRefusalsInTheForm() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .administrator, unit: "ROOT", email: "admin@test.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "admin@test.example")
            try await browser.get("/staff/admin/targets/new")

            let refused = try await browser.post("/staff/admin/targets/new", form: ["code": "uusi kohde", "unit": "A1", "nameFi": "", "active": "1"])
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.text.contains("error-summary"))
            XCTAssertTrue(refused.text.contains(##"href="#f-code""##), "the summary links to the code field")
            XCTAssertTrue(refused.text.contains(#"aria-describedby="f-nameFi-error""#))
            XCTAssertTrue(refused.text.contains(#"value="uusi kohde""#), "the form keeps what was typed")
            let taken = try await browser.post("/staff/admin/targets/new", form: ["code": "t-a1", "unit": "A1", "nameFi": "Kopio", "active": "1"])
            XCTAssertEqual(taken.status, .conflict)
            XCTAssertTrue(taken.text.contains("Koodi on jo käytössä."))

            let created = try await browser.post("/staff/admin/targets/new", form: ["code": "neuvola-etela", "unit": "A2", "nameFi": "Neuvola, Etelä",
                                                                                     "nameSv": "Rådgivning, Syd", "keywords": "äitiysneuvola mödrarådgivning", "active": "1"])
            XCTAssertEqual(created.status, .seeOther, created.text)
            XCTAssertEqual(created.headers.first(name: .location), "/staff/admin/targets/neuvola-etela?saved=1")
            let page = try await browser.get("/staff/admin/targets/neuvola-etela?saved=1")
            XCTAssertTrue(page.text.contains("Muutokset tallennettu."))

            // Unticking the box deactivates: the browser sends no "active" at all.
            let saved = try await browser.post("/staff/admin/targets/neuvola-etela", form: ["unit": "A1", "nameFi": "Neuvola, Etelä", "keywords": ""])
            XCTAssertEqual(saved.status, .seeOther)
            let stored = try await Target.query(on: app.db).filter(\.$code == "neuvola-etela").first()
            XCTAssertEqual(stored?.active, false)
            XCTAssertEqual(stored?.unitID, world.units["A1"]?.id)

            let found = try await browser.get("/staff/admin/targets?q=modrarADGIVNING&status=all")
            XCTAssertEqual(found.status, .ok)
            XCTAssertFalse(found.text.contains(#"data-code="neuvola-etela""#), "keywords were cleared")
            let byName = try await browser.get("/staff/admin/targets?q=etela&status=inactive")
            XCTAssertTrue(byName.text.contains(#"data-code="neuvola-etela""#), "accent-insensitive name search")
            XCTAssertFalse(byName.text.contains(#"data-code="t-a1""#))

            let card = try await browser.get("/staff/posters?target=neuvola-etela")
            XCTAssertEqual(card.status, .ok)
            XCTAssertEqual(card.text.components(separatedBy: "poster-card").count - 1, 1, "one card, for that target")
        }
    }

    func testOnlyAdministratorsOpenTheAdministrationPages() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .supervisor, unit: "ROOT", email: "sup@test.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "sup@test.example")

            for path in ["/staff/admin", "/staff/admin/targets", "/staff/admin/targets/new", "/staff/admin/targets/t-a1"] {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .forbidden, path)
            }
            let inbox = try await browser.get("/staff")
            XCTAssertFalse(inbox.text.contains(#"href="/staff/admin""#), "no link to pages one cannot open")
        }
    }
}
