import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// Reads what the SMS survey page shows: the activity of the user's units in
/// the last days and the organisation's settings, every unit to choose from.
enum StaffSMSSurveyQuery {
    static let activityDays = 30

    static func load(settings: SMSSurveySettings, scope: StaffScope, now: Date, context: PageContext, on database: any Database) async throws -> StaffSMSSurveyModel {
        let language = context.language
        let organisation = try await Organisation.find(scope.staff.organisationID, on: database)
        let activity = try await SMSSurveyStore.activity(
            organisationID: scope.staff.organisationID, units: Array(scope.visible),
            since: now.addingTimeInterval(-Double(activityDays) * 86_400), on: database)
        // The survey is the organisation's: every unit may be chosen, and the chosen ones are named even outside one's subtree.
        let roots = scope.units.keys.filter { scope.tree.parent(of: $0) == nil }
            .sorted { (scope.units[$0]?.code ?? "") < (scope.units[$1]?.code ?? "") }
        let suppression = SuppressionPolicy(minimumN: organisation?.minimumN ?? SuppressionPolicy.defaultMinimumN)
        return StaffSMSSurveyModel(
            days: activityDays, settings: SMSSurveySettingsController.dto(settings, scope),
            figures: StaffSMSSurveyModel.figures(activity, suppression: suppression),
            units: roots.flatMap { scope.unitOptions(under: $0, language: language) },
            chosen: settings.units.compactMap { scope.units[$0]?.name[language] }.sorted(),
            canChange: SMSSurveySettingsController.canChange(scope))
    }
}
