import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// Completes the first-start setup: uses the address up, creates the
/// organisation and its first administrator, and records both in the audit
/// log, in one transaction. Of two posts of one address at once, exactly one
/// gets through (`SetupTokens.use`); the other finds the address used.
enum SetupCompletion {
    enum Outcome: Sendable {
        case created(Organisation)
        /// The address was used meanwhile, or an organisation was made another way.
        case unavailable
        /// The database found a problem the form could not (a taken code or e-mail address).
        case refused([SetupProblem])
    }

    /// What the audit log keeps of the first administrator.
    struct AdministratorRecord: Encodable {
        var email: String
        var name: String
        var role: String
        var unit: String
    }

    private struct Unavailable: Error {}

    /// `passwordHash` is made by the caller, outside the transaction: bcrypt
    /// is slow, and on SQLite the transaction holds the write lock.
    static func complete(token: String, form: SetupForm, passwordHash: String, national: SurveyDefinition, at now: Date,
                         on database: any Database) async throws -> Outcome {
        let draft = form.draft
        let (email, name) = (form.adminEmail, form.adminName)
        if try await InstallationOperators.named(email, on: database) != nil {
            return .refused([SetupProblem(field: .adminEmail, key: "setup.error.adminEmail.taken")])
        }
        do {
            let organisation = try await OrganisationSetup.refusingTakenCode(draft, on: database) {
                try await database.writeTransaction { transaction in
                    guard try await SetupTokens.use(token, within: transaction) else { throw Unavailable() }
                    let organisation = try await OrganisationSetup.create(draft, national: national, actor: .setup, at: now, within: transaction)
                    let organisationID = try organisation.requireID()
                    guard let root = try await OrgUnit.query(on: transaction).filter(\.$organisationID == organisationID)
                        .filter(\.$parentID == nil).first() else { throw Unavailable() }
                    let user = User(organisationID: organisationID, email: email, passwordHash: passwordHash, role: .administrator,
                                    unitID: try root.requireID())
                    user.name = name
                    try await user.create(on: transaction)
                    try await AuditTrail.record(on: transaction, organisationID: organisationID, at: now, actor: .setup, action: "user.create",
                                                subject: email, before: Optional<AdministratorRecord>.none,
                                                after: AdministratorRecord(email: email, name: name, role: User.Role.administrator.rawValue, unit: root.code))
                    return organisation
                }
            }
            return .created(organisation)
        } catch is Unavailable {
            return .unavailable
        } catch let refusal as OrganisationSetup.Refusal {
            return .refused(refusal.problems.map { SetupProblem(field: SetupField($0.field), key: SetupForm.key(for: $0)) })
        }
    }
}
