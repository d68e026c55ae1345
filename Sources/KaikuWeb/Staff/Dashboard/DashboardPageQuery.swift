import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reads the dashboard of one unit: its figures for the period, the case
/// figures of its subtree, the kiosks there and, when shared, the benchmark.
enum DashboardPageQuery {
    static func load(_ choice: DashboardChoice, scope: StaffScope, now: Date, context: PageContext, on database: any Database) async throws -> DashboardModel {
        let language = context.language
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: database) else { throw Abort(.forbidden) }
        let unit = try chosenUnit(choice.unit, scope: scope)
        let unitID = try unit.requireID()
        let today = CalendarDay(date: now, timeZone: organisation.timeZone)
        let period = try ReportPeriod(from: ReportPeriod.day(choice.from, "from"), to: ReportPeriod.day(choice.to, "to"), today: today)
        let trend = DashboardModel.trend(choice.trend, period: period)

        let survey = try await SurveyStore.current(for: organisation, on: database).definition()
        let statementOrder = survey.statements.map(\.id)
        let data = try await DashboardQuery.load(
            organisation: organisation, unit: unit, snapshot: scope.snapshot, from: period.from, to: period.to,
            trend: trend, statementOrder: statementOrder, now: now, on: database)
        let subtree = scope.tree.subtree(of: unitID)
        let cases = try await CaseStatisticsQuery.figures(
            units: subtree, organisationID: scope.staff.organisationID, now: now,
            since: period.from.start(in: organisation.timeZone), until: period.to.adding(days: 1).start(in: organisation.timeZone), on: database)
        let benchmark = try await BenchmarkQuery.figures(viewer: organisation, from: period.from, to: period.to,
                                                         statementOrder: statementOrder, now: now, on: database)
        var model = DashboardModel(
            data: data, unit: unit, scope: scope, survey: survey, period: period, today: today, trend: trend, cases: cases,
            minimumN: organisation.minimumN, sort: DashboardModel.Sort(column: choice.sort, direction: choice.direction, statements: statementOrder),
            language: language, catalogue: context.catalogue)
        model.kiosks = try await KioskDevice.query(on: database).filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ subtree).filter(\.$pairedAt != nil).sort(\.$name).all()
            .map { DashboardModel.kiosk(name: $0.name, unit: scope.units[$0.unitID]?.name[language] ?? "", status: $0.status(now: now),
                                        lastSeen: $0.lastSeenAt ?? $0.pairedAt, zone: organisation.timeZone, language: language) }
        model.benchmark = benchmark.map { entries in
            entries.map { DashboardModel.Row(key: $0.organisation.code, label: $0.organisation.name[language], figures: $0.figures) }
        }
        model.unitOptions = scope.unitOptions(under: scope.staff.unitID, language: language)
        model.themes = try await DashboardThemesQuery.load(organisation: organisation, unit: unit, subtree: subtree, period: period,
                                                           context: context, on: database)
        if NotesController.mayWrite(scope.staff.role) {
            model.notesLink = SiteURL.staff(.notes).url(language: language, [("unit", unit.code)])
        }
        return model
    }

    /// The unit asked for, or the signer's own; a unit outside their part of the tree is not found.
    private static func chosenUnit(_ code: String?, scope: StaffScope) throws -> OrgUnit {
        guard let code, !code.isEmpty else {
            guard let own = scope.units[scope.staff.unitID] else { throw Abort(.forbidden) }
            return own
        }
        guard PlainIdentifier.isPlain(code), let unit = scope.unit(code: code), let unitID = unit.id, scope.canSee(unit: unitID) else {
            throw Abort(.notFound, reason: "No unit with code \(code) in your units.")
        }
        return unit
    }
}
