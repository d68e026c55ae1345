import Vapor

/// `/staff/admin`, administrators only.
struct AdminHubController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.admin).pathComponents, use: hub)
    }

    func hub(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        let context = request.pageContext
        guard scope.staff.role == .administrator else { throw Abort(.forbidden, reason: context.t("staff.admin.forbidden")) }
        let model = AdminHubModel(entries: AdminHubModel.entries(wholeOrganisation: scope.isOrganisationAdministrator))
        return .html(AdminHubPage(context: context, model: model).render())
    }
}
