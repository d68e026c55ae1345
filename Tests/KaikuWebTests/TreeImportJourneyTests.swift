import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Tree import → targets import → answers → a re-import with a rename, a
/// move and a closure: reports follow today's tree, closed units leave every
/// customer-facing list and refuse answers, and reopening brings them back.
final class TreeImportJourneyTests: XCTestCase {
    private func summaryN(_ app: Application, _ token: String, unit: String) async throws -> Int? {
        try await app.send(.GET, "/api/v1/reports/summary?unit=\(unit)", token: token).object["n"] as? Int
    }

    func testReportsFollowTodaysTreeAndClosedUnitsAreOfferedNowhere() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let analyst = try await world.signIn(app, role: .analyst, unit: "ROOT")
            let units = try await TreeImportAPITests.post(app, "/api/v1/units/import", TreeImportAPITests.units, token: admin)
            let targets = try await TreeImportAPITests.post(app, "/api/v1/targets/import", TreeImportAPITests.targets, token: admin)
            XCTAssertEqual(units.status, .ok, units.text)
            XCTAssertEqual(targets.status, .ok, targets.text)
            for _ in 0..<3 { try await TestWorld.submit(app, target: "t-c1", nps: 10) }
            for _ in 0..<2 { try await TestWorld.submit(app, target: "t-a1", nps: 0) }
            let cBefore = try await summaryN(app, analyst, unit: "C")
            let aBefore = try await summaryN(app, analyst, unit: "A")
            XCTAssertEqual(cBefore, 3)
            XCTAssertEqual(aBefore, 2)

            // C1 renamed, A1 moved from A to C, B (with B1 and its target t-b1) closed.
            let changed = TreeImportAPITests.units
                .replacingOccurrences(of: "oid\n", with: "oid,closed\n")
                .replacingOccurrences(of: "A1,A,", with: "A1,C,")
                .replacingOccurrences(of: "B,ROOT,Yksikkö B,Enhet B,Unit B,", with: "B,ROOT,Yksikkö B,Enhet B,Unit B,,true")
                .replacingOccurrences(of: "Sámi dearvvašvuođa guovddáš", with: "Sámi guovddáš")
            let reimport = try await TreeImportAPITests.post(app, "/api/v1/units/import", changed, token: admin)

            XCTAssertEqual(TreeImportAPITests.counts(reimport), [0, 1, 1, 1, 0, 5], reimport.text)
            let cAfter = try await summaryN(app, analyst, unit: "C")
            let aAfter = try await summaryN(app, analyst, unit: "A")
            let rootAfter = try await summaryN(app, analyst, unit: "ROOT")
            XCTAssertEqual(cAfter, 5, "the moved unit's earlier answers count under its new parent")
            XCTAssertEqual(aAfter, 0, "and no longer under the old one")
            XCTAssertEqual(rootAfter, 5)

            let listed = try await app.send(.GET, "/api/v1/targets").json([TargetsController.TargetDTO].self)
            XCTAssertEqual(Set(listed.map(\.code)), ["t-a1", "t-a2", "t-a2b", "t-c1", "t-x"], "t-b1 is under closed B")
            let landing = try await app.send(.GET, "/")
            XCTAssertFalse(landing.text.contains("Päivystys"))
            XCTAssertTrue(landing.text.contains("Terveysasema, Saamelaisalue"))
            let refused = try await app.send(.POST, "/api/v1/responses",
                                             json: RawJSON(["target": "t-b1", "channel": "web", "language": "fi", "answers": ["nps": 5]]))
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertEqual(refused.object["field"] as? String, "target")
            let form = try await app.send(.GET, "/f/t-b1", headers: ["Accept": "text/html"])
            XCTAssertEqual(form.status, .gone)
            XCTAssertTrue(form.text.contains("no longer takes feedback") || form.text.contains("ei enää ota vastaan"), form.text)
            let survey = try await app.send(.GET, "/api/v1/targets/t-b1/survey")
            XCTAssertEqual(survey.status, .notFound)
            let unitList = try await app.send(.GET, "/api/v1/units", token: admin)
            let items = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(buffer: unitList.body))) as? [[String: Any]])
            XCTAssertEqual(items.first { $0["code"] as? String == "B" }?["closed"] as? Bool, true)
            let actions = try await AuditEntry.query(on: app.db).all().map { "\($0.action) \($0.subject)" }
            XCTAssertTrue(Set(actions).isSuperset(of: ["unit.move A1", "unit.rename C1", "unit.close B", "target.add t-c1"]), "\(actions)")

            let reopened = try await TreeImportAPITests.post(app, "/api/v1/units/import", TreeImportAPITests.units, token: admin)
            XCTAssertEqual(TreeImportAPITests.counts(reopened)[4], 1)
            let back = try await app.send(.GET, "/api/v1/targets").json([TargetsController.TargetDTO].self)
            XCTAssertTrue(back.contains { $0.code == "t-b1" })
            try await TestWorld.submit(app, target: "t-b1", nps: 9)
        }
    }

    func testTheSearchFindsTargetsByTheirKeywordsInAnyLanguage() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            _ = try await TreeImportAPITests.post(app, "/api/v1/units/import", TreeImportAPITests.units, token: admin)
            _ = try await TreeImportAPITests.post(app, "/api/v1/targets/import", TreeImportAPITests.targets, token: admin)

            for query in ["doctor", "LAKARE", "dearvvasvuohta", "LÄÄKÄRI"] {
                let page = try await app.send(.GET, "/?q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query)")
                XCTAssertTrue(page.text.contains("Terveysasema, Saamelaisalue"), query)
                XCTAssertFalse(page.text.contains("Päivystys"), query)
            }
        }
    }

    func testAClosedUnitsTargetsLeaveKiosksPostersEntryAndOpen311() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let closeB = TreeImportAPITests.units.replacingOccurrences(of: "oid\n", with: "oid,closed\n")
                .replacingOccurrences(of: "B,ROOT,Yksikkö B,Enhet B,Unit B,", with: "B,ROOT,Yksikkö B,Enhet B,Unit B,,1")
            _ = try await TreeImportAPITests.post(app, "/api/v1/units/import", closeB, token: admin)

            let kiosk = try await app.send(.POST, "/api/v1/kiosks", json: RawJSON(["name": "Aula", "unit": "B1", "targets": ["t-b1"]]), token: admin)
            XCTAssertEqual(kiosk.status, .badRequest)
            XCTAssertEqual(kiosk.object["field"] as? String, "targets")
            let key = try await APIKeys.issue(name: "Client", organisationCode: "test-county", on: app.db)
            let services = try await app.send(.GET, "/open311/v2/services.json?api_key=\(key)")
            XCTAssertTrue(services.text.contains("t-a1"))
            XCTAssertFalse(services.text.contains("t-b1"))
            let posted = try await app.send(.POST, "/open311/v2/requests.json", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                            body: "api_key=\(key)&service_code=t-b1&description=Hei")
            XCTAssertEqual(posted.status, .badRequest)
            try await world.signIn(app, role: .administrator, unit: "ROOT", email: "root-admin@tree.example")
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "root-admin@tree.example")
            let posters = try await browser.get("/staff/posters?unit=ROOT")
            XCTAssertTrue(posters.text.contains("Hammashoitola"))
            XCTAssertFalse(posters.text.contains("Päivystys"))
            let entry = try await browser.get("/staff/entry")
            XCTAssertFalse(entry.text.contains("Päivystys"))
        }
    }
}
