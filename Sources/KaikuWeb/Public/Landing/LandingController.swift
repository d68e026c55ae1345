import Vapor

/// `/`: the start page, where a customer finds the place they visited.
struct LandingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home.pathComponents, use: landing)
    }

    func landing(_ request: Request) async throws -> Response {
        let context = request.pageContext.branded(try await request.soleOrganisationBrand())
        let entries = try await LandingQuery.entries(on: request.db)
        let model = LandingModel(entries: entries, search: request.queryStrings["q"], language: context.language)
        return .html(LandingPage(context: context.at(.home, [("q", model.query)]), model: model).render())
    }
}
