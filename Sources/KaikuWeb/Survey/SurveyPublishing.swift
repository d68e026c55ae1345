import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Publishing a new version of an organisation's survey, shared by the API
/// and the editor page: the rules, the version and its audit record in one
/// transaction, and the cached surveys dropped at once.
enum SurveyPublishing {
    /// What the audit log keeps of a version: its own questions (the core never changes).
    struct AuditedVersion: Encodable {
        var version: Int
        var questions: [OwnQuestionDraft]
    }

    /// Only an administrator whose scope is the whole organisation edits its survey.
    static func canPublish(_ scope: StaffScope) -> Bool {
        scope.staff.role == .administrator && scope.tree.parent(of: scope.staff.unitID) == nil
    }

    /// Checks the drafts without storing anything.
    static func check(_ drafts: [OwnQuestionDraft], organisation: Organisation, national: SurveyDefinition) throws(OwnQuestionError) -> [Question] {
        try OwnQuestionRules.validate(drafts, core: national, languages: organisation.offeredLanguages)
    }

    static func publish(_ drafts: [OwnQuestionDraft], scope: StaffScope, on request: Request) async throws -> Survey {
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let national = request.kaiku.nationalSurvey
        let own = try check(drafts, organisation: organisation, national: national)
        let actor = scope.staff.auditActor
        let now = request.kaiku.clock.now
        let organisationID = scope.staff.organisationID
        let survey = try await request.db.writeTransaction { db in
            let before = try await SurveyStore.current(for: organisation, on: db).definition()
            let survey = try await SurveyStore.publish(own: own, national: national, organisation: organisation, on: db)
            let after = try survey.definition()
            try await AuditTrail.record(
                on: db, organisationID: organisationID, at: now, actor: actor, action: "survey.publish", subject: String(after.version),
                before: AuditedVersion(version: before.version, questions: before.ownQuestions.map(OwnQuestionDraft.init)),
                after: AuditedVersion(version: after.version, questions: after.ownQuestions.map(OwnQuestionDraft.init)))
            return survey
        }
        // Forms, kiosks and submissions read the version in force from here on, on this instance at once.
        await request.kaiku.targetCache.removeAll()
        return survey
    }
}
