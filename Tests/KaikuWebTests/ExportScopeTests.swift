import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Who may export what: the rules of the reports, plus roles.
final class ExportScopeTests: XCTestCase {
    private func status(_ app: Application, _ path: String, _ token: String?) async throws -> (HTTPStatus, String?) {
        let response = try await app.send(.GET, path, token: token)
        return (response.status, response.object["field"] as? String)
    }

    func testUnitsOutsideTheScopeAreRefusedAsReportsRefuseThem() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let token = try await world.signIn(app, role: .supervisor, unit: "A")

            let cases: [(String, HTTPStatus, String?)] = [
                ("unit=B", .forbidden, "unit"), ("unit=X", .notFound, "unit"), ("unit=NOPE", .notFound, "unit"),
                ("unit=A1", .ok, nil), ("from=2026-13-01", .badRequest, "from"), ("from=2026-02-01&to=2026-01-01", .badRequest, "from"),
                ("bom=maybe", .badRequest, "bom"),
            ]
            for (query, expected, field) in cases {
                for format in ["csv", "json"] {
                    let (actual, actualField) = try await status(app, "/api/v1/exports/answers.\(format)?\(query)", token)
                    XCTAssertEqual(actual, expected, "\(format) \(query)")
                    XCTAssertEqual(actualField, field, "\(format) \(query)")
                }
            }
        }
    }

    func testHandlersAndStrangersCannotExport() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let handler = try await world.signIn(app, role: .handler, unit: "A")

            let refused = try await app.send(.GET, "/api/v1/exports/answers.csv", token: handler)
            let anonymous = try await app.send(.GET, "/api/v1/exports/answers.csv", token: nil)

            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertTrue((refused.object["error"] as? String)?.contains("Handlers") == true, refused.text)
            XCTAssertEqual(anonymous.status, .unauthorized)
            let logged = try await AccessLogEntry.query(on: app.db).count()
            XCTAssertEqual(logged, 0, "a refused export is not an export")
        }
    }

    func testNationalExportIsForWholeOrganisationAnalystsAndAdministrators() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            var allowed: [String] = []
            for role in [User.Role.analyst, .administrator] { allowed.append(try await world.signIn(app, role: role, unit: "ROOT")) }
            var refused: [String] = []
            for (role, unit) in [(User.Role.supervisor, "ROOT"), (.analyst, "A"), (.handler, "ROOT")] {
                refused.append(try await world.signIn(app, role: role, unit: unit))
            }

            for token in allowed {
                let (code, _) = try await status(app, "/api/v1/exports/national.csv", token)
                XCTAssertEqual(code, .ok)
            }
            for token in refused {
                let (code, _) = try await status(app, "/api/v1/exports/national.json", token)
                XCTAssertEqual(code, .forbidden)
            }
        }
    }
}
