import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The public figures: a page per unit and per target, an iframe widget and
/// a JSON endpoint for county web sites. No sign-in; nothing here reads
/// answers, open text, contact details or receipts — only the rollups.
struct PublicFiguresController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.figures.pathComponents, use: index)
        routes.get(SiteURL.unitFigures(.key).pathComponents) { try await page($0, .unit) }
        routes.get(SiteURL.targetFigures(.key).pathComponents) { try await page($0, .target) }
        routes.get(SiteURL.unitWidget(.key).pathComponents) { try await widget($0, .unit) }
        routes.get(SiteURL.targetWidget(.key).pathComponents) { try await widget($0, .target) }
        let api = routes.grouped(PublicFiguresEndpoint.base).grouped(PublicCORSMiddleware())
        api.get(PublicFiguresEndpoint.unit(.key).pathComponents) { try await json($0, .unit) }
        api.get(PublicFiguresEndpoint.target(.key).pathComponents) { try await json($0, .target) }
    }

    func index(_ request: Request) async throws -> Response {
        let context = request.pageContext.branded(try await request.soleOrganisationBrand())
        let model = try await PublicFiguresIndexQuery.load(language: context.language, search: request.queryStrings["q"],
                                                           now: request.kaiku.clock.now, on: request.db)
        return .html(PublicFiguresIndexPage(context: context.at(.figures, [("q", model.query)]), model: model).render())
    }

    func page(_ request: Request, _ subject: PublicFiguresQuery.Subject) async throws -> Response {
        var context = request.pageContext
        switch try await lookup(request, subject, context.language) {
        case .figures(var model):
            model.baseURL = request.publicBaseURL
            context = context.at(model.page, model.query).branded(try await Branding.brand(organisationCode: model.organisationCode, on: request.db))
            return .html(PublicFiguresPage(context: context, model: model).render())
        case .ambiguous(let code, let organisations):
            return ambiguityPage(context, PublicFiguresAmbiguityModel(code: code, organisations: organisations, page: .unitFigures(.value(code))))
        case nil:
            return notFound(context)
        }
    }

    func widget(_ request: Request, _ subject: PublicFiguresQuery.Subject) async throws -> Response {
        // Only ?lang= and Accept-Language: a staff cookie must not change what a shared cache keeps.
        var context = request.pageContext
        context.language = WidgetModel.language(query: request.queryStrings["lang"],
                                                acceptLanguage: request.headers.first(name: .acceptLanguage))
        let response: Response
        switch try await lookup(request, subject, context.language) {
        case .figures(let figures):
            response = .html(WidgetPage(context: context, model: WidgetModel(figures)).render())
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        case .ambiguous(let code, let organisations):
            return ambiguityPage(context, PublicFiguresAmbiguityModel(code: code, organisations: organisations, page: .unitWidget(.value(code))))
        case nil:
            response = notFound(context)
        }
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Language")
        return response
    }

    func json(_ request: Request, _ subject: PublicFiguresQuery.Subject) async throws -> Response {
        let language = try request.apiLanguage()
        switch try await lookup(request, subject, language) {
        case .figures(let model):
            let response = try await PublicFiguresDTO(model).encodeResponse(for: request)
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
            return response
        case .ambiguous(let code, let organisations):
            throw FieldError(status: .badRequest, field: "org", message: "Several organisations have a unit with code \(code): "
                + "add org= with one of \(organisations.map(\.code).joined(separator: ", ")).")
        case nil:
            let code = request.parameters.get("code") ?? ""
            throw FieldError(status: .notFound, field: "code", message: subject == .unit ? "No unit with code \(code)." : "No feedback target with code \(code).")
        }
    }

    private func lookup(_ request: Request, _ subject: PublicFiguresQuery.Subject, _ language: Language) async throws -> PublicFiguresQuery.Found? {
        try await PublicFiguresQuery.lookup(subject, code: request.parameters.get("code") ?? "", organisation: request.queryStrings["org"],
                                            language: language, now: request.kaiku.clock.now, on: request.db)
    }

    /// 400: the code needs `org=`; the page says so and links each organisation's unit.
    private func ambiguityPage(_ context: PageContext, _ model: PublicFiguresAmbiguityModel) -> Response {
        .html(PublicFiguresAmbiguityPage(context: context.at(model.page), model: model).render(), status: .badRequest)
    }

    private func notFound(_ context: PageContext) -> Response {
        .html(ErrorPage(context: context, model: ErrorModel(status: .notFound)).render(), status: .notFound)
    }
}
