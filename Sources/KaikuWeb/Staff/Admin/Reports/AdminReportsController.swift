import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/reports`: what monthly reports went out and when, for
/// administrators of the whole organisation.
struct AdminReportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminReports).pathComponents, use: page)
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let page = max(1, min(10_000, request.queryStrings["page"].flatMap { Int($0) } ?? 1))
        let zone = organisation.timeZone
        let (rows, total) = try await ReportDeliveries.list(organisationID: scope.staff.organisationID, limit: AdminReportsModel.pageSize,
                                                            offset: (page - 1) * AdminReportsModel.pageSize, on: request.db)
        let next = MonthlyReportJob.next(after: request.kaiku.clock.now, timeZone: zone)
        let model = AdminReportsModel(rows: rows.map { AdminReportsModel.row($0, zone: zone) }, total: total, page: page,
                                      nextRun: StaffForm.date(next.runAt, in: zone))
        return .html(AdminReportsPage(context: request.pageContext, model: model).render())
    }
}
