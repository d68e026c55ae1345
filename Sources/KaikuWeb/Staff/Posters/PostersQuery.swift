import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reads the cards of a unit's sheet: the unit asked for (or the user's
/// own) and every active target under it, each with its QR code.
enum PostersQuery {
    static func load(unit code: String?, target targetCode: String? = nil, scope: StaffScope, base: String, context: PageContext,
                     on database: any Database) async throws -> PostersModel {
        let language = context.language
        if let targetCode, !targetCode.isEmpty {
            return try await single(targetCode, scope: scope, base: base, context: context, on: database)
        }
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
        return PostersModel(unitName: unit.name[language], unitCode: unit.code,
                            cards: try targets.map { try card($0, scope: scope, base: base, context: context) })
    }

    /// The card of one target of the user's units, active or not: an
    /// administrator prints it before switching the target on.
    private static func single(_ code: String, scope: StaffScope, base: String, context: PageContext, on database: any Database) async throws -> PostersModel {
        guard PlainIdentifier.isPlain(code, maxLength: 100),
              let target = try await Target.query(on: database).filter(\.$code == code).first(),
              target.organisationID == scope.staff.organisationID, scope.canSee(unit: target.unitID),
              let unit = scope.units[target.unitID] else {
            throw Abort(.notFound, reason: "No feedback target with code \(code) in your units.")
        }
        return PostersModel(unitName: target.name[context.language], unitCode: unit.code,
                            cards: [try card(target, scope: scope, base: base, context: context)])
    }

    private static func card(_ target: Target, scope: StaffScope, base: String, context: PageContext) throws -> PostersModel.Card {
        let links = PostersModel.links(target: target.code, base: base)
        return PostersModel.Card(target: target.name[context.language], unit: scope.units[target.unitID]?.name[context.language] ?? "",
                                 link: links.link, remoteLink: links.remote,
                                 qrSVG: try QRCode(text: links.link).svg(moduleSize: 8, border: 4, title: context.t("poster.qrAlt")))
    }
}
