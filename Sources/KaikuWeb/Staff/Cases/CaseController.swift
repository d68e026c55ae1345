import Vapor

/// `/staff/cases/{id}`: one case as its handler works on it. Query → model → page.
struct CaseController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.caseItem(.key)).pathComponents, use: casePage)
    }

    func casePage(_ request: Request) async throws -> Response {
        try await Self.render(request, id: request.caseID, notice: CaseModel.notice(done: request.queryStrings["done"]))
    }

    /// The case page, also for a form of it (or the review form on it) that
    /// was refused and is shown again with the reason.
    static func render(_ request: Request, id: UUID?, notice: String? = nil, error: String? = nil,
                       status: HTTPResponseStatus = .ok, draft: CaseModel.Draft? = nil) async throws -> Response {
        let scope = try await request.requireScope()
        let context = request.pageContext
        let model = try await CaseQuery.load(id, scope: scope, now: request.kaiku.clock.now, context: context, survey: request.kaiku.nationalSurvey,
                                             cipher: request.kaiku.cipher, notice: notice, error: error, draft: draft, on: request.db)
        return .html(CasePage(context: context, model: model).render(), status: status)
    }
}
