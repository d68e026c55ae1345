import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reads the cards of a unit's sheet: the unit asked for (or the user's
/// own) and every active target under it, each with its QR code.
enum PostersQuery {
    static func load(unit code: String?, scope: StaffScope, base: String, context: PageContext, on database: any Database) async throws -> PostersModel {
        let language = context.language
        let unit: OrgUnit
        if let code, !code.isEmpty {
            guard PlainIdentifier.isPlain(code), let chosen = scope.unit(code: code), let chosenID = chosen.id, scope.canSee(unit: chosenID) else {
                throw Abort(.notFound, reason: "No unit with code \(code) in your units.")
            }
            unit = chosen
        } else {
            guard let own = scope.units[scope.staff.unitID] else { throw Abort(.forbidden) }
            unit = own
        }
        let subtree = scope.tree.subtree(of: try unit.requireID())
        let targets = try await Target.query(on: database).filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ subtree).filter(\.$active == true).offered(closedUnits: scope.closedForCustomers).sort(\.$code).all()
        let title = context.t("poster.qrAlt")
        let cards = try targets.map { target in
            let links = PostersModel.links(target: target.code, base: base)
            return PostersModel.Card(target: target.name[language], unit: scope.units[target.unitID]?.name[language] ?? "",
                                     link: links.link, remoteLink: links.remote,
                                     qrSVG: try QRCode(text: links.link).svg(moduleSize: 8, border: 4, title: title))
        }
        return PostersModel(unitName: unit.name[language], unitCode: unit.code, cards: cards)
    }
}
