import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// Reads what the entry page offers: the active targets of the user's units
/// by name, and the organisation's current survey.
enum EntryQuery {
    static func load(values: [String: String], saved: String? = nil, error: EntryModel.FieldProblem? = nil, scope: StaffScope,
                     organisation: Organisation, context: PageContext, on database: any Database) async throws -> EntryModel {
        let language = context.language
        let targets = try await Target.query(on: database).filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ scope.visible).filter(\.$active == true).offered(closedUnits: scope.closedForCustomers).all()
            .map { EntryModel.Target(code: $0.code, name: $0.name[language]) }
            .sorted { $0.name.localizedCompare($1.name) == .orderedAscending }
        let survey = try await SurveyStore.current(for: organisation, on: database).definition()
        return EntryModel(targets: targets, survey: survey, language: language, values: values, formToken: UUID().uuidString,
                          saved: saved, error: error)
    }
}
