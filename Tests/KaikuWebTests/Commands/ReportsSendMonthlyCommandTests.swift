import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `kaiku reports send-monthly` through the built binary: clear refusals,
/// a dry run that writes .eml files and records nothing, and a second run
/// that sends nothing.
final class ReportsSendMonthlyCommandTests: XCTestCase {
    private var directory: URL!
    private var data: String { directory.appendingPathComponent("data").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func kaiku(_ arguments: String...) throws -> KaikuBinary.Outcome {
        try KaikuBinary.run(arguments, in: directory)
    }

    /// Opens the data directory's database in this process.
    private func inspect(_ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        var settings = KaikuSettings(database: .sqlite(path: data + "/kaiku.sqlite"), autoMigrate: false)
        settings.passwordCost = 4
        do {
            try await configure(app, settings: settings)
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    func testDryRunWritesMessagesAndASecondRunSendsNothing() async throws {
        let created = try kaiku("organisation", "create", "--code", "testikunta", "--name-fi", "Testikunta", "--data-dir", data)
        XCTAssertEqual(created.status, 0, created.errors)
        try await inspect { app in
            let foundOrganisation = try await Organisation.query(on: app.db).first()
            let foundRoot = try await OrgUnit.query(on: app.db).first()
            let organisation = try XCTUnwrap(foundOrganisation)
            let root = try XCTUnwrap(foundRoot)
            for (email, role) in [("esihenkilo1@test.example", User.Role.supervisor), ("esihenkilo2@test.example", .supervisor),
                                  ("kasittelija@test.example", .handler)] {
                try await User(organisationID: try organisation.requireID(), email: email, passwordHash: "not-a-real-hash", role: role,
                               unitID: try root.requireID()).create(on: app.db)
            }
        }
        let month = ReportMonth.ended(before: CalendarDay(date: Date(), timeZone: TimeZone(identifier: "Europe/Helsinki")!)).description

        let wrongMonth = try kaiku("reports", "send-monthly", "--month", "2026-13", "--data-dir", data)
        XCTAssertNotEqual(wrongMonth.status, 0)
        XCTAssertEqual(wrongMonth.output, "")
        XCTAssertTrue(wrongMonth.errors.contains("YYYY-MM"), wrongMonth.errors)
        let noOutput = try kaiku("reports", "send-monthly", "--dry-run", "--data-dir", data)
        XCTAssertNotEqual(noOutput.status, 0)
        XCTAssertTrue(noOutput.errors.contains("--output"), noOutput.errors)
        let unknownOrg = try kaiku("reports", "send-monthly", "--org", "nobody", "--data-dir", data)
        XCTAssertNotEqual(unknownOrg.status, 0)
        XCTAssertTrue(unknownOrg.errors.contains("nobody"), unknownOrg.errors)

        let out = directory.appendingPathComponent("eml").path
        let dryRun = try kaiku("reports", "send-monthly", "--month", month, "--dry-run", "--output", out, "--data-dir", data)
        XCTAssertEqual(dryRun.status, 0, dryRun.errors)
        XCTAssertEqual(dryRun.output, "2\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".eml") }
        XCTAssertEqual(files.count, 2)
        let eml = try String(contentsOfFile: out + "/" + files[0], encoding: .utf8)
        XCTAssertTrue(eml.contains("Content-Type: multipart/alternative"), eml)
        XCTAssertTrue(eml.contains("Content-Type: text/html; charset=utf-8"))
        try await inspect { app in
            let recorded = try await ReportDelivery.query(on: app.db).count()
            XCTAssertEqual(recorded, 0, "a dry run records nothing")
        }

        let first = try kaiku("reports", "send-monthly", "--month", month, "--data-dir", data)
        XCTAssertEqual(first.status, 0, first.errors)
        XCTAssertEqual(first.output, "2\n", "both supervisors; the handler has not subscribed")
        let second = try kaiku("reports", "send-monthly", "--month", month, "--data-dir", data)
        XCTAssertEqual(second.status, 0, second.errors)
        XCTAssertEqual(second.output, "0\n")
    }
}
