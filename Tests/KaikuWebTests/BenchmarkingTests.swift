import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Organisations in one installation compare themselves only if they share
/// their own figures, and then only at organisation level.
final class BenchmarkingTests: XCTestCase {
    private struct Benchmark: Decodable {
        struct Entry: Decodable {
            var code: String
            var own: Bool
            var n: Int
            var nps: Int?
        }
        var organisations: [Entry]
    }

    /// A third organisation that never opts in, with one unit Z and target t-z.
    private func thirdOrganisation(_ app: Application) async throws {
        let organisation = Organisation(code: "third-county", name: LocalizedText(fi: "Kolmas", sv: "Tredje", en: "Third"))
        organisation.surveyID = try await SurveyStore.ensureNational(app.kaiku.nationalSurvey, on: app.db).requireID()
        try await organisation.create(on: app.db)
        let unit = OrgUnit(organisationID: try organisation.requireID(), code: "Z", parentID: nil, name: LocalizedText(fi: "Z", sv: "Z", en: "Z"))
        try await unit.create(on: app.db)
        try await Target(organisationID: try organisation.requireID(), code: "t-z", unitID: try unit.requireID(), name: LocalizedText(fi: "Z", sv: "Z", en: "Z")).create(on: app.db)
    }

    private func optIn(_ app: Application, token: String, minimumN: Int? = nil) async throws {
        var change: [String: Any] = ["benchmarking": true]
        if let minimumN { change["minimumN"] = minimumN }
        let response = try await app.send(.PATCH, "/api/v1/organisation", json: RawJSON(change), token: token)
        XCTAssertEqual(response.status, .ok, response.text)
        XCTAssertTrue(response.text.contains("\"benchmarking\":true"), response.text)
    }

    func testOnlyOrganisationsThatShareSeeEachOthersOrganisationLevelFigures() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await thirdOrganisation(app)
            for (target, score) in [("t-a1", 10), ("t-x", 0), ("t-z", 5)] {
                for _ in 0..<5 { try await TestWorld.submit(app, target: target, nps: score) }
            }
            let ours = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let theirs = try await world.signIn(app, role: .administrator, unit: "X")

            let beforeOptIn = try await app.send(.GET, "/api/v1/reports/benchmark", token: ours)
            XCTAssertEqual(beforeOptIn.status, .forbidden, "who does not share does not see")

            try await optIn(app, token: ours)
            let alone = try await app.send(.GET, "/api/v1/reports/benchmark", token: ours).json(Benchmark.self)
            XCTAssertEqual(alone.organisations.map(\.code), ["test-county"], "the others have not opted in")

            try await optIn(app, token: theirs)
            let response = try await app.send(.GET, "/api/v1/reports/benchmark", token: ours)
            let both = try response.json(Benchmark.self)

            XCTAssertEqual(both.organisations.map(\.code), ["other-county", "test-county"])
            XCTAssertEqual(both.organisations.map(\.nps), [-100, 100])
            XCTAssertEqual(both.organisations.map(\.own), [false, true])
            XCTAssertFalse(response.text.contains("third-county"), "an organisation that did not opt in is never shown")
            for unitCode in ["\"X\"", "t-x", "\"A1\""] { XCTAssertFalse(response.text.contains(unitCode), "no unit is named: \(unitCode)") }
        }
    }

    func testASharedFigureMustPassBothOrganisationsMinimumN() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            for target in ["t-a1", "t-x"] {
                for _ in 0..<6 { try await TestWorld.submit(app, target: target, nps: 10) }
            }
            let ours = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let theirs = try await world.signIn(app, role: .administrator, unit: "X")
            try await optIn(app, token: ours)
            try await optIn(app, token: theirs, minimumN: 10)

            let ourView = try await app.send(.GET, "/api/v1/reports/benchmark", token: ours).json(Benchmark.self)
            let theirView = try await app.send(.GET, "/api/v1/reports/benchmark", token: theirs).json(Benchmark.self)

            // Six answers pass our minimum of 5 but not their 10, whichever side looks; our own figure is ours to see.
            XCTAssertEqual(ourView.organisations.map(\.code), ["other-county", "test-county"])
            XCTAssertEqual(ourView.organisations.map(\.nps), [nil, 100])
            XCTAssertEqual(theirView.organisations.map(\.nps), [nil, nil])
            XCTAssertEqual(ourView.organisations.map(\.n), [6, 6], "n is always given")
        }
    }

    func testTheDashboardShowsTheComparisonOnlyWhenSharing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await User(organisationID: world.units["ROOT"]!.organisationID, email: "analyst@test.example",
                           passwordHash: try await app.password.async.hash(TestWorld.password), role: .analyst,
                           unitID: try world.units["ROOT"]!.requireID()).create(on: app.db)
            let browser = StaffBrowser(app)
            try await browser.signIn(email: "analyst@test.example")

            let before = try await browser.get("/staff/dashboard")
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            try await optIn(app, token: admin)
            let after = try await browser.get("/staff/dashboard")

            XCTAssertFalse(before.text.contains("id=\"benchmark\""))
            XCTAssertTrue(after.text.contains("id=\"benchmark\""))
            XCTAssertTrue(after.text.contains("Vertailu muihin organisaatioihin"))
        }
    }
}
