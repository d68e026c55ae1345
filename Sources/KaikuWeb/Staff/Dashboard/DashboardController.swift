import Vapor

/// `/staff/dashboard`: the figures of any unit in the signer's part of the
/// organisation, for any period. A plain GET form chooses unit, period and
/// trend, and links sort the child units, so everything works without
/// JavaScript and every view has an address that can be shared or printed.
struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.dashboard).pathComponents, use: dashboard)
    }

    func dashboard(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        let context = request.pageContext
        let choice = DashboardChoice { [query = request.queryStrings] in query[$0] }
        let model = try await DashboardPageQuery.load(choice, scope: scope, now: request.kaiku.clock.now, context: context, on: request.db)
        return .html(DashboardPage(context: context, model: model).render())
    }
}
