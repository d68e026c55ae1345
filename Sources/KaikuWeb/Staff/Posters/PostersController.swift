import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/posters?unit=CODE`: a sheet of printable cards for every feedback
/// target of a unit and the units under it, each with its QR code, short
/// link and remote-appointment link, to print on paper (one card per page
/// section) or save as PDF from the browser.
struct PostersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("posters", use: sheet)
    }

    func sheet(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        let unit: OrgUnit
        if let code = request.query[String.self, at: "unit"], !code.isEmpty {
            guard PlainIdentifier.isPlain(code), let chosen = scope.unit(code: code), scope.canSee(unit: chosen.id!) else {
                throw Abort(.notFound, reason: "No unit with code \(code) in your units.")
            }
            unit = chosen
        } else {
            guard let own = scope.units[scope.staff.unitID] else { throw Abort(.forbidden) }
            unit = own
        }
        let subtree = scope.tree.subtree(of: unit.id!)
        let targets = try await Target.query(on: request.db).filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ subtree).filter(\.$active == true).sort(\.$code).all()
        let base = (request.kaiku.settings.publicBaseURL ?? "http://\(request.headers.first(name: .host) ?? "127.0.0.1:8080")")
            .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        var cards: [PostersPage.Card] = []
        for target in targets {
            let link = base + "/t/\(target.code)"
            cards.append(PostersPage.Card(target: target.name[request.pageLanguage], unit: scope.units[target.unitID]?.name[request.pageLanguage] ?? "",
                                          link: link, remoteLink: link + "/remote", qrSVG: try QRCode(text: link).svg(moduleSize: 8, border: 4,
                                          title: request.kaiku.catalogue.text("poster.qrAlt", request.pageLanguage))))
        }
        let page = PostersPage(language: request.pageLanguage, catalogue: request.kaiku.catalogue, session: try request.auth.require(SessionToken.self),
                               unitName: unit.name[request.pageLanguage], unitCode: unit.code, cards: cards)
        return .html(page.render())
    }
}
