import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/dashboard`: the figures of any unit in the signer's part of the
/// organisation, for any period. A plain GET form chooses unit, period and
/// trend, and links sort the child units, so everything works without
/// JavaScript and every view has an address that can be shared or printed.
struct DashboardController: RouteCollection {
    /// Weekly trends of years would be hundreds of unreadable points.
    static let longestWeeklyTrend = 2 * 366

    func boot(routes: any RoutesBuilder) throws {
        routes.get("dashboard", use: dashboard)
    }

    func dashboard(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        let session = try request.auth.require(SessionToken.self)
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let unit = try chosenUnit(request, scope: scope)
        let today = CalendarDay(date: request.kaiku.clock.now, timeZone: organisation.timeZone)
        let period = try ReportPeriod(request, today: today)
        var trend: SummaryQuery.Grouping = request.query[String.self, at: "trend"] == "week" ? .week : .month
        if trend == .week, period.to.dayNumber - period.from.dayNumber > Self.longestWeeklyTrend { trend = .month }

        let survey = try await SurveyStore.current(for: organisation, on: request.db).definition()
        let data = try await DashboardQuery.load(
            organisation: organisation, unit: unit, units: Array(scope.units.values), from: period.from, to: period.to,
            trend: trend, statementOrder: survey.statements.map(\.id), now: request.kaiku.clock.now, on: request.db)
        let subtree = scope.tree.subtree(of: unit.id!)
        let cases = try await CaseStatisticsQuery.figures(
            units: subtree, organisationID: scope.staff.organisationID, now: request.kaiku.clock.now,
            since: period.from.start(in: organisation.timeZone), until: period.to.adding(days: 1).start(in: organisation.timeZone), on: request.db)

        let benchmark = try await BenchmarkQuery.figures(viewer: organisation, from: period.from, to: period.to,
                                                         statementOrder: survey.statements.map(\.id), now: request.kaiku.clock.now, on: request.db)
        var model = DashboardModel(
            data: data, unit: unit, scope: scope, survey: survey, period: period, today: today, trend: trend, cases: cases,
            minimumN: organisation.minimumN, sort: DashboardModel.Sort(query: request, statements: survey.statements.map(\.id)),
            language: request.pageLanguage, catalogue: request.kaiku.catalogue)
        let now = request.kaiku.clock.now
        let seen = DateFormatter()
        seen.timeZone = organisation.timeZone
        seen.dateFormat = request.pageLanguage == .en ? "yyyy-MM-dd HH:mm" : "d.M.yyyy HH:mm"
        model.kiosks = try await KioskDevice.query(on: request.db).filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ subtree).filter(\.$pairedAt != nil).sort(\.$name).all()
            .map { (name: $0.name, unit: scope.units[$0.unitID]?.name[request.pageLanguage] ?? "", status: $0.status(now: now),
                    lastSeen: ($0.lastSeenAt ?? $0.pairedAt).map(seen.string(from:)) ?? "–") }
        model.benchmark = benchmark.map { entries in
            entries.map { DashboardModel.Row(key: $0.organisation.code, label: $0.organisation.name[request.pageLanguage], figures: $0.figures) }
        }
        let page = DashboardPage(model: model, session: session,
                                 unitOptions: scope.unitOptions(under: scope.staff.unitID, language: request.pageLanguage))
        return .html(page.render())
    }

    /// The unit asked for, or the signer's own; a unit outside their part of the tree is not found.
    private func chosenUnit(_ request: Request, scope: StaffScope) throws -> OrgUnit {
        guard let code = request.query[String.self, at: "unit"], !code.isEmpty else { return scope.units[scope.staff.unitID]! }
        guard PlainIdentifier.isPlain(code), let unit = scope.unit(code: code), scope.canSee(unit: unit.id!) else {
            throw Abort(.notFound, reason: "No unit with code \(code) in your units.")
        }
        return unit
    }
}
