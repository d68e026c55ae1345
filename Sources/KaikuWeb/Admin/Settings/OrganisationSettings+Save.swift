import FluentKit
import Foundation
import KaikuStore

extension OrganisationSettings {
    /// Checks and saves a change with its `settings.update` audit record in one
    /// transaction; a change that changes nothing writes nothing. Returns the
    /// organisation as saved. Callers empty the target cache afterwards, so that
    /// new cases get the new promise at once.
    func save(organisationID: UUID, actor: AuditActor, at now: Date, on database: any Database) async throws -> Organisation {
        let change = try validated()
        return try await database.writeTransaction { db in
            guard let organisation = try await Organisation.find(organisationID, on: db) else {
                throw FieldError(status: .notFound, field: nil, message: "The organisation no longer exists.")
            }
            let (before, after) = change.changes(from: OrganisationSettings(of: organisation))
            guard !after.isEmpty else { return organisation }
            after.apply(to: organisation)
            try await organisation.save(on: db)
            try await AuditTrail.record(on: db, organisationID: organisationID, at: now, actor: actor, action: "settings.update",
                                        subject: organisation.code, before: before, after: after)
            return organisation
        }
    }
}
