import AsyncHTTPClient
import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import XCTVapor
@testable import KaikuWeb

/// The built `kaiku` binary putting an installation into service:
/// `kaiku organisation create`, and `kaiku serve` on an empty database
/// printing the one-time setup address that the setup page then uses up.
final class OrganisationCommandTests: XCTestCase {
    private typealias Outcome = KaikuBinary.Outcome

    private var directory: URL!
    private var data: String { directory.appendingPathComponent("data").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-org-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var binary: URL { KaikuBinary.url }

    private func environment(_ extra: [String: String] = [:]) -> [String: String] { KaikuBinary.environment(extra) }

    private func kaiku(_ arguments: String...) throws -> Outcome {
        try kaiku(arguments)
    }

    /// Opens the data directory's database in this process to look at what the binary left.
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

    func testOrganisationCreateMakesTheOrganisationWithItsRootUnitAndPrintsItsCode() async throws {
        let created = try kaiku("organisation", "create", "--code", "pirkanmaa", "--name-fi", "Pirkanmaan hyvinvointialue",
                                "--name-sv", "Birkalands välfärdsområde", "--promise-days", "10", "--promise-in", "workingDays",
                                "--languages", "fi,sv", "--data-dir", data)

        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertEqual(created.output, "pirkanmaa\n", "the code alone on standard output")
        XCTAssertTrue(created.errors.contains("Created the organisation pirkanmaa"), created.errors)
        XCTAssertTrue(created.errors.contains("No English name was given: the Finnish name is used for it."), created.errors)
        XCTAssertTrue(created.errors.contains("KAIKU_ADMIN_EMAIL"), "says what comes next:\n\(created.errors)")
        try await inspect { app in
            let found = try await Organisation.query(on: app.db).first()
            let organisation = try XCTUnwrap(found)
            XCTAssertEqual(organisation.name, LocalizedText(fi: "Pirkanmaan hyvinvointialue", sv: "Birkalands välfärdsområde", en: "Pirkanmaan hyvinvointialue"))
            XCTAssertEqual(organisation.promiseDays, 10)
            XCTAssertEqual(organisation.promiseIn, "workingDays")
            XCTAssertEqual(organisation.timeZoneID, "Europe/Helsinki")
            XCTAssertEqual(organisation.offeredLanguages, [.fi, .sv])
            XCTAssertNotNil(organisation.surveyID)
            let units = try await OrgUnit.query(on: app.db).all()
            XCTAssertEqual(units.map(\.code), ["pirkanmaa"])
            let audit = try await AuditEntry.query(on: app.db).all()
            XCTAssertEqual(audit.map(\.action), ["organisation.create"])
            XCTAssertEqual(audit.first?.actor, "command line")
        }

        let again = try kaiku("organisation", "create", "--code", "pirkanmaa", "--name-fi", "Toinen", "--data-dir", data)

        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.errors.split(separator: "\n").count, 1, again.errors)
        XCTAssertTrue(again.errors.contains("Another organisation has this code already"), again.errors)
        XCTAssertEqual(again.output, "")
    }

    func testMistakesAreOneSentenceEachAndMakeNothing() throws {
        let cases: [([String], String)] = [
            (["--code", "Pirkanmaa", "--name-fi", "P"], "--code: The code must be 2–40 lowercase letters"),
            (["--name-fi", "P"], "Give the organisation a code with --code CODE."),
            (["--code", "pirkanmaa"], "Give the organisation its Finnish name with --name-fi NAME."),
            (["--code", "pirkanmaa", "--name-fi", "P", "--time-zone", "EET"], "--time-zone: The time zone must be an IANA time zone"),
            (["--code", "pirkanmaa", "--name-fi", "P", "--promise-days", "0"], "--promise-days: The answer promise must be 1–90 days."),
            (["--code", "pirkanmaa", "--name-fi", "P", "--promise-days", "two"], "--promise-days must be a whole number."),
            (["--code", "pirkanmaa", "--name-fi", "P", "--promise-in", "weeks"], "--promise-in: The promise counts calendarDays or workingDays."),
            (["--code", "pirkanmaa", "--name-fi", "P", "--languages", "fi,de"], "--languages takes fi, sv and en"),
        ]
        for (arguments, words) in cases {
            let outcome = try kaiku(["organisation", "create"] + arguments + ["--data-dir", data])
            XCTAssertEqual(outcome.status, 1, "\(arguments)")
            XCTAssertEqual(outcome.errors.split(separator: "\n").count, 1, "\(arguments): \(outcome.errors)")
            XCTAssertTrue(outcome.errors.contains(words), "\(arguments): \(outcome.errors)")
            XCTAssertEqual(outcome.output, "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: data), "a mistake makes no data directory")
    }

    private func kaiku(_ arguments: [String]) throws -> Outcome {
        try KaikuBinary.run(arguments, in: directory)
    }

    func testTheHelpNamesEveryOption() throws {
        let help = try kaiku("organisation", "create", "--help")
        XCTAssertEqual(help.status, 0, help.errors)
        for option in ["code", "name-fi", "name-sv", "name-en", "time-zone", "promise-days", "promise-in", "languages", "data-dir"] {
            XCTAssertTrue(help.output.contains(option), "\(option):\n\(help.output)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: data))
    }

    /// A port nobody listens on now.
    private func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try XCTUnwrap(channel.localAddress?.port)
        try await channel.close()
        return port
    }

    func testServeOnAnEmptyDatabasePrintsAOneTimeSetupAddressThatTheSetupPageUsesUp() async throws {
        let port = try await freePort()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", String(port), "--data-dir", data]
        process.currentDirectoryURL = directory
        // The address must show whatever the log level.
        process.environment = environment(["LOG_LEVEL": "error", "KAIKU_RUN_JOBS": "false"])
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let printed = NIOLockedValueBox("")
        errors.fileHandleForReading.readabilityHandler = { handle in
            let chunk = String(decoding: handle.availableData, as: UTF8.self)
            printed.withLockedValue { $0 += chunk }
        }
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            errors.fileHandleForReading.readabilityHandler = nil
        }

        let pattern = #"http://127\.0\.0\.1:\#(port)/setup/[A-Za-z0-9_-]{43}"#
        var address: String?
        for _ in 0..<600 where address == nil {
            let text = printed.withLockedValue { $0 }
            if let range = text.range(of: pattern, options: .regularExpression) { address = String(text[range]) }
            if !process.isRunning { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        let setup = try XCTUnwrap(address, "serve printed no setup address on standard error:\n\(printed.withLockedValue { $0 })")

        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        do {
            var page: HTTPClientResponse?
            for _ in 0..<300 where page == nil {
                page = try? await client.execute(HTTPClientRequest(url: setup), timeout: .seconds(5))
                if page == nil { try await Task.sleep(nanoseconds: 100_000_000) }
            }
            XCTAssertEqual(page?.status, .ok)

            var post = HTTPClientRequest(url: setup)
            post.method = .POST
            post.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            let fields = ["lang=en", "code=pirkanmaa", "nameFi=Pirkanmaan%20hyvinvointialue", "offerSv=yes", "offerEn=yes",
                          "timeZone=Europe%2FHelsinki", "promiseDays=14", "promiseIn=calendarDays", "adminName=Admin",
                          "adminEmail=admin%40pirha.example", "adminPassword=kolme%20pienta%20porsasta", "adminPasswordAgain=kolme%20pienta%20porsasta"]
            post.body = .bytes(ByteBuffer(string: fields.joined(separator: "&")))
            let created = try await client.execute(post, timeout: .seconds(30))
            XCTAssertEqual(created.status, .seeOther)
            XCTAssertEqual(created.headers.first(name: "Location"), "/setup/done?lang=en")

            let used = try await client.execute(HTTPClientRequest(url: setup), timeout: .seconds(5))
            XCTAssertEqual(used.status, .notFound, "the address works once")

            var token = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/auth/token")
            token.method = .POST
            token.headers.add(name: "Content-Type", value: "application/json")
            token.body = .bytes(ByteBuffer(string: #"{"email":"admin@pirha.example","password":"kolme pienta porsasta"}"#))
            let signedIn = try await client.execute(token, timeout: .seconds(30))
            XCTAssertEqual(signedIn.status, .ok, "the first administrator signs in")
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}
