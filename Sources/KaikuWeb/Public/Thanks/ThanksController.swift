import KaikuCore
import Vapor

/// `/thanks/{receipt}`: where the form leads after a durable submission.
struct ThanksController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.thanks(.key).pathComponents, use: thanks)
    }

    func thanks(_ request: Request) async throws -> Response {
        guard let model = try await ThanksQuery.load(receipt: request.parameters.get("receipt"), on: request.db) else {
            throw Abort(.notFound)
        }
        let brand = try await model.organisationID.flatMapAsync { try await request.brand(organisationID: $0) }
        return .html(ThanksPage(context: request.pageContext.at(.thanks(.value(model.receipt))).branded(brand), model: model).render())
    }
}
