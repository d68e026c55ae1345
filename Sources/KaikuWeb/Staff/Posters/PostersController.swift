import Vapor

/// `/staff/posters?unit=CODE`: a sheet of printable cards for the feedback
/// targets of a unit and the units under it — all of them, or those ticked
/// (`pick[]`) — each with the organisation's logo, its QR code, short link and
/// remote-appointment link, one per page or four per sheet (`layout=cards`),
/// in one language or the organisation's first two (`bilingual=on`), to
/// print or save as PDF from the browser. `?target=CODE` gives the card of
/// that one target (the target editor links to it).
struct PostersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.posters).pathComponents, use: sheet)
    }

    func sheet(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        // A query whose `pick` is not a list still names the unit, the layout and the language choice.
        let form = (try? request.query.decode(PostersForm.self))
            ?? PostersForm(unit: request.queryStrings["unit"], target: request.queryStrings["target"],
                           layout: request.queryStrings["layout"], bilingual: request.queryStrings["bilingual"])
        let base = PostersModel.base(publicBaseURL: request.kaiku.settings.publicBaseURL, host: request.headers.first(name: .host))
        let model = try await PostersQuery.load(form, scope: scope, base: base, context: request.pageContext, on: request.db)
        return .html(PostersPage(context: request.pageContext.branded(model.brand), model: model, form: form).render())
    }
}
