import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The installation administrator (`KAIKU_OPERATOR_EMAIL`) creates and lists
/// organisations through `/api/v1/organisations`, and sees none of their data.
final class OrganisationsAPITests: XCTestCase {
    static let operatorEmail = "operator@kaiku.example"
    static let operatorPassword = "installation-keeper-2026"

    private func withOperatorApp(clock: WallClock = .system, _ body: (Application) async throws -> Void) async throws {
        try await withApp(clock: clock, adjust: {
            $0.operatorEmail = Self.operatorEmail
            $0.operatorPassword = Self.operatorPassword
        }, body)
    }

    private func operatorToken(_ app: Application) async throws -> String {
        let response = try await app.send(.POST, "/api/v1/auth/token", json: ["email": Self.operatorEmail, "password": Self.operatorPassword])
        XCTAssertEqual(response.status, .ok, response.text)
        return try response.json(AuthController.TokenResponse.self).token
    }

    private func create(_ app: Application, _ body: [String: Any], token: String?) async throws -> XCTHTTPResponse {
        try await app.send(.POST, "/api/v1/organisations", json: RawJSON(body), token: token)
    }

    func testTheOperatorCreatesAnOrganisationWithItsRootUnitOnlyAndTheNationalSurvey() async throws {
        try await withOperatorApp { app in
            let token = try await operatorToken(app)

            let response = try await create(app, ["code": "pirkanmaa", "name": ["fi": "Pirkanmaan hyvinvointialue", "sv": "Birkalands välfärdsområde",
                                                                                "en": "Pirkanmaa wellbeing services county"],
                                                  "timeZone": "Europe/Helsinki", "promiseDays": 10], token: token)

            XCTAssertEqual(response.status, .created, response.text)
            let body = response.object
            XCTAssertEqual(body["code"] as? String, "pirkanmaa")
            XCTAssertEqual(body["name"] as? [String: String], ["fi": "Pirkanmaan hyvinvointialue", "sv": "Birkalands välfärdsområde",
                                                               "en": "Pirkanmaa wellbeing services county"])
            XCTAssertEqual(body["timeZone"] as? String, "Europe/Helsinki")
            XCTAssertEqual(body["promiseDays"] as? Int, 10)
            let found = try await Organisation.query(on: app.db).filter(\.$code == "pirkanmaa").first()
            let organisation = try XCTUnwrap(found)
            let units = try await OrgUnit.query(on: app.db).filter(\.$organisationID == organisation.requireID()).all()
            XCTAssertEqual(units.map(\.code), ["pirkanmaa"], "the root unit only")
            XCTAssertNil(units.first?.parentID)
            XCTAssertEqual(units.first?.name, organisation.name)
            let national = try await SurveyStore.ensureNational(app.kaiku.nationalSurvey, on: app.db)
            XCTAssertEqual(organisation.surveyID, national.id)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$organisationID == organisation.requireID()).all()
            XCTAssertEqual(audit.map(\.action), ["organisation.create"])
            XCTAssertEqual(audit.first?.actor, "operator \(Self.operatorEmail)")
            XCTAssertEqual(audit.first?.subject, "pirkanmaa")
            XCTAssertNil(audit.first?.before)
            XCTAssertTrue(audit.first?.after?.contains("\"promiseDays\":10") ?? false, audit.first?.after ?? "")
        }
    }

    func testLeftOutValuesTakeTheDefaultsAndTheFinnishName() async throws {
        try await withOperatorApp { app in
            let token = try await operatorToken(app)

            let response = try await create(app, ["code": "jh", "name": ["fi": "Joensuun hyvinvointialue"]], token: token)

            XCTAssertEqual(response.status, .created, response.text)
            let created = try response.json(OrganisationDTO.self)
            XCTAssertEqual(created.name, LocalizedText(fi: "Joensuun hyvinvointialue", sv: "Joensuun hyvinvointialue", en: "Joensuun hyvinvointialue"))
            XCTAssertEqual(created.timeZone, "Europe/Helsinki")
            XCTAssertEqual(created.promiseDays, 14)
            XCTAssertEqual(created.promiseIn, "calendarDays")
            XCTAssertEqual(created.languages, ["fi", "sv", "en"])
        }
    }

    func testTheListGivesNamesAndSetupOfEveryOrganisationAndNoFigures() async throws {
        try await withOperatorApp { app in
            let world = try await TestWorld.make(on: app)
            _ = try await TestWorld.submit(app, target: "t-a1", nps: 9)
            let token = try await operatorToken(app)
            _ = try await create(app, ["code": "kainuu", "name": ["fi": "Kainuun hyvinvointialue"], "languages": ["fi"],
                                       "promiseIn": "workingDays", "promiseDays": 5], token: token)

            let response = try await app.send(.GET, "/api/v1/organisations", token: token)

            XCTAssertEqual(response.status, .ok, response.text)
            let listed = try response.json([OrganisationDTO].self)
            XCTAssertEqual(listed.map(\.code), ["kainuu", world.other.code, world.organisation.code])
            XCTAssertEqual(listed.first?.languages, ["fi"])
            XCTAssertEqual(listed.first?.promiseIn, "workingDays")
            XCTAssertNotNil(listed.first?.createdAt)
            let keys = Set(((try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]) ?? []).flatMap(\.keys))
            XCTAssertEqual(keys, ["code", "name", "languages", "timeZone", "promiseDays", "promiseIn", "createdAt"])
        }
    }

    func testBadInputIs400NamingTheFieldAndCreatesNothing() async throws {
        try await withOperatorApp { app in
            let token = try await operatorToken(app)
            let name = ["fi": "Nimi"]
            let cases: [(String, [String: Any])] = [
                ("code", ["code": "Pirkanmaa", "name": name]),
                ("code", ["code": "x", "name": name]),
                ("code", ["code": String(repeating: "a", count: 41), "name": name]),
                ("name.fi", ["code": "ok-code", "name": ["fi": "  "]]),
                ("name.sv", ["code": "ok-code", "name": ["fi": "Nimi", "sv": String(repeating: "å", count: 201)]]),
                ("name.en", ["code": "ok-code", "name": ["fi": "Nimi", "en": "two\u{7}"]]),
                ("name", ["code": "ok-code"]),
                ("timeZone", ["code": "ok-code", "name": name, "timeZone": "Mars/Olympus"]),
                ("timeZone", ["code": "ok-code", "name": name, "timeZone": "EET"]),
                ("promiseDays", ["code": "ok-code", "name": name, "promiseDays": 0]),
                ("promiseDays", ["code": "ok-code", "name": name, "promiseDays": 91]),
                ("promiseDays", ["code": "ok-code", "name": name, "promiseDays": "14"]),
                ("promiseIn", ["code": "ok-code", "name": name, "promiseIn": "weeks"]),
                ("languages", ["code": "ok-code", "name": name, "languages": ["fi", "de"]]),
            ]
            for (field, body) in cases {
                let response = try await create(app, body, token: token)
                XCTAssertEqual(response.status, .badRequest, "\(body): \(response.text)")
                XCTAssertEqual(response.object["field"] as? String, field, "\(body): \(response.text)")
                XCTAssertFalse((response.object["error"] as? String ?? "").isEmpty)
            }
            let count = try await Organisation.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testADuplicateCodeIs409AndTwoAtOnceMakeOne() async throws {
        try await withOperatorApp { app in
            let token = try await operatorToken(app)
            let body: [String: Any] = ["code": "lappi", "name": ["fi": "Lapin hyvinvointialue"]]
            let json = #"{"code": "lappi", "name": {"fi": "Lapin hyvinvointialue"}}"#

            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await app.send(.POST, "/api/v1/organisations", token: token, headers: ["Content-Type": "application/json"], body: json).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let again = try await create(app, body, token: token)

            XCTAssertEqual(statuses.sorted { $0.code < $1.code }, [.created, .conflict])
            XCTAssertEqual(again.status, .conflict)
            XCTAssertEqual(again.object["field"] as? String, "code")
            XCTAssertTrue((again.object["error"] as? String ?? "").contains("Another organisation has this code"), again.text)
            let units = try await OrgUnit.query(on: app.db).filter(\.$code == "lappi").count()
            XCTAssertEqual(units, 1)
        }
    }

    func testOnlyTheOperatorManagesOrganisations() async throws {
        try await withOperatorApp { app in
            let world = try await TestWorld.make(on: app)
            let administrator = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let body: [String: Any] = ["code": "uusi", "name": ["fi": "Uusi"]]

            let staffList = try await app.send(.GET, "/api/v1/organisations", token: administrator)
            let staffCreate = try await create(app, body, token: administrator)
            let anonymous = try await create(app, body, token: nil)
            let wrongToken = try await app.send(.GET, "/api/v1/organisations", token: "not-a-token")

            XCTAssertEqual(staffList.status, .forbidden)
            XCTAssertEqual(staffCreate.status, .forbidden)
            XCTAssertTrue(staffCreate.text.contains("installation administrator"), staffCreate.text)
            XCTAssertEqual(anonymous.status, .unauthorized)
            XCTAssertEqual(wrongToken.status, .unauthorized)
            let count = try await Organisation.query(on: app.db).filter(\.$code == "uusi").count()
            XCTAssertEqual(count, 0)
        }
    }

    func testTheOperatorTokenIsRefusedOnEveryRouteOfAnOrganisationsData() async throws {
        try await withOperatorApp { app in
            let world = try await TestWorld.make(on: app)
            let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 3, extra: ["wantsAnswer": true, "contact": ["email": "a@example.fi"]])
            let token = try await operatorToken(app)
            let someID = UUID().uuidString

            let routes: [(HTTPMethod, String, String?)] = [
                (.GET, "/api/v1/cases?status=open", nil),
                (.GET, "/api/v1/cases/\(someID)", nil),
                (.GET, "/api/v1/cases/statistics", nil),
                (.GET, "/api/v1/units", nil),
                (.GET, "/api/v1/responses/\(receipt.id)", nil),
                (.GET, "/api/v1/reports/summary?unit=ROOT&from=2025-01-01&to=2026-12-31", nil),
                (.GET, "/api/v1/users", nil),
                (.POST, "/api/v1/users", #"{"email":"x@example.fi","password":"installation-keeper-2026","role":"administrator","unit":"ROOT"}"#),
                (.GET, "/api/v1/exports/answers.csv?unit=ROOT&from=2025-01-01&to=2026-12-31", nil),
                (.GET, "/api/v1/exports/national.json?from=2025-01-01&to=2026-12-31", nil),
                (.GET, "/api/v1/organisation", nil),
                (.PATCH, "/api/v1/organisation", #"{"promiseDays":5}"#),
                (.GET, "/api/v1/access-log", nil),
                (.GET, "/api/v1/reply-templates", nil),
                (.GET, "/api/v1/kiosks", nil),
            ]
            for (method, path, body) in routes {
                let response = try await app.send(method, path, token: token, headers: body == nil ? [:] : ["Content-Type": "application/json"], body: body)
                XCTAssertEqual(response.status, .forbidden, "\(method) \(path): \(response.text)")
                XCTAssertTrue(response.text.contains("installation administrator manages organisations and sees none of their data"),
                              "\(method) \(path): \(response.text)")
            }
            let users = try await User.query(on: app.db).filter(\.$email == "x@example.fi").count()
            XCTAssertEqual(users, 0)
            let organisation = try await Organisation.find(world.organisation.id, on: app.db)
            XCTAssertEqual(organisation?.promiseDays, 14)
        }
    }

    func testTheOperatorSignsInThroughTheTokenEndpointAndIsThrottledLikeStaff() async throws {
        let clock = TestClock()
        try await withOperatorApp(clock: clock.wall) { app in
            for _ in 0..<5 {
                let failed = try await app.signIn(from: "192.0.2.20", Self.operatorEmail, "not-the-password")
                XCTAssertEqual(failed.status, .unauthorized)
            }

            let throttled = try await app.signIn(from: "192.0.2.20", Self.operatorEmail, Self.operatorPassword)
            clock.advance(by: 1)
            let right = try await app.signIn(from: "192.0.2.20", Self.operatorEmail, Self.operatorPassword)

            XCTAssertEqual(throttled.status, .tooManyRequests)
            XCTAssertEqual(right.status, .ok, right.text)
            XCTAssertTrue(right.text.contains("\"token\""))
        }
    }

    func testTheOperatorIsKeptApartFromUsersAndAnExpiredTokenStops() async throws {
        let clock = TestClock()
        try await withOperatorApp(clock: clock.wall) { app in
            let token = try await operatorToken(app)
            let users = try await User.query(on: app.db).count()
            XCTAssertEqual(users, 0, "the operator is no user of any organisation")
            let operators = try await InstallationOperator.query(on: app.db).all()
            XCTAssertEqual(operators.map(\.email), [Self.operatorEmail])

            clock.advance(by: app.kaiku.settings.tokenLifetime + 1)
            let expired = try await app.send(.GET, "/api/v1/organisations", token: token)

            XCTAssertEqual(expired.status, .unauthorized)
        }
    }
    func testTheOperatorCannotHaveAnOrganisationUsersAddress() async throws {
        try await withOperatorApp { app in
            let world = try await TestWorld.make(on: app)
            try await world.signIn(app, role: .handler, unit: "A1", email: "shared@kaiku.example")

            do {
                try await Bootstrap.ensureOperator(email: "Shared@kaiku.example", password: Self.operatorPassword, on: app)
                XCTFail("an organisation user's address was taken for the operator")
            } catch let problem as SettingsProblem {
                XCTAssertEqual(problem.variable, "KAIKU_OPERATOR_EMAIL")
                XCTAssertTrue(problem.message.contains("address of its own"), problem.message)
            }
            let operators = try await InstallationOperator.query(on: app.db).all()
            XCTAssertEqual(operators.map(\.email), [Self.operatorEmail])
        }
    }
    func testTheAdministratorFromTheEnvironmentIsMadeForTheNewRoot() async throws {
        try await withOperatorApp { app in
            let token = try await operatorToken(app)
            _ = try await create(app, ["code": "kanta-hame", "name": ["fi": "Kanta-Hämeen hyvinvointialue"]], token: token)

            try await Bootstrap.ensureAdministrator(email: "admin@oma.example", password: Self.operatorPassword, on: app)

            let created = try await User.query(on: app.db).filter(\.$email == "admin@oma.example").first()
            let administrator = try XCTUnwrap(created)
            let root = try await OrgUnit.find(administrator.unitID, on: app.db)
            XCTAssertEqual(root?.code, "kanta-hame")
            XCTAssertNil(root?.parentID)
            XCTAssertEqual(administrator.roleValue, .administrator)
        }
    }
}
