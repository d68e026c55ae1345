import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Invitations and password resets: the e-mail with its one-time link,
/// the page that sets the password, and links that no longer work.
final class PasswordLinkTests: XCTestCase {
    private let newPassword = "kolme-pientä-porsasta"

    /// Posts the password page's form as a browser would (no session is needed).
    private func setPassword(_ app: Application, link: String, _ password: String, again: String? = nil) async throws -> XCTHTTPResponse {
        let body = "password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            + "&again=\((again ?? password).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try await app.sendRequest(.POST, link, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    private func signIn(_ app: Application, _ email: String, _ password: String) async throws -> HTTPStatus {
        try await app.send(.POST, "/api/v1/auth/token", json: ["email": email, "password": password]).status
    }

    func testAnInvitedUserSetsTheirPasswordThroughTheLinkOnceAndSignsIn() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail, adjust: { $0.publicBaseURL = "https://palaute.example.fi/" }) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT", email: "chief@test.example")

            let created = try await app.send(.POST, "/api/v1/users", json: ["email": "Uusi@Test.Example", "role": "handler", "unit": "A1",
                                                                           "name": "Uusi Työntekijä", "language": "sv"], token: admin)

            XCTAssertEqual(created.status, .created, created.text)
            XCTAssertEqual(mail.messages.count, 1)
            let invitation = try XCTUnwrap(mail.messages.first)
            XCTAssertEqual(invitation.to, "uusi@test.example")
            XCTAssertTrue(invitation.subject.contains("konto"), "in Swedish: \(invitation.subject)")
            XCTAssertTrue(invitation.body.contains("https://palaute.example.fi/staff/password/"), invitation.body)
            let link = try UserFixtures.linkPath(in: invitation)
            let withoutPassword = try await signIn(app, "uusi@test.example", "")
            XCTAssertEqual(withoutPassword, .unauthorized, "no password until one is set")
            let stored = try await PasswordToken.query(on: app.db).all()
            XCTAssertEqual(stored.count, 1)
            XCTAssertFalse(link.contains(try XCTUnwrap(stored.first?.tokenHash)), "only the hash is stored")

            let page = try await app.sendRequest(.GET, link)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("uusi@test.example"))
            XCTAssertTrue(page.text.contains("id=\"password-rules\""), "the rules are shown before typing")
            let mismatch = try await setPassword(app, link: link, newPassword, again: newPassword + "!")
            XCTAssertEqual(mismatch.status, .badRequest)
            XCTAssertTrue(mismatch.text.contains("aria-invalid=\"true\""))
            let weak = try await setPassword(app, link: link, "salasana123")
            XCTAssertEqual(weak.status, .badRequest)
            let set = try await setPassword(app, link: link, newPassword)
            XCTAssertEqual(set.status, .seeOther)
            XCTAssertEqual(set.headers.first(name: .location), "/staff/password/set")
            let done = try await app.sendRequest(.GET, "/staff/password/set")
            XCTAssertTrue(done.text.contains("href=\"/staff/login\""), "the page leads to sign-in")

            let signedIn = try await signIn(app, "uusi@test.example", newPassword)
            XCTAssertEqual(signedIn, .ok)
            let reused = try await app.sendRequest(.GET, link)
            XCTAssertEqual(reused.status, .gone)
            XCTAssertTrue(reused.text.contains("id=\"password-spent\""))
            let reposted = try await setPassword(app, link: link, "toinen-hyvä-salasana")
            XCTAssertEqual(reposted.status, .gone)
            let list = try await app.send(.GET, "/api/v1/users", token: admin).json([UsersController.UserDTO].self)
            XCTAssertEqual(list.first { $0.email == "uusi@test.example" }?.invited, false)
            let created1 = try await UserFixtures.audit(app, "user.create")
            XCTAssertEqual(created1.first?.after?.contains(#""invited":true"#), true)
            let setEntries = try await UserFixtures.audit(app, "user.password-set")
            XCTAssertEqual(setEntries.map(\.actor), ["uusi@test.example"])
        }
    }

    func testAResetSupersedesOlderLinksAndKeepsTheOldPasswordUntilTheNewOneIsSet() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "A")
            let token = try await world.signIn(app, role: .handler, unit: "A2", email: "forgetful@test.example")
            let id = try await UserFixtures.id(app, "forgetful@test.example")

            let first = try await app.send(.POST, "/api/v1/users/\(id)/password-reset", token: admin)
            let second = try await app.send(.POST, "/api/v1/users/\(id)/password-reset", json: ["language": "en"], token: admin)
            XCTAssertEqual(second.status, .accepted)

            XCTAssertEqual(first.status, .accepted, first.text)
            XCTAssertEqual(first.object["kind"] as? String, "reset")
            XCTAssertEqual(mail.messages.count, 2)
            XCTAssertEqual(mail.messages.last?.subject, "Kaiku: set a new password")
            let oldLink = try UserFixtures.linkPath(in: mail.messages.first)
            let newLink = try UserFixtures.linkPath(in: mail.messages.last)
            let superseded = try await app.sendRequest(.GET, oldLink)
            XCTAssertEqual(superseded.status, .gone, "a new link supersedes the older one")
            let oldPassword = try await signIn(app, "forgetful@test.example", TestWorld.password)
            XCTAssertEqual(oldPassword, .ok, "the old password works until a new one is set")

            let set = try await setPassword(app, link: newLink, newPassword)

            XCTAssertEqual(set.status, .seeOther)
            let oldAfter = try await signIn(app, "forgetful@test.example", TestWorld.password)
            let newAfter = try await signIn(app, "forgetful@test.example", newPassword)
            XCTAssertEqual(oldAfter, .unauthorized)
            XCTAssertEqual(newAfter, .ok)
            let oldToken = try await app.send(.GET, "/api/v1/cases", token: token)
            XCTAssertEqual(oldToken.status, .unauthorized, "setting a password signs out the sessions of the old one")
            let resets = try await UserFixtures.audit(app, "user.password-reset")
            XCTAssertEqual(resets.count, 2)
        }
    }

    func testAnExpiredLinkShowsAClearPageAndSetsNothing() async throws {
        let mail = RecordingMailSender()
        let clock = TestClock()
        try await withApp(clock: clock.wall, mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            _ = try await app.send(.POST, "/api/v1/users", json: ["email": "late@test.example", "role": "analyst", "unit": "B"], token: admin)
            try await world.signIn(app, role: .handler, unit: "B1", email: "reset@test.example")
            let resetID = try await UserFixtures.id(app, "reset@test.example")
            _ = try await app.send(.POST, "/api/v1/users/\(resetID)/password-reset", token: admin)
            let invitation = try UserFixtures.linkPath(in: mail.messages.first)
            let reset = try UserFixtures.linkPath(in: mail.messages.last)

            clock.advance(by: 3_601)
            let expiredReset = try await setPassword(app, link: reset, newPassword)
            let stillValid = try await app.sendRequest(.GET, invitation)
            clock.advance(by: 7 * 86_400)
            let expiredInvitation = try await app.sendRequest(.GET, invitation)

            XCTAssertEqual(expiredReset.status, .gone)
            XCTAssertTrue(expiredReset.text.contains("id=\"password-spent\""))
            XCTAssertEqual(stillValid.status, .ok, "an invitation lasts a week")
            XCTAssertEqual(expiredInvitation.status, .gone)
            let resetPassword = try await signIn(app, "reset@test.example", newPassword)
            XCTAssertEqual(resetPassword, .unauthorized)
        }
    }

    func testGuessingLinksIsThrottled() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            for _ in 0..<5 {
                let guess = try await app.send(from: "203.0.113.7", .GET, "/staff/password/\(TokenHash.newToken())")
                XCTAssertEqual(guess.status, .notFound)
            }

            let throttled = try await app.send(from: "203.0.113.7", .GET, "/staff/password/\(TokenHash.newToken())")
            let elsewhere = try await app.send(from: "198.51.100.8", .GET, "/staff/password/\(TokenHash.newToken())")

            XCTAssertEqual(throttled.status, .tooManyRequests)
            XCTAssertNotNil(throttled.headers.first(name: "Retry-After"))
            XCTAssertEqual(elsewhere.status, .notFound)
        }
    }

    func testDeactivationVoidsOpenLinksAndAResetForADeactivatedUserIsRefused() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            _ = try await app.send(.POST, "/api/v1/users", json: ["email": "never@test.example", "role": "handler", "unit": "A1"], token: admin)
            let id = try await UserFixtures.id(app, "never@test.example")
            let link = try UserFixtures.linkPath(in: mail.messages.first)

            _ = try await app.send(.PATCH, "/api/v1/users/\(id)", json: ["active": false], token: admin)
            let page = try await app.sendRequest(.GET, link)
            let reset = try await app.send(.POST, "/api/v1/users/\(id)/password-reset", token: admin)

            XCTAssertEqual(page.status, .gone)
            XCTAssertEqual(reset.status, .conflict)
            XCTAssertEqual(mail.messages.count, 1)
        }
    }

    func testOnlyAnAdministratorWhoseSubtreeCoversTheUserSendsAReset() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let branchAdmin = try await world.signIn(app, role: .administrator, unit: "B")
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "ROOT")
            try await world.signIn(app, role: .handler, unit: "A1", email: "a1@test.example")
            let id = try await UserFixtures.id(app, "a1@test.example")

            let outside = try await app.send(.POST, "/api/v1/users/\(id)/password-reset", token: branchAdmin)
            let notAdmin = try await app.send(.POST, "/api/v1/users/\(id)/password-reset", token: supervisor)
            let badLanguage = try await app.send(.POST, "/api/v1/users/\(id)/password-reset", json: ["language": "de"], token: supervisor)

            XCTAssertEqual(outside.status, .notFound)
            XCTAssertEqual(notAdmin.status, .forbidden)
            XCTAssertEqual(badLanguage.status, .forbidden)
            XCTAssertTrue(mail.messages.isEmpty)
        }
    }

    func testAnInvitationWaitsInTheJobTableWhenTheMailServerIsAway() async throws {
        let mail = RecordingMailSender()
        try await withApp(mail: mail) { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            mail.failure = MailServerAway()

            let created = try await app.send(.POST, "/api/v1/users", json: ["email": "patient@test.example", "role": "handler", "unit": "A1"], token: admin)

            XCTAssertEqual(created.status, .created, "the user exists although the e-mail could not go yet")
            let waiting = try await Job.query(on: app.db).filter(\.$kind == PasswordMailJob.kind).first()
            XCTAssertNil(try XCTUnwrap(waiting).doneAt)
            XCTAssertNotNil(waiting?.lastError)
        }
    }
}

private struct MailServerAway: Error {}
