import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// A small organisation to test against:
///
///     ROOT ─ A ─ A1 (target t-a1)
///          │   └ A2 (targets t-a2, t-a2b)
///          └ B ─ B1 (target t-b1)
///
/// and a second organisation OTHER with unit X and target t-x, for isolation.
struct TestWorld {
    var organisation: Organisation
    var units: [String: OrgUnit]
    var other: Organisation
    static let password = "correct-horse-battery"

    static func make(on app: Application, minimumN: Int = 5) async throws -> TestWorld {
        let survey = try await SurveyStore.ensureNational(app.kaiku.nationalSurvey, on: app.db)
        func organisation(_ code: String) async throws -> Organisation {
            let organisation = Organisation(code: code, name: LocalizedText(fi: "\(code) fi", sv: "\(code) sv", en: "\(code) en"), minimumN: minimumN, promiseDays: 14)
            organisation.surveyID = try survey.requireID()
            try await organisation.create(on: app.db)
            return organisation
        }
        let main = try await organisation("test-county")
        let other = try await organisation("other-county")
        var units: [String: OrgUnit] = [:]
        for (code, parent, org) in [("ROOT", nil, main), ("A", "ROOT", main), ("A1", "A", main), ("A2", "A", main),
                                    ("B", "ROOT", main), ("B1", "B", main), ("X", nil, other)] as [(String, String?, Organisation)] {
            let unit = OrgUnit(organisationID: try org.requireID(), code: code, parentID: parent.flatMap { units[$0]?.id },
                               name: LocalizedText(fi: "Yksikkö \(code)", sv: "Enhet \(code)", en: "Unit \(code)"))
            try await unit.create(on: app.db)
            units[code] = unit
        }
        for (code, unit, fi) in [("t-a1", "A1", "Hammashoitola, Keskusta"), ("t-a2", "A2", "Neuvola, Pohjoinen"),
                                 ("t-a2b", "A2", "Perhekeskus"), ("t-b1", "B1", "Päivystys"), ("t-x", "X", "Toinen kunta")] {
            let unitModel = units[unit]!
            try await Target(organisationID: unitModel.organisationID, code: code, unitID: try unitModel.requireID(),
                             name: LocalizedText(fi: fi, sv: "\(fi) (sv)", en: "\(fi) (en)")).create(on: app.db)
        }
        return TestWorld(organisation: main, units: units, other: other)
    }

    /// Creates a user and signs them in, returning the bearer token.
    @discardableResult
    func signIn(_ app: Application, role: User.Role, unit: String, email: String? = nil) async throws -> String {
        let address = email ?? "\(role.rawValue)-\(unit.lowercased())-\(UUID().uuidString.prefix(6))@test.example"
        let unitModel = units[unit]!
        try await User(organisationID: unitModel.organisationID, email: address,
                       passwordHash: try await app.password.async.hash(Self.password), role: role, unitID: try unitModel.requireID()).create(on: app.db)
        let response = try await app.send(.POST, "/api/v1/auth/token", json: ["email": address, "password": Self.password])
        XCTAssertEqual(response.status, .ok, response.text)
        return try response.json(AuthController.TokenResponse.self).token
    }

    /// Submits an answer through the JSON API and returns its receipt.
    @discardableResult
    static func submit(_ app: Application, target: String, nps: Int?, statements: [String: Int?] = [:], channel: String = "web",
                       language: String = "fi", extra: [String: Any] = [:], key: String? = nil) async throws -> ReceiptDTO {
        var answers: [String: Any] = [:]
        if let nps { answers["nps"] = nps }
        for (id, value) in statements { answers[id] = value ?? NSNull() }
        var body: [String: Any] = ["target": target, "channel": channel, "language": language, "answers": answers]
        body.merge(extra) { $1 }
        var headers = HTTPHeaders()
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        let response = try await app.send(.POST, "/api/v1/responses", json: RawJSON(body), headers: headers)
        XCTAssertEqual(response.status, .created, response.text)
        return try response.json(ReceiptDTO.self)
    }
}
