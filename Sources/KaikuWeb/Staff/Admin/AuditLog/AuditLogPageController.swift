import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/admin/audit-log` and its CSV: for administrators of the whole
/// organisation, as the API (`AuditLogController`).
struct AuditLogPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.adminAuditLog).pathComponents, use: page)
        routes.get(SiteURL.staff(.adminAuditLogCSV).pathComponents, use: csv)
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let filters = AuditLogPageFilters { [query = request.queryStrings] in query[$0] }
        let model = try await AuditLogPageQuery.load(organisation: organisation, filters: filters, on: request.db)
        return .html(AuditLogPage(context: request.pageContext, model: model).render(), status: model.errorField == nil ? .ok : .badRequest)
    }

    func csv(_ request: Request) async throws -> Response {
        let scope = try await SettingsController.requireOrganisationAdministrator(request)
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let filters = AuditLogPageFilters { [query = request.queryStrings] in query[$0] }
        let filter = try filters.parsed().get()
        return AuditLogCSV(organisationID: try organisation.requireID(), timeZone: organisation.timeZone, filter: filter, until: request.kaiku.clock.now)
            .response(database: request.db, logger: request.logger, fileName: "kaiku-audit-log-\(organisation.code).csv")
    }
}
