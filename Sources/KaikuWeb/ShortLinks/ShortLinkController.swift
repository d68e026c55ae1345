import Foundation
import KaikuCore
import Vapor

/// `/t/{code}`: short links and QR codes that open a target's form
/// directly, and the card to print with them.
struct ShortLinkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.shortLink(.key).pathComponents, use: redirect)
        routes.get(SiteURL.remoteShortLink(.key).pathComponents, use: remote)
        routes.get(SiteURL.qrSVG(.key).pathComponents, use: svg)
        routes.get(SiteURL.qrPNG(.key).pathComponents, use: png)
        routes.get(SiteURL.printCard(.key).pathComponents, use: printable)
    }

    func redirect(_ request: Request) async throws -> Vapor.Response {
        let card = try await card(request)
        return request.redirect(to: SiteURL.form(.value(card.code)).url(language: request.pageLanguage))
    }

    /// The short link a unit pastes into remote-appointment invitations and chats.
    func remote(_ request: Request) async throws -> Vapor.Response {
        let card = try await card(request)
        return request.redirect(to: SiteURL.remoteForm(.value(card.code)).url(language: request.pageLanguage))
    }

    func svg(_ request: Request) async throws -> Vapor.Response {
        let card = try await card(request)
        return Vapor.Response(status: .ok, headers: ["Content-Type": "image/svg+xml"],
                              body: .init(string: try card.qrCode().svg(moduleSize: 8, border: 4, title: card.name)))
    }

    func png(_ request: Request) async throws -> Vapor.Response {
        let card = try await card(request)
        let size = ShortLinkCard.pngModuleSize(request.query[Int.self, at: "scale"])
        return Vapor.Response(status: .ok, headers: ["Content-Type": "image/png"], body: .init(data: Data(try card.qrCode().png(moduleSize: size, border: 4))))
    }

    /// A card to print and put up at the unit: name, QR code and the address.
    func printable(_ request: Request) async throws -> Vapor.Response {
        let card = try await card(request)
        var brand: OrganisationBrand?
        if let organisationID = card.organisationID { brand = try await request.brand(organisationID: organisationID) }
        let context = request.pageContext.at(.printCard(.value(card.code))).branded(brand)
        return .html(PrintCardPage(context: context, model: try PrintCardModel(card)).render())
    }

    private func card(_ request: Request) async throws -> ShortLinkCard {
        let code = request.parameters.get("code") ?? ""
        guard let card = try await ShortLinkQuery.card(code: code, language: request.pageLanguage, base: request.publicBaseURL, on: request.db)
        else { throw Abort(.notFound, reason: "No feedback target with code \(code).") }
        return card
    }
}
