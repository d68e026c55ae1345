import Foundation
import KaikuStore
import Vapor

/// The signed-in installation administrator: may create and list
/// organisations, and is refused everything inside one.
struct OperatorUser: Authenticatable {
    var operatorID: UUID
    var email: String

    /// Why an organisation's route refuses the operator's token.
    static let refusal = "The installation administrator manages organisations and sees none of their data; sign in as a user of the organisation instead."

    /// Signs the operator in when `hash` is one of their unexpired tokens;
    /// asked only once a token is no staff member's.
    static func authenticate(tokenHash hash: String, for request: Request) async throws {
        guard let holder = try await InstallationOperators.holder(ofTokenHash: hash, now: request.kaiku.clock.now, on: request.db) else { return }
        request.auth.login(OperatorUser(operatorID: try holder.requireID(), email: holder.email))
    }
}

extension Request {
    /// The installation administrator, or 403 for staff and 401 for nobody.
    func requireOperator() throws -> OperatorUser {
        if let signedIn = auth.get(OperatorUser.self) { return signedIn }
        if auth.has(StaffUser.self) {
            throw Abort(.forbidden, reason: "Only the installation administrator (KAIKU_OPERATOR_EMAIL) manages organisations.")
        }
        throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"],
                    reason: "Sign in as the installation administrator: send Authorization: Bearer <token> from POST /api/v1/auth/token.")
    }
}
