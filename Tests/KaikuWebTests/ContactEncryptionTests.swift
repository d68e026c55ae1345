import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class ContactEncryptionTests: XCTestCase {
    func testContactDetailsAreStoredEncryptedAndReadBackForTheHandler() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let receipt = try await TestWorld.submit(app, target: "t-a1", nps: 1, extra: [
                "contact": ["name": "Maija Meikäläinen", "email": "maija@example.fi", "phone": "+358 40 123 4567"], "wantsAnswer": true,
            ])
            let stored = try await ResponseContact.query(on: app.db).filter(\.$responseID == receipt.id).first()
            let row = try XCTUnwrap(stored)
            for (stored, plain) in [(row.name, "Meikäläinen"), (row.email, "maija@example.fi"), (row.phone, "358401234567")] {
                let value = try XCTUnwrap(stored)
                XCTAssertTrue(value.hasPrefix("v1:"))
                XCTAssertFalse(value.contains(plain))
            }
            let token = try await world.signIn(app, role: .handler, unit: "A1")
            let item = try await app.send(.GET, "/api/v1/cases?receipt=\(receipt.receipt)", token: token).json([CaseSummaryDTO].self)
            let detail = try await app.send(.GET, "/api/v1/cases/\(try XCTUnwrap(item.first?.id))", token: token).json(CaseDetailDTO.self)
            XCTAssertEqual(detail.contact?.name, "Maija Meikäläinen")
            XCTAssertEqual(detail.contact?.phone, "+358401234567")
        }
    }

    func testCipherRefusesAnotherKeyAndMalformedKeys() throws {
        let cipher = try ContactCipher(base64Key: ContactCipher.generateKey())
        let sealed = try cipher.seal("maija@example.fi")
        XCTAssertNotEqual(try cipher.seal("maija@example.fi"), sealed, "a fresh nonce each time")
        XCTAssertEqual(try cipher.open(sealed), "maija@example.fi")
        let stranger = try ContactCipher(base64Key: ContactCipher.generateKey())
        XCTAssertThrowsError(try stranger.open(sealed))
        XCTAssertThrowsError(try ContactCipher(base64Key: "c2hvcnQ=")) { XCTAssertEqual($0 as? ContactCipher.KeyError, .malformed) }
    }

    func testServerRefusesToStartOnPostgreSQLWithoutAKey() async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: KaikuSettings(database: .postgres(url: "postgres://kaiku@127.0.0.1:9/kaiku"), autoMigrate: false))
            XCTFail("configure must refuse PostgreSQL without KAIKU_ENCRYPTION_KEY")
        } catch let error as ContactCipher.KeyError {
            XCTAssertEqual(error, .missingForPostgres)
        }
        try await app.asyncShutdown()
    }

    func testAMissingDatabaseDirectoryIsNamedWithWhatToDo() {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-missing-\(UUID().uuidString)/deeper")
        let location = DatabaseLocation.sqlite(path: directory.appendingPathComponent("kaiku.sqlite").path)

        XCTAssertThrowsError(try ContactCipher.resolve(environmentKey: nil, location: location)) { error in
            XCTAssertEqual(error as? ContactCipher.KeyError, .directoryUnusable(directory.path))
            XCTAssertTrue("\(error)".contains("mkdir -p \(directory.path)"), "\(error)")
        }
    }

    func testEmbeddedSQLiteKeepsAPrivateKeyFileBesideTheDatabase() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaiku-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = DatabaseLocation.sqlite(path: directory.appendingPathComponent("kaiku.sqlite").path)
        let first = try ContactCipher.resolve(environmentKey: nil, location: location)
        let sealed = try first.seal("040 123 4567")
        let again = try ContactCipher.resolve(environmentKey: nil, location: location)
        XCTAssertEqual(try again.open(sealed), "040 123 4567", "the same key is used after a restart")
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("kaiku.key").path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }
}
