import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// A county puts Kaiku into service on an empty database, with nothing from
/// the demo: the setup page makes the organisation and its administrator,
/// the example CSV files bring the tree and the targets, the survey takes an
/// own statement, an answer comes in, and a re-import renames, moves and
/// closes — and the reports and the public list follow.
final class IntoServiceJourneyTests: XCTestCase {
    private static let password = "kolme pientä porsasta"
    private static var examples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/examples")
    }

    private func example(_ name: String) throws -> String {
        try String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8)
    }

    private func publicTargets(_ app: Application) async throws -> [String: String] {
        let listed = try await app.send(.GET, "/api/v1/targets").json([TargetsController.TargetDTO].self)
        return Dictionary(uniqueKeysWithValues: listed.map { ($0.code, $0.unit) })
    }

    func testFromAnEmptyDatabaseToTheFirstAnswerAndATreeThatChanges() async throws {
        try await withApp { app in
            // The first start: a one-time address, and nothing else exists.
            let issued = try await SetupTokens.issueIfNoOrganisation(at: Date(), on: app.db)
            let setupToken = try XCTUnwrap(issued)
            let before = try await publicTargets(app)
            XCTAssertEqual(before, [:])
            let setup = try await app.sendForm(from: "192.0.2.40", "/setup/\(setupToken)", [
                "lang": "fi", "code": "esimerkki", "nameFi": "Esimerkin hyvinvointialue", "nameSv": "Exempels välfärdsområde",
                "nameEn": "Example Wellbeing Services County", "offerSv": "yes", "offerEn": "yes", "timeZone": "Europe/Helsinki",
                "promiseDays": "5", "promiseIn": "workingDays", "adminName": "Pää Käyttäjä", "adminEmail": "paakayttaja@esimerkki.example",
                "adminPassword": Self.password, "adminPasswordAgain": Self.password])
            XCTAssertEqual(setup.status, .seeOther, setup.text)
            let signIn = try await app.send(.POST, "/api/v1/auth/token", json: ["email": "paakayttaja@esimerkki.example", "password": Self.password])
            XCTAssertEqual(signIn.status, .ok, signIn.text)
            let admin = try signIn.json(AuthController.TokenResponse.self).token

            // The tree and the targets from the county's own files.
            let units = try await TreeImportAPITests.post(app, "/api/v1/units/import", try example("units.csv"), token: admin)
            XCTAssertEqual(TreeImportAPITests.counts(units), [7, 1, 0, 0, 0, 0], "seven units added; the root gains its OID: \(units.text)")
            let targets = try await TreeImportAPITests.post(app, "/api/v1/targets/import", try example("targets.csv"), token: admin)
            XCTAssertEqual(TreeImportAPITests.counts(targets)[0], 4, targets.text)
            let offered = try await publicTargets(app)
            XCTAssertEqual(offered, ["hammas-keskusta": "TERV-SUU-KESK", "neuvola": "TERV-NEUV", "saamen-palvelut": "SOS-SAAM"],
                           "the inactive target and the closed unit's are not offered")

            // An own statement after the national core, then answers that use it.
            let published = try await app.send(.POST, "/api/v1/survey/versions", token: admin, headers: ["Content-Type": "application/json"], body: """
                {"questions": [{"id": "odotus", "type": "scale1to5",
                  "text": {"fi": "Odotusaika oli kohtuullinen.", "sv": "Väntetiden var rimlig.", "en": "The waiting time was reasonable."}}]}
                """)
            XCTAssertEqual(published.status, .created, published.text)
            for score in [10, 9, 3, 10, 8] {
                let answer = try await TestWorld.submit(app, target: "hammas-keskusta", nps: score, statements: ["odotus": 4])
                XCTAssertFalse(answer.receipt.isEmpty)
            }
            let dental = try await app.send(.GET, "/api/v1/reports/summary?unit=TERV-SUU", token: admin)
            XCTAssertEqual(dental.object["n"] as? Int, 5, dental.text)
            let statements = dental.object["statements"] as? [[String: Any]] ?? []
            XCTAssertEqual(statements.first { $0["id"] as? String == "odotus" }?["mean"] as? Double, 4)

            // The register changes: the dental unit is renamed and moves under social services, the clinic closes.
            let changed = try example("units.csv")
                .replacingOccurrences(of: "TERV-SUU-KESK,TERV-SUU,\"Hammashoitola, Keskusta\"", with: "TERV-SUU-KESK,SOS,\"Hammashoitola, Kaupunki\"")
                .replacingOccurrences(of: "Maternity and child health clinic,,", with: "Maternity and child health clinic,,true")
            let reimport = try await TreeImportAPITests.post(app, "/api/v1/units/import", changed, token: admin)
            XCTAssertEqual(reimport.status, .ok, reimport.text)
            let counts = TreeImportAPITests.counts(reimport)
            XCTAssertEqual(counts[1], 1, "renamed")
            XCTAssertEqual(counts[2], 1, "moved")
            XCTAssertEqual(counts[3], 1, "closed")
            let again = try await TreeImportAPITests.post(app, "/api/v1/units/import", changed, token: admin)
            XCTAssertEqual(TreeImportAPITests.counts(again), [0, 0, 0, 0, 0, 8], "the same file again changes nothing")

            let social = try await app.send(.GET, "/api/v1/reports/summary?unit=SOS", token: admin)
            let health = try await app.send(.GET, "/api/v1/reports/summary?unit=TERV", token: admin)
            XCTAssertEqual(social.object["n"] as? Int, 5, "the moved unit's answers follow it")
            XCTAssertEqual(health.object["n"] as? Int, 0)
            let after = try await publicTargets(app)
            XCTAssertEqual(after, ["hammas-keskusta": "TERV-SUU-KESK", "saamen-palvelut": "SOS-SAAM"], "the closed clinic's target left")
            let refused = try await app.send(.POST, "/api/v1/responses",
                                             json: RawJSON(["target": "neuvola", "channel": "web", "language": "fi", "answers": ["nps": 9]]))
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertEqual(refused.object["field"] as? String, "target")

            // A handler for the social services, invited without a password.
            let invited = try await app.send(.POST, "/api/v1/users", token: admin, headers: ["Content-Type": "application/json"],
                                             body: #"{"email": "kasittelija@esimerkki.example", "role": "handler", "unit": "SOS", "name": "Käsittelijä"}"#)
            XCTAssertEqual(invited.status, .created, invited.text)
            let actions = Set(try await AuditEntry.query(on: app.db).all().map(\.action))
            XCTAssertTrue(actions.isSuperset(of: ["organisation.create", "unit.add", "unit.move", "unit.rename", "unit.close",
                                                  "target.add", "survey.publish", "user.create"]), "\(actions.sorted())")
        }
    }
}
