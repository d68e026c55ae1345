import FluentKit
import Foundation
import KaikuCore
import KaikuStore

/// Builds the public figures of a unit from the published snapshots (never
/// from the answers), for the last 30 days and the last 12 months. The
/// snapshots follow the rollups only as `PublicSnapshotRule` allows, so that
/// no answer can be read off the difference between two visits; which
/// figures are hidden is decided over the whole tree at once, so that a
/// unit's page, its parent's and its siblings' hide the same ones.
enum PublicFiguresLoader {
    static func load(
        unit: OrgUnit, organisation: Organisation, target: Target?, language: Language, now: Date, on database: any Database
    ) async throws -> PublicFiguresModel {
        let units = try await OrgUnit.all(in: organisation.requireID(), on: database)
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, ($0.code, $0.name[language])) })
        let survey = try await SurveyStore.current(for: organisation, on: database).definition()
        let statementOrder = survey.statements.map(\.id)
        let texts = Dictionary(uniqueKeysWithValues: survey.statements.map { ($0.id, $0.text[language]) })
        let policy = organisation.suppression
        let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
        let unitID = try unit.requireID()
        let today = CalendarDay(date: now, timeZone: organisation.timeZone)
        let snapshots = try await PublicFigureSnapshots.current(organisation: organisation, units: units, now: now, on: database)

        var periods: [PublicPeriodFigures] = []
        for key in PublicPeriod.allCases {
            let published = snapshots[key] ?? [:]
            let tallies = published.mapValues(\.tally)
            let masks = PublicSuppression.masks(tree: tree, tallies: tallies, statementOrder: statementOrder, policy: policy)
            let children = (tree.children[unitID] ?? [])
                .map { child in
                    PublicPeriodFigures.child(code: names[child]?.0 ?? "", name: names[child]?.1 ?? "", tally: tallies[child] ?? .empty,
                                              mask: masks[child] ?? .init(), policy: policy)
                }
                .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
            let own = published[unitID]
            periods.append(PublicPeriodFigures(
                key: key, from: own?.from ?? key.from(today: today), to: own?.to ?? today, publishedAt: own?.takenAt ?? now,
                tally: own?.tally ?? .empty, mask: masks[unitID] ?? .init(), statementOrder: statementOrder, statementTexts: texts,
                children: children, policy: policy))
        }

        let unitTargets = try await Target.query(on: database)
            .filter(\.$unitID == unitID).filter(\.$active == true).sort(\.$code).all()
        return PublicFiguresModel(
            unitCode: unit.code, unitName: unit.name[language],
            organisationCode: organisation.code, organisationName: organisation.name[language],
            target: target.map { PublicFiguresModel.Target(code: $0.code, name: $0.name[language]) },
            targets: unitTargets.map { PublicFiguresModel.Target(code: $0.code, name: $0.name[language]) },
            minimumN: policy.minimumN, language: language, periods: periods)
    }
}
