import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `GET /api/v1/themes` (staff) lists the organisation's themes, the seven
/// defaults first; `POST /api/v1/themes` (administrators of the whole
/// organisation) adds one of its own.
struct ThemesController: RouteCollection {
    struct NameDTO: Content, Equatable {
        var fi: String
        var sv: String
        var en: String
    }

    struct ThemeDTO: Content, Equatable {
        var code: String
        var name: NameDTO
        var `default`: Bool
    }

    struct NewThemeDTO: Content {
        var code: String
        var name: NameDTO
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "themes").grouped(BearerTokenAuthenticator())
        api.get(use: list)
        api.post(use: create)
    }

    func list(_ request: Request) async throws -> [ThemeDTO] {
        let scope = try await request.requireScope()
        return try await Self.themes(organisationID: scope.staff.organisationID, request: request)
    }

    func create(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        try scope.requireOrganisationAdministrator("the organisation's themes")
        let body = try request.decodeJSON(NewThemeDTO.self)
        let theme = try await OwnThemeAddition.add(code: body.code, name: LocalizedText(fi: body.name.fi, sv: body.name.sv, en: body.name.en),
                                                   scope: scope, request: request)
        let response = Response(status: .created)
        try response.content.encode(theme, as: .json)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/themes")
        return response
    }

    static func themes(organisationID: UUID, request: Request) async throws -> [ThemeDTO] {
        let catalogue = request.kaiku.catalogue
        return try await ThemeCatalogue.entries(organisationID: organisationID, on: request.db).map { entry in
            let name = entry.ownName ?? LocalizedText(fi: catalogue.text("theme.\(entry.code)", .fi),
                                                      sv: catalogue.text("theme.\(entry.code)", .sv),
                                                      en: catalogue.text("theme.\(entry.code)", .en))
            return ThemeDTO(code: entry.code, name: NameDTO(fi: name.fi, sv: name.sv, en: name.en), default: entry.isDefault)
        }
    }
}
