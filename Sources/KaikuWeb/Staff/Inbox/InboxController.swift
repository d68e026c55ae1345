import Vapor

/// `/staff`: the handler's inbox. Query → model → page.
struct InboxController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.inbox).pathComponents, use: inbox)
    }

    func inbox(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        let context = request.pageContext
        let filters = InboxFilters { [query = request.queryStrings] in query[$0] }
        let model = try await InboxQuery.load(filters, scope: scope, now: request.kaiku.clock.now, context: context, on: request.db)
        return .html(InboxPage(context: context, model: model).render())
    }
}
