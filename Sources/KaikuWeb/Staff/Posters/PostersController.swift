import Vapor

/// `/staff/posters?unit=CODE`: a sheet of printable cards for every feedback
/// target of a unit and the units under it, each with its QR code, short
/// link and remote-appointment link, to print on paper (one card per page
/// section) or save as PDF from the browser. `?target=CODE` gives the card
/// of that one target (the target editor links to it).
struct PostersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.posters).pathComponents, use: sheet)
    }

    func sheet(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        let context = request.pageContext
        let base = PostersModel.base(publicBaseURL: request.kaiku.settings.publicBaseURL, host: request.headers.first(name: .host))
        let model = try await PostersQuery.load(unit: request.query[String.self, at: "unit"], target: request.query[String.self, at: "target"],
                                                scope: scope, base: base, context: context, on: request.db)
        return .html(PostersPage(context: context, model: model).render())
    }
}
