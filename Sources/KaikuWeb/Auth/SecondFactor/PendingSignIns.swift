import Fluent
import Foundation
import KaikuStore
import Vapor

/// The half-signed-in state between a right password and the second step:
/// five minutes, and only in the browser that holds its HttpOnly cookie.
enum PendingSignIns {
    static let cookie = "kaiku_second_step"
    static let lifetime: TimeInterval = 5 * 60

    static func start(for user: User, on request: Request, response: Response) async throws {
        let token = TokenHash.newToken()
        let now = request.kaiku.clock.now
        let userID = try user.requireID()
        // One pending sign-in per user at a time; abandoned ones go with it.
        try await PendingSignIn.query(on: request.db).group(.or) { $0.filter(\.$userID == userID).filter(\.$expiresAt < now) }.delete()
        try await PendingSignIn(userID: userID, tokenHash: TokenHash.of(token), expiresAt: now.addingTimeInterval(lifetime)).create(on: request.db)
        response.cookies[cookie] = StaffSession.makeCookie(token, request: request, maxAge: Int(lifetime))
    }

    /// The user this browser is signing in, while the state lasts and the account may sign in.
    static func user(of request: Request) async throws -> User? {
        guard let token = request.cookies[cookie]?.string, !token.isEmpty, token.utf8.count <= 128,
              let pending = try await PendingSignIn.query(on: request.db).filter(\.$tokenHash == TokenHash.of(token)).first(),
              pending.expiresAt > request.kaiku.clock.now,
              let user = try await User.find(pending.userID, on: request.db), user.mayUseSessions else { return nil }
        return user
    }

    /// Ends the pending state and starts the session.
    static func finish(for user: User, on request: Request, response: Response) async throws {
        if let token = request.cookies[cookie]?.string {
            try await PendingSignIn.query(on: request.db).filter(\.$tokenHash == TokenHash.of(token)).delete()
        }
        response.cookies[cookie] = StaffSession.makeCookie("", request: request, maxAge: 0)
        try await StaffSession.start(for: user, on: request, response: response)
    }
}
