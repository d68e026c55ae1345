import FluentKit
import Foundation
import KaikuCore
import KaikuStore

/// Reads the public figures of a unit (or of an active target's unit) from
/// the published snapshots, never from the answers, for the last 30 days and
/// the last 12 months. The snapshots follow the rollups only as
/// `PublicSnapshotRule` allows, so that no answer can be read off the
/// difference between two visits; which figures are hidden is decided over
/// the whole tree at once, so that a unit's page, its parent's and its
/// siblings' hide the same ones.
enum PublicFiguresQuery {
    enum Subject: Sendable { case unit, target }

    enum Found: Sendable {
        case figures(PublicFiguresModel)
        /// A unit code that more than one organisation uses, asked for without `org=`.
        case ambiguous(code: String, organisations: [PublicFiguresAmbiguityModel.Organisation])
    }

    /// The figures of the unit or target `code`; nil when there is none.
    /// Unit codes are unique only within an organisation: `organisation`
    /// (`?org=CODE`) picks one, and is needed only when the code is not
    /// unique, so that links made before another organisation took the same
    /// code keep working.
    static func lookup(_ subject: Subject, code: String, organisation organisationCode: String?, language: Language, now: Date,
                       on database: any Database) async throws -> Found? {
        guard PlainIdentifier.isPlain(code, maxLength: 100) else { return nil }
        var target: Target?
        let unit: OrgUnit?
        switch subject {
        case .unit:
            let candidates = try await OrgUnit.query(on: database).filter(\.$code == code).all()
            if let organisationCode {
                guard PlainIdentifier.isPlain(organisationCode, maxLength: 100),
                      let organisation = try await Organisation.query(on: database).filter(\.$code == organisationCode).first()
                else { return nil }
                unit = candidates.first { $0.organisationID == organisation.id }
            } else if candidates.count > 1 {
                let organisations = try await Organisation.query(on: database)
                    .filter(\.$id ~~ candidates.map(\.organisationID)).sort(\.$code).all()
                return .ambiguous(code: code, organisations: organisations.map { .init(code: $0.code, name: $0.name[language]) })
            } else {
                unit = candidates.first
            }
        case .target:
            target = try await Target.query(on: database).filter(\.$code == code).filter(\.$active == true).first()
            if let target { unit = try await OrgUnit.find(target.unitID, on: database) } else { unit = nil }
        }
        guard let unit, let organisation = try await Organisation.find(unit.organisationID, on: database) else { return nil }
        return .figures(try await figures(unit: unit, organisation: organisation, target: target, language: language, now: now, on: database))
    }

    static func figures(
        unit: OrgUnit, organisation: Organisation, target: Target?, language: Language, now: Date, on database: any Database
    ) async throws -> PublicFiguresModel {
        let units = try await OrgUnit.all(in: organisation.requireID(), on: database)
        let names = Dictionary(units.compactMap { unit in unit.id.map { ($0, (unit.code, unit.name[language])) } }, uniquingKeysWith: { first, _ in first })
        let survey = try await SurveyStore.current(for: organisation, on: database).definition()
        let statementOrder = survey.statements.map(\.id)
        let texts = Dictionary(uniqueKeysWithValues: survey.statements.map { ($0.id, $0.text[language]) })
        let policy = organisation.suppression
        let tree = OrgTree(units.compactMap { unit in unit.id.map { (id: $0, parent: unit.parentID) } })
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

        // A closed unit is offered nowhere, and what was done there is no longer news to its customers.
        let closed = tree.effectivelyClosed(Set(units.filter(\.closed).compactMap(\.id))).contains(unitID)
        var notes: [PublicFiguresModel.Note] = []
        if !closed {
            notes = try await UnitNotes.published(unitID: unitID, on: database).compactMap { note in
                note.publishedAt.map { PublicFiguresModel.note(note.text, publishedAt: $0, zone: organisation.timeZone, language: language) }
            }
        }
        let trend = try await PublicTrendSnapshots.current(organisation: organisation, units: units, now: now, on: database)
        let unitTargets = try await Target.query(on: database)
            .filter(\.$unitID == unitID).filter(\.$active == true).sort(\.$code).all()
        return PublicFiguresModel(
            unitCode: unit.code, unitName: unit.name[language],
            organisationCode: organisation.code, organisationName: organisation.name[language],
            target: target.map { PublicFiguresModel.Target(code: $0.code, name: $0.name[language]) },
            targets: unitTargets.map { PublicFiguresModel.Target(code: $0.code, name: $0.name[language]) },
            minimumN: policy.minimumN, language: language, periods: periods, notes: notes,
            trend: PublicTrendMonth.trend(unitID: unitID, tree: tree, months: trend.months, tallies: trend.tallies, policy: policy))
    }
}
