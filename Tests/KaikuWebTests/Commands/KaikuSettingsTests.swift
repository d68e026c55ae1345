import Foundation
import KaikuSMTP
import KaikuStore
import XCTest
@testable import KaikuWeb

/// The settings as values: an environment in, settings or a problem that
/// names its variable out. Nothing here opens a database.
final class KaikuSettingsTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func problem(_ environment: [String: String], dataDirectory: String? = nil,
                         file: StaticString = #filePath, line: UInt = #line) -> SettingsProblem? {
        do {
            _ = try KaikuSettings.from(environment: environment, dataDirectory: dataDirectory)
            XCTFail("expected a settings problem", file: file, line: line)
            return nil
        } catch let problem as SettingsProblem {
            return problem
        } catch {
            XCTFail("expected a settings problem, got \(error)", file: file, line: line)
            return nil
        }
    }

    func testNothingSetKeepsSQLiteInTheDataDirectoryAndSendsNothing() throws {
        let data = directory.appendingPathComponent("new/data").path
        let settings = try KaikuSettings.from(environment: [:], dataDirectory: data)
        XCTAssertEqual(settings.database, .sqlite(path: data + "/kaiku.sqlite"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: data), "--data-dir makes its own directory")
        XCTAssertNil(settings.smtp)
        XCTAssertNil(settings.smsGateway)
        XCTAssertNil(settings.logLevel)
    }

    func testDataDirectoryWinsOverDatabaseURL() throws {
        let settings = try KaikuSettings.from(environment: ["DATABASE_URL": "postgres://x@127.0.0.1/kaiku"], dataDirectory: directory.path)
        XCTAssertEqual(settings.database, .sqlite(path: directory.path + "/kaiku.sqlite"))
    }

    func testASQLiteURLInAMissingDirectoryIsRefusedNamingTheDirectory() throws {
        let missing = directory.appendingPathComponent("no/such/dir").path
        let problem = try XCTUnwrap(problem(["DATABASE_URL": "sqlite://\(missing)/kaiku.sqlite"]))
        XCTAssertEqual(problem.variable, "DATABASE_URL")
        XCTAssertTrue(problem.message.contains(missing), problem.message)
        XCTAssertTrue(problem.message.contains("mkdir -p"), problem.message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "the directory of DATABASE_URL is not made")
    }

    func testASQLiteURLInAnExistingDirectoryIsTaken() throws {
        let settings = try KaikuSettings.from(environment: ["DATABASE_URL": "sqlite://\(directory.path)/kaiku.sqlite"], dataDirectory: nil)
        XCTAssertEqual(settings.database, .sqlite(path: directory.path + "/kaiku.sqlite"))
    }

    func testABadDatabaseURLIsNamed() throws {
        let problem = try XCTUnwrap(problem(["DATABASE_URL": "mysql://db/kaiku"]))
        XCTAssertEqual(problem.variable, "DATABASE_URL")
        XCTAssertTrue(problem.message.contains("sqlite://") && problem.message.contains("postgres://"), problem.message)
    }

    func testPostgreSQLNeedsAnEncryptionKey() throws {
        let url = "postgres://kaiku:secret@127.0.0.1:5432/kaiku"
        let problem = try XCTUnwrap(problem(["DATABASE_URL": url]))
        XCTAssertEqual(problem.variable, "KAIKU_ENCRYPTION_KEY")
        XCTAssertTrue(problem.message.contains("openssl rand -base64 32"), problem.message)
        XCTAssertFalse(problem.message.contains("secret"), "the password stays out of messages")
        let settings = try KaikuSettings.from(environment: ["DATABASE_URL": url, "KAIKU_ENCRYPTION_KEY": ContactCipher.generateKey()], dataDirectory: nil)
        XCTAssertEqual(settings.database, .postgres(url: url))
    }

    func testAMalformedEncryptionKeyIsNamed() throws {
        let problem = try XCTUnwrap(problem(["KAIKU_ENCRYPTION_KEY": "not a key"], dataDirectory: directory.path))
        XCTAssertEqual(problem.variable, "KAIKU_ENCRYPTION_KEY")
    }

    func testAKeyFileThatCannotBeReadIsNamedAndKept() throws {
        // A directory where the key file should be: unreadable as a file, even for root.
        let keyPath = directory.appendingPathComponent("kaiku.key").path
        try FileManager.default.createDirectory(atPath: keyPath, withIntermediateDirectories: true)
        let problem = try XCTUnwrap(problem([:], dataDirectory: directory.path))
        XCTAssertEqual(problem.variable, "KAIKU_ENCRYPTION_KEY")
        XCTAssertTrue(problem.message.contains(keyPath), problem.message)
        XCTAssertThrowsError(try ContactCipher.resolve(environmentKey: nil, location: .sqlite(path: directory.path + "/kaiku.sqlite")),
                             "an unreadable key file is never replaced by a new key")
    }

    func testAKeyFileThatHoldsNoKeyIsNamed() throws {
        try "garbage\n".write(to: directory.appendingPathComponent("kaiku.key"), atomically: true, encoding: .utf8)
        let problem = try XCTUnwrap(problem([:], dataDirectory: directory.path))
        XCTAssertEqual(problem.variable, "KAIKU_ENCRYPTION_KEY")
    }

    func testAnSMTPPortThatIsNotANumberIsNamed() throws {
        let problem = try XCTUnwrap(problem([
            "KAIKU_SMTP_HOST": "smtp.kunta.fi", "KAIKU_SMTP_FROM": "palaute@kunta.fi", "KAIKU_SMTP_PORT": "five-eight-seven",
        ], dataDirectory: directory.path))
        XCTAssertEqual(problem.variable, "KAIKU_SMTP_PORT")
        XCTAssertTrue(problem.message.hasPrefix("KAIKU_SMTP_PORT must be"), problem.message)
        XCTAssertTrue(problem.message.hasSuffix("."), problem.message)
    }

    func testMailAndSMSSettingsAreReadHere() throws {
        let settings = try KaikuSettings.from(environment: [
            "KAIKU_SMTP_HOST": "smtp.kunta.fi", "KAIKU_SMTP_FROM": "palaute@kunta.fi", "KAIKU_SMTP_PORT": "465",
            "KAIKU_SMS_URL": "https://sms.example.fi/v1/messages", "KAIKU_SMS_SENDER": "Kunta",
        ], dataDirectory: directory.path)
        XCTAssertEqual(settings.smtp?.port, 465)
        XCTAssertEqual(settings.smtp?.security, .tls)
        XCTAssertEqual(settings.smsGateway?.senderName, "Kunta")
    }

    func testABadSMSGatewayAddressIsNamed() throws {
        let problem = try XCTUnwrap(problem(["KAIKU_SMS_URL": "ftp://sms.example.fi"], dataDirectory: directory.path))
        XCTAssertEqual(problem.variable, "KAIKU_SMS_URL")
        XCTAssertTrue(problem.message.contains("KAIKU_SMS_URL"), problem.message)
    }

    func testLogLevel() throws {
        XCTAssertEqual(try KaikuSettings.from(environment: ["LOG_LEVEL": "debug"], dataDirectory: directory.path).logLevel, .debug)
        let problem = try XCTUnwrap(problem(["LOG_LEVEL": "loud"], dataDirectory: directory.path))
        XCTAssertEqual(problem.variable, "LOG_LEVEL")
        XCTAssertTrue(problem.message.contains("notice"), problem.message)
    }

    func testADataDirectoryThatCannotBeMadeIsNamed() throws {
        let file = directory.appendingPathComponent("a-file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let problem = try XCTUnwrap(problem([:], dataDirectory: file.path + "/data"))
        XCTAssertEqual(problem.variable, "--data-dir")
        XCTAssertTrue(problem.message.contains(file.path), problem.message)
    }
}
