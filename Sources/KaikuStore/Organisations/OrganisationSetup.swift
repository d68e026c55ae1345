import FluentKit
import Foundation
import KaikuCore

/// Creates organisations, the one way the setup page, `kaiku organisation
/// create` and `POST /api/v1/organisations` all use: the organisation with
/// its root unit only (the organisation's code and names), the national
/// survey in force, and its record in the audit log, all or nothing.
public enum OrganisationSetup {
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong with the draft, every problem in the order of the form.
        case invalid([OrganisationProblem])

        public var description: String {
            switch self {
            case .invalid(let problems): problems.map(\.description).joined(separator: " ")
            }
        }

        public var problems: [OrganisationProblem] {
            switch self {
            case .invalid(let problems): problems
            }
        }
    }

    /// What the audit log keeps of a new organisation.
    struct Record: Encodable {
        var code: String
        var name: LocalizedText
        var languages: String
        var timeZone: String
        var promiseDays: Int
        var promiseIn: String
    }

    /// Creates the organisation in a transaction of its own.
    public static func create(_ draft: OrganisationDraft, national: SurveyDefinition, actor: AuditActor, at now: Date,
                              on database: any Database) async throws -> Organisation {
        try await refusingTakenCode(draft, on: database) {
            try await database.writeTransaction { transaction in
                try await create(draft, national: national, actor: actor, at: now, within: transaction)
            }
        }
    }

    /// Creates the organisation on `transaction`, which the caller commits
    /// (the setup page makes its first administrator in the same one).
    /// Every unused setup address ends with it: the installation is set up.
    public static func create(_ draft: OrganisationDraft, national: SurveyDefinition, actor: AuditActor, at now: Date,
                              within transaction: any Database) async throws -> Organisation {
        let draft = draft.filled
        var problems = OrganisationRules.problems(with: draft)
        if problems.isEmpty, try await codeIsTaken(draft.code, on: transaction) {
            problems.append(OrganisationProblem(.code, .codeTaken))
        }
        guard problems.isEmpty else { throw Refusal.invalid(problems) }
        let survey = try await SurveyStore.ensureNational(national, on: transaction)
        let organisation = Organisation(code: draft.code, name: draft.name, timeZoneID: draft.timeZone, promiseDays: draft.promiseDays)
        organisation.surveyID = try survey.requireID()
        organisation.languagesList = draft.languagesList
        organisation.promiseIn = draft.promiseIn
        try await organisation.create(on: transaction)
        let organisationID = try organisation.requireID()
        try await OrgUnit(organisationID: organisationID, code: draft.code, parentID: nil, name: draft.name).create(on: transaction)
        try await SetupToken.query(on: transaction).delete()
        let record = Record(code: draft.code, name: draft.name, languages: draft.languagesList, timeZone: draft.timeZone,
                            promiseDays: draft.promiseDays, promiseIn: draft.promiseIn)
        try await AuditTrail.record(on: transaction, organisationID: organisationID, at: now, actor: actor,
                                    action: "organisation.create", subject: draft.code, before: Optional<Record>.none, after: record)
        return organisation
    }

    /// Two creations of one code at once both pass the check; the unique
    /// index lets one in, and the other is told the code is taken rather
    /// than given the database's own words.
    public static func refusingTakenCode<T>(_ draft: OrganisationDraft, on database: any Database,
                                            _ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch {
            guard (error as? any DatabaseError)?.isConstraintFailure == true,
                  try await codeIsTaken(draft.filled.code, on: database) else { throw error }
            throw Refusal.invalid([OrganisationProblem(.code, .codeTaken)])
        }
    }

    static func codeIsTaken(_ code: String, on database: any Database) async throws -> Bool {
        try await Organisation.query(on: database).filter(\.$code == code).count() > 0
    }
}
