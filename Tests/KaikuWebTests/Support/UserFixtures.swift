import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Users by e-mail address and the links their e-mail carries, for the
/// tests of managing users.
enum UserFixtures {
    static func user(_ app: Application, _ email: String) async throws -> User {
        let found = try await User.query(on: app.db).filter(\.$email == email).first()
        return try XCTUnwrap(found, "no user \(email)")
    }

    static func id(_ app: Application, _ email: String) async throws -> UUID {
        let found = try await user(app, email)
        return try XCTUnwrap(found.id)
    }

    /// The path of the password link in an e-mail (`/staff/password/…?lang=…`), without the host.
    static func linkPath(in email: OutgoingEmail?) throws -> String {
        let body = try XCTUnwrap(email?.body, "no e-mail")
        let range = try XCTUnwrap(body.range(of: #"/staff/password/[A-Za-z0-9_-]+(\?lang=[a-z]{2})?"#, options: .regularExpression),
                                  "no link in \(body)")
        return String(body[range])
    }

    /// The audit entries of an action, oldest first.
    static func audit(_ app: Application, _ action: String) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: app.db).filter(\.$action == action).sort(\.$at).all()
    }
}
