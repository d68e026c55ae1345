import FluentKit
import Foundation
import KaikuStore

extension OrganisationSettings {
    /// Checks and saves a change with its `settings.update` audit record in one
    /// transaction; a change that changes nothing writes nothing. Returns the
    /// organisation as saved. Callers empty the target cache afterwards, so that
    /// new cases get the new promise at once.
    /// `singleSignOn`: whether the organisation has an identity provider, without which it cannot
    /// turn passwords off.
    func save(organisationID: UUID, actor: AuditActor, at now: Date, singleSignOn: Bool = false,
              on database: any Database) async throws -> Organisation {
        let change = try validated()
        return try await database.writeTransaction { db in
            guard let organisation = try await Organisation.find(organisationID, on: db) else {
                throw FieldError(status: .notFound, field: nil, message: "The organisation no longer exists.")
            }
            let (before, after) = change.changes(from: OrganisationSettings(of: organisation))
            guard !after.isEmpty else { return organisation }
            if after.singleSignOnOnly == true {
                try await Self.checkSingleSignOnOnly(organisationID: organisationID, singleSignOn: singleSignOn, on: db)
            }
            after.apply(to: organisation)
            try await organisation.save(on: db)
            try await AuditTrail.record(on: db, organisationID: organisationID, at: now, actor: actor, action: "settings.update",
                                        subject: organisation.code, before: before, after: after)
            return organisation
        }
    }

    /// Passwords go off only where there is another way in, and a way in when that one is down.
    private static func checkSingleSignOnOnly(organisationID: UUID, singleSignOn: Bool, on database: any Database) async throws {
        guard singleSignOn else {
            throw FieldError(field: "singleSignOnOnly",
                             message: "Single sign-on is not set up for this organisation (its identity provider, or KAIKU_OIDC_* for the first one), so passwords cannot be turned off.")
        }
        let breakGlass = try await User.query(on: database)
            .filter(\.$organisationID == organisationID).filter(\.$breakGlass == true)
            .filter(\.$role == User.Role.administrator.rawValue).filter(\.$deactivatedAt == nil).filter(\.$lockedAt == nil)
            .count()
        guard breakGlass > 0 else {
            throw FieldError(field: "singleSignOnOnly",
                             message: "Mark at least one administrator as break-glass first: otherwise nobody could sign in while the identity provider is down.")
        }
    }
}
