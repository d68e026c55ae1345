import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reads the cards of a unit's sheet: the unit asked for (or the user's
/// own), its active targets to choose from, the chosen ones (all unless
/// some are picked) each with its QR code, and the organisation's brand.
enum PostersQuery {
    static func load(_ form: PostersForm, scope: StaffScope, base: String, context: PageContext,
                     on database: any Database) async throws -> PostersModel {
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: database) else { throw Abort(.forbidden) }
        let bilingualLanguages = Array(organisation.offeredLanguages.prefix(2))
        let languages = form.isBilingual && bilingualLanguages.count == 2 ? bilingualLanguages : [context.language]
        var model: PostersModel
        if let targetCode = form.target, !targetCode.isEmpty {
            model = try await single(targetCode, scope: scope, base: base, languages: languages, context: context, on: database)
        } else {
            model = try await sheet(form, scope: scope, base: base, languages: languages, context: context, on: database)
        }
        model.layout = form.sheetLayout
        model.bilingualLanguages = bilingualLanguages
        model.brand = try await Branding.brand(of: organisation, on: database)
        return model
    }

    private static func sheet(_ form: PostersForm, scope: StaffScope, base: String, languages: [Language], context: PageContext,
                              on database: any Database) async throws -> PostersModel {
        let unit: OrgUnit
        if let code = form.unit, !code.isEmpty {
            guard PlainIdentifier.isPlain(code), let chosen = scope.unit(code: code), let chosenID = chosen.id, scope.canSee(unit: chosenID) else {
                throw Abort(.notFound, reason: "No unit with code \(code.prefix(60)) in your units.")
            }
            unit = chosen
        } else {
            guard let own = scope.units[scope.staff.unitID] else { throw Abort(.forbidden) }
            unit = own
        }
        let subtree = scope.tree.subtree(of: try unit.requireID())
        let targets = try await Target.query(on: database).filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ subtree).filter(\.$active == true).offered(closedUnits: scope.closedForCustomers).sort(\.$code).all()
        let picks = form.picks
        let chosen = targets.filter { picks?.contains($0.code) ?? true }
        return PostersModel(unitName: unit.name[context.language], unitCode: unit.code,
                            unitOptions: scope.unitOptions(under: scope.staff.unitID, language: context.language),
                            choices: targets.map { .init(code: $0.code, name: $0.name[context.language], picked: picks?.contains($0.code) ?? true) },
                            cards: try chosen.map { try card($0, scope: scope, base: base, languages: languages, context: context) },
                            languages: languages)
    }

    /// The card of one target of the user's units, active or not: an
    /// administrator prints it before switching the target on.
    private static func single(_ code: String, scope: StaffScope, base: String, languages: [Language], context: PageContext,
                               on database: any Database) async throws -> PostersModel {
        guard PlainIdentifier.isPlain(code, maxLength: 100),
              let target = try await Target.query(on: database).filter(\.$code == code).first(),
              target.organisationID == scope.staff.organisationID, scope.canSee(unit: target.unitID),
              let unit = scope.units[target.unitID] else {
            throw Abort(.notFound, reason: "No feedback target with code \(code.prefix(100)) in your units.")
        }
        return PostersModel(unitName: target.name[context.language], unitCode: unit.code,
                            cards: [try card(target, scope: scope, base: base, languages: languages, context: context)], languages: languages)
    }

    private static func card(_ target: Target, scope: StaffScope, base: String, languages: [Language], context: PageContext) throws -> PostersModel.Card {
        let links = PostersModel.links(target: target.code, base: base)
        let qrTitle = languages.map { context.catalogue.text("poster.qrAlt", $0) }.joined(separator: " – ")
        return PostersModel.Card(code: target.code, names: languages.map { target.name[$0] },
                                 unit: scope.units[target.unitID]?.name[languages[0]] ?? "",
                                 link: links.link, remoteLink: links.remote,
                                 qrSVG: try QRCode(text: links.link).svg(moduleSize: 8, border: 4, title: qrTitle))
    }
}
