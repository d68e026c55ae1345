import FluentKit
import Foundation
import KaikuCore
import KaikuStore

/// Reads what the survey editor needs: the version in force and who
/// published each of the organisation's versions, from the audit log.
enum SurveyEditorQuery {
    static func load(organisation: Organisation, national: SurveyDefinition, language: Language, drafts: [OwnQuestionDraft]? = nil,
                     on database: any Database) async throws -> SurveyEditorModel {
        let organisationID = try organisation.requireID()
        let current = try await SurveyStore.current(for: organisation, on: database).definition()
        let publications = try await AuditEntry.query(on: database)
            .filter(\.$organisationID == organisationID).filter(\.$action == "survey.publish").all()
        let who = Dictionary(publications.map { ($0.subject, $0.actor) }, uniquingKeysWith: { first, _ in first })
        let versions = try await SurveyStore.ownVersions(of: organisationID, on: database).map { survey in
            SurveyEditorModel.Version(version: survey.version,
                                      when: survey.createdAt.map { StaffForm.date($0, in: organisation.timeZone) } ?? "",
                                      who: who[String(survey.version)] ?? "")
        }
        return SurveyEditorModel(national: national, current: current, languages: organisation.offeredLanguages, pageLanguage: language,
                                 drafts: drafts, versions: versions)
    }
}
