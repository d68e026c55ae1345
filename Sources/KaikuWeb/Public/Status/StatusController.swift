import Vapor

/// `/status/{receipt}`: how a piece of feedback is being handled, for
/// anyone holding its receipt.
struct StatusController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.status(.key).pathComponents, use: status)
    }

    func status(_ request: Request) async throws -> Response {
        let model = try await StatusQuery.load(receipt: request.parameters.get("receipt") ?? "", on: request.db)
        let page = StatusPage(context: request.pageContext.at(.status(.value(model.receipt))), model: model)
        return .html(page.render(), status: model.found == nil ? .notFound : .ok)
    }
}
