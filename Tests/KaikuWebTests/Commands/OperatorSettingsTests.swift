import Foundation
import XCTest
@testable import KaikuWeb

/// `KAIKU_OPERATOR_EMAIL` and `KAIKU_OPERATOR_PASSWORD`, read with the other
/// settings: both or neither, and a password the policy accepts.
final class OperatorSettingsTests: XCTestCase {
    private func settings(_ environment: [String: String]) throws -> KaikuSettings {
        try KaikuSettings.from(environment: environment, dataDirectory: nil)
    }

    private func problem(_ environment: [String: String], file: StaticString = #filePath, line: UInt = #line) -> SettingsProblem? {
        do {
            _ = try settings(environment)
            XCTFail("expected a settings problem", file: file, line: line)
        } catch let problem as SettingsProblem {
            return problem
        } catch {
            XCTFail("expected a settings problem, got \(error)", file: file, line: line)
        }
        return nil
    }

    func testTheOperatorIsReadWhenBothAreSet() throws {
        let read = try settings(["KAIKU_OPERATOR_EMAIL": " Operator@Kaiku.Example ", "KAIKU_OPERATOR_PASSWORD": "installation-keeper-2026"])
        XCTAssertEqual(read.operatorEmail, "operator@kaiku.example")
        XCTAssertEqual(read.operatorPassword, "installation-keeper-2026")
        let none = try settings([:])
        XCTAssertNil(none.operatorEmail)
        XCTAssertNil(none.operatorPassword)
    }

    func testHalfAPairIsRefusedNamingTheMissingOne() throws {
        let noPassword = try XCTUnwrap(problem(["KAIKU_OPERATOR_EMAIL": "operator@kaiku.example"]))
        XCTAssertEqual(noPassword.variable, "KAIKU_OPERATOR_PASSWORD")
        XCTAssertTrue(noPassword.message.contains("set both"), noPassword.message)
        let noEmail = try XCTUnwrap(problem(["KAIKU_OPERATOR_PASSWORD": "installation-keeper-2026"]))
        XCTAssertEqual(noEmail.variable, "KAIKU_OPERATOR_EMAIL")
    }

    func testAWeakPasswordOrABadAddressIsRefused() throws {
        let weak = try XCTUnwrap(problem(["KAIKU_OPERATOR_EMAIL": "operator@kaiku.example", "KAIKU_OPERATOR_PASSWORD": "salasana"]))
        XCTAssertEqual(weak.variable, "KAIKU_OPERATOR_PASSWORD")
        XCTAssertTrue(weak.message.contains("at least 12 characters"), weak.message)
        XCTAssertFalse(weak.message.contains("salasana"), "the password stays out of messages")
        let common = try XCTUnwrap(problem(["KAIKU_OPERATOR_EMAIL": "operator@kaiku.example", "KAIKU_OPERATOR_PASSWORD": "Salasana2026!"]))
        XCTAssertEqual(common.variable, "KAIKU_OPERATOR_PASSWORD")
        let address = try XCTUnwrap(problem(["KAIKU_OPERATOR_EMAIL": "operator", "KAIKU_OPERATOR_PASSWORD": "installation-keeper-2026"]))
        XCTAssertEqual(address.variable, "KAIKU_OPERATOR_EMAIL")
    }

    func testTheOperatorIsNotTheOrganisationsAdministrator() throws {
        let same = try XCTUnwrap(problem(["KAIKU_ADMIN_EMAIL": "boss@kaiku.example", "KAIKU_ADMIN_PASSWORD": "organisation-keeper-2026",
                                          "KAIKU_OPERATOR_EMAIL": "BOSS@kaiku.example", "KAIKU_OPERATOR_PASSWORD": "installation-keeper-2026"]))
        XCTAssertEqual(same.variable, "KAIKU_OPERATOR_EMAIL")
        XCTAssertTrue(same.message.contains("must differ"), same.message)
    }
}
