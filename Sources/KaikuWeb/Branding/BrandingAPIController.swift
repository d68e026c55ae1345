import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/api/v1/organisation/branding` (and `/logo`): every member of staff
/// reads the branding, administrators of the whole organisation change it.
/// The logo is the request body itself, `image/png` or `image/jpeg`.
struct BrandingAPIController: RouteCollection {
    /// A little over the logo limit, so that a logo a few bytes too large gets the logo's own message.
    static let maxBodyBytes = 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        let branding = routes.grouped("api", "v1", "organisation", "branding").grouped(BearerTokenAuthenticator())
        branding.get(use: show)
        branding.patch(use: update)
        branding.on(.PUT, "logo", body: .collect(maxSize: ByteCount(value: Self.maxBodyBytes)), use: putLogo)
        branding.delete("logo", use: deleteLogo)
    }

    func show(_ request: Request) async throws -> BrandingDTO {
        let staff = try request.requireStaff()
        return try await dto(staff.organisationID, request)
    }

    func update(_ request: Request) async throws -> BrandingDTO {
        let staff = try await administrator(request)
        let change = try request.decodeJSON(BrandingChangeRequest.self)
        let current = try await Branding.settings(of: staff.organisationID, on: request.db)
        var names = current.name
        do {
            for (key, value) in change.name ?? [:] {
                guard Language(rawValue: key) != nil else {
                    throw BrandingRefusal(field: "name.\(key.prefix(20))", key: "branding.error.nameLanguage")
                }
                names[key] = try BrandingInput.name(value, field: "name.\(key)")
            }
            let colour = try change.colour.map { try BrandingInput.colour($0) } ?? current.colour
            try await Branding.save(.init(name: names, colour: colour), organisationID: staff.organisationID, actor: staff.auditActor,
                                    at: request.kaiku.clock.now, on: request.db)
        } catch let refusal as BrandingRefusal {
            throw refusal.fieldError(request.kaiku.catalogue)
        }
        return try await dto(staff.organisationID, request)
    }

    func putLogo(_ request: Request) async throws -> BrandingDTO {
        let staff = try await administrator(request)
        guard let type = request.headers.contentType, type.type == "image", ["png", "jpeg"].contains(type.subType) else {
            throw BrandingRefusal(.notPNGOrJPEG).fieldError(request.kaiku.catalogue)
        }
        let bytes = request.body.data.map { Array($0.readableBytesView) } ?? []
        do {
            let image = try BrandingInput.logo(bytes)
            try await Branding.setLogo(image, organisationID: staff.organisationID, actor: staff.auditActor, at: request.kaiku.clock.now, on: request.db)
        } catch let refusal as BrandingRefusal {
            throw refusal.fieldError(request.kaiku.catalogue)
        }
        return try await dto(staff.organisationID, request)
    }

    func deleteLogo(_ request: Request) async throws -> Response {
        let staff = try await administrator(request)
        try await Branding.removeLogo(organisationID: staff.organisationID, actor: staff.auditActor, at: request.kaiku.clock.now, on: request.db)
        return Response(status: .noContent)
    }

    private func administrator(_ request: Request) async throws -> StaffUser {
        let staff = try request.requireStaff()
        guard staff.role == .administrator else { throw Abort(.forbidden, reason: "Only administrators change the organisation's branding.") }
        try await request.requireScope().requireOrganisationAdministrator("the organisation's branding")
        return staff
    }

    private func dto(_ organisationID: UUID, _ request: Request) async throws -> BrandingDTO {
        let settings = try await Branding.settings(of: organisationID, on: request.db)
        guard let brand = try await Branding.brand(of: organisationID, on: request.db) else { throw Abort(.forbidden) }
        return BrandingDTO(settings: settings.name, colour: settings.colour, brand: brand)
    }
}
