import FluentKit
import Foundation

/// Sessions begun through an identity provider, and ending them when the
/// provider says its session ended.
public enum SingleSignOnSessions {
    /// The provider session behind the staff session whose token hash is `tokenHash`.
    public static func session(tokenHash: String, on database: any Database) async throws -> SingleSignOnSession? {
        guard let token = try await UserToken.query(on: database).filter(\.$tokenHash == tokenHash).first(),
              let tokenID = token.id else { return nil }
        return try await SingleSignOnSession.query(on: database).filter(\.$userTokenID == tokenID).first()
    }

    /// Ends the staff sessions an issuer's logout names: by its session id
    /// when it gives one, else every session of the subject. Only sessions
    /// of the organisation whose provider that is. Returns how many ended.
    @discardableResult
    public static func end(organisationID: UUID, issuer: String, providerSession: String?, subject: String?,
                           on database: any Database) async throws -> Int {
        // A logout that names neither would otherwise end everyone's sessions.
        guard providerSession != nil || subject != nil else { return 0 }
        let query = SingleSignOnSession.query(on: database)
            .filter(\.$organisationID == organisationID)
            .filter(\.$issuer == issuer)
        if let providerSession {
            query.filter(\.$providerSession == providerSession)
        }
        if let subject {
            query.filter(\.$subject == subject)
        }
        let sessions = try await query.all()
        let tokenIDs = sessions.map(\.userTokenID)
        guard !tokenIDs.isEmpty else { return 0 }
        try await UserToken.query(on: database).filter(\.$id ~~ tokenIDs).delete()
        try await SingleSignOnSession.query(on: database).filter(\.$userTokenID ~~ tokenIDs).delete()
        return tokenIDs.count
    }
}
