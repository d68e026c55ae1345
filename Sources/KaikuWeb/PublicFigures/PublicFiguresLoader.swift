import FluentKit
import Foundation
import KaikuCore
import KaikuStore

/// Builds the public figures of a unit from the rollups (never from the
/// answers), for the last 30 days and the last 12 months ending today in
/// the organisation's time zone. A new answer updates the rollups in its own
/// transaction, so the figures are current the moment it is acknowledged.
enum PublicFiguresLoader {
    static func load(
        unit: OrgUnit, organisation: Organisation, target: Target?, language: Language, now: Date, on database: any Database
    ) async throws -> PublicFiguresModel {
        let units = try await OrgUnit.all(in: organisation.requireID(), on: database)
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.name[language]) })
        let survey = try await SurveyStore.current(for: organisation, on: database).definition()
        let statementOrder = survey.statements.map(\.id)
        let texts = Dictionary(uniqueKeysWithValues: survey.statements.map { ($0.id, $0.text[language]) })
        let policy = organisation.suppression
        let today = CalendarDay(date: now, timeZone: organisation.timeZone)

        var periods: [PublicPeriodFigures] = []
        for key in PublicPeriodFigures.Key.allCases {
            let from = today.adding(days: 1 - key.days)
            // Grouped by child unit: one read gives the whole and each child's subtree.
            let report = try await SummaryQuery.run(
                organisation: organisation, root: unit, from: from, to: today, groupBy: .unit,
                statementOrder: statementOrder, units: units,
                noAnswersAfter: SubmissionValidator.latestAnswerDay(now: now, timeZone: organisation.timeZone), on: database)
            let children = report.groups
                .map { PublicPeriodFigures.child(code: $0.key, name: names[$0.key] ?? $0.key, figures: $0.figures, policy: policy) }
                .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
            periods.append(PublicPeriodFigures(
                key: key, from: from, to: today, figures: report.whole, statementTexts: texts, children: children, policy: policy))
        }

        let unitTargets = try await Target.query(on: database)
            .filter(\.$unitID == unit.requireID()).filter(\.$active == true).sort(\.$code).all()
        return PublicFiguresModel(
            unitCode: unit.code, unitName: unit.name[language], organisationName: organisation.name[language],
            target: target.map { PublicFiguresModel.Target(code: $0.code, name: $0.name[language]) },
            targets: unitTargets.map { PublicFiguresModel.Target(code: $0.code, name: $0.name[language]) },
            minimumN: policy.minimumN, language: language, periods: periods)
    }
}
