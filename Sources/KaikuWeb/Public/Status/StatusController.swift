import KaikuCore
import Vapor

/// `/status/{receipt}`: how a piece of feedback is being handled, for anyone holding its
/// receipt; `/status`: the form to type a receipt into (`?receipt=` leads to its status).
struct StatusController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.status(.key).pathComponents, use: status)
        routes.get(SiteURL.statusLookup.pathComponents, use: lookup)
    }

    func status(_ request: Request) async throws -> Response {
        let model = try await StatusQuery.load(receipt: request.parameters.get("receipt") ?? "", on: request.db)
        let brand = try await model.organisationID.flatMapAsync { try await request.brand(organisationID: $0) }
        let page = StatusPage(context: request.pageContext.at(.status(.value(model.receipt))).branded(brand), model: model)
        return .html(page.render(), status: model.found == nil ? .notFound : .ok)
    }

    func lookup(_ request: Request) async throws -> Response {
        let context = request.pageContext.at(.statusLookup)
        guard let typed = request.queryStrings["receipt"].map({ String($0.prefix(40)) }),
              !typed.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .html(StatusLookupPage(context: context).render())
        }
        guard let receipt = ReceiptCode.normalise(typed) else {
            return .html(StatusLookupPage(context: context, typed: typed, refused: true).render(), status: .badRequest)
        }
        return request.redirect(to: SiteURL.status(.value(receipt)).url(language: context.language), redirectType: .normal)
    }
}
