import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `GET`/`POST /api/v1/themes`: the defaults and an organisation's own themes.
final class ThemesAPITests: XCTestCase {
    private func add(_ app: Application, _ body: [String: Any], token: String) async throws -> XCTHTTPResponse {
        try await app.send(.POST, "/api/v1/themes", json: RawJSON(body), token: token)
    }

    private let parking: [String: Any] = ["code": "parking", "name": ["fi": "Pysäköinti", "sv": "Parkering", "en": "Parking"]]

    func testStaffSeeTheDefaultsNamedByTheCatalogueThenTheOrganisationsOwn() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let analyst = try await world.signIn(app, role: .analyst, unit: "A1")
            let otherAdmin = try await world.signIn(app, role: .administrator, unit: "X")

            let created = try await add(app, parking, token: admin)
            let listed = try await app.send(.GET, "/api/v1/themes", token: analyst)
            let elsewhere = try await app.send(.GET, "/api/v1/themes", token: otherAdmin)

            XCTAssertEqual(created.status, .created, created.text)
            XCTAssertEqual(try created.json(ThemesController.ThemeDTO.self),
                           ThemesController.ThemeDTO(code: "parking", name: .init(fi: "Pysäköinti", sv: "Parkering", en: "Parking"), default: false))
            let themes = try listed.json([ThemesController.ThemeDTO].self)
            XCTAssertEqual(themes.map(\.code), Theme.allCases.map(\.rawValue) + ["parking"])
            XCTAssertEqual(themes.filter(\.default).count, 7)
            let waiting = try XCTUnwrap(themes.first { $0.code == "access-quality-care" })
            XCTAssertEqual(waiting.name.fi, app.kaiku.catalogue.text("theme.access-quality-care", .fi))
            XCTAssertEqual(waiting.name.sv, app.kaiku.catalogue.text("theme.access-quality-care", .sv))
            XCTAssertFalse(try elsewhere.json([ThemesController.ThemeDTO].self).contains { $0.code == "parking" },
                           "an organisation's own theme is its own")
        }
    }

    func testAddingAThemeIsAuditedAndSchedulesARetraining() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")

            let created = try await add(app, parking, token: admin)

            XCTAssertEqual(created.status, .created, created.text)
            let entry = try await AuditEntry.query(on: app.db).filter(\.$action == "theme.add").first()
            XCTAssertEqual(entry?.subject, "parking")
            XCTAssertEqual(entry?.organisationID, try world.organisation.requireID())
            let job = try await Job.query(on: app.db).filter(\.$kind == ClassifierJobs.retrain).first()
            XCTAssertNotNil(job)
            let organisationID = try world.organisation.requireID()
            let classifier = await app.classifier(for: organisationID)
            XCTAssertTrue(classifier.themes.contains("parking"), "the next answers may carry the new theme")
        }
    }

    func testCodesThatBreakTheRulesAndBadNamesAreRefusedWithTheirField() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let names: [String: Any] = ["fi": "Nimi", "sv": "Namn", "en": "Name"]
            let first = try await add(app, parking, token: admin)
            XCTAssertEqual(first.status, .created)

            let cases: [([String: Any], HTTPStatus, String)] = [
                (["code": "Parking", "name": names], .badRequest, "code"),
                (["code": "p", "name": names], .badRequest, "code"),
                (["code": String(repeating: "a", count: 41), "name": names], .badRequest, "code"),
                (["code": "park ing", "name": names], .badRequest, "code"),
                (["code": "-park", "name": names], .badRequest, "code"),
                (["code": "pysäköinti", "name": names], .badRequest, "code"),
                (["code": "access-quality-care", "name": names], .badRequest, "code"),
                (["code": "parking", "name": names], .conflict, "code"),
                (["code": "lobby", "name": ["fi": "Aula", "sv": " ", "en": "Lobby"]], .badRequest, "name.sv"),
                (["code": "lobby", "name": ["fi": String(repeating: "a", count: 101), "sv": "Aula", "en": "Lobby"]], .badRequest, "name.fi"),
                (["code": "lobby", "name": ["fi": "Aula", "sv": "Aula"]], .badRequest, "name.en"),
            ]
            for (body, status, field) in cases {
                let response = try await add(app, body, token: admin)
                XCTAssertEqual(response.status, status, "\(body): \(response.text)")
                XCTAssertEqual(response.object["field"] as? String, field, "\(body)")
            }
            let own = try await OrganisationTheme.query(on: app.db).count()
            XCTAssertEqual(own, 1)
        }
    }

    func testOnlyAdministratorsOfTheWholeOrganisationAddThemes() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "ROOT")
            let unitAdmin = try await world.signIn(app, role: .administrator, unit: "A")

            let bySupervisor = try await add(app, parking, token: supervisor)
            let byUnitAdmin = try await add(app, parking, token: unitAdmin)
            let anonymous = try await app.send(.POST, "/api/v1/themes", json: RawJSON(parking))

            XCTAssertEqual(bySupervisor.status, .forbidden)
            XCTAssertEqual(byUnitAdmin.status, .forbidden)
            XCTAssertEqual(anonymous.status, .unauthorized)
            let own = try await OrganisationTheme.query(on: app.db).count()
            XCTAssertEqual(own, 0)
        }
    }
}
