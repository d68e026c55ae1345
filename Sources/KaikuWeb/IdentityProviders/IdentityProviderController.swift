import Foundation
import KaikuStore
import Vapor

/// `GET/PUT /api/v1/organisation/identity-provider`: the organisation's own
/// OpenID Connect provider (administrators of the whole organisation). The
/// client secret is write-only: answers say only whether one is stored.
struct IdentityProviderController: RouteCollection {
    struct ProviderDTO: Content {
        /// `organisation` (saved here or on the settings page), `environment` (`KAIKU_OIDC_*`) or `none`.
        var source: String
        var issuer: String
        var clientId: String
        var hasClientSecret: Bool
        var trustEmailClaims: Bool
        var enabled: Bool
        var provisioning: Bool
        var defaultRole: String?
        var defaultUnit: String?
        var groupClaim: String?
        var groupRules: [IdentityProviderDraft.Rule]
    }

    struct ChangeDTO: Content {
        var issuer: String
        var clientId: String
        /// Omitted or empty: the stored secret is kept.
        var clientSecret: String?
        var trustEmailClaims: Bool?
        var enabled: Bool
        var provisioning: Bool?
        var defaultRole: String?
        var defaultUnit: String?
        var groupClaim: String?
        var groupRules: [IdentityProviderDraft.Rule]?
    }

    func boot(routes: any RoutesBuilder) throws {
        let provider = routes.grouped("api", "v1", "organisation", "identity-provider").grouped(BearerTokenAuthenticator())
        provider.get(use: show)
        provider.put(use: update)
    }

    func show(_ request: Request) async throws -> ProviderDTO {
        let staff = try await Self.requireAdministrator(request)
        return try await dto(organisationID: staff.organisationID, request)
    }

    func update(_ request: Request) async throws -> ProviderDTO {
        let staff = try await Self.requireAdministrator(request)
        let change = try request.decodeJSON(ChangeDTO.self)
        let draft = IdentityProviderDraft(
            issuer: change.issuer, clientID: change.clientId, clientSecret: change.clientSecret ?? "",
            trustsEmailClaims: change.trustEmailClaims ?? false, enabled: change.enabled, provisioning: change.provisioning ?? false,
            defaultRole: change.defaultRole ?? "", defaultUnit: change.defaultUnit ?? "", groupClaim: change.groupClaim ?? "",
            groupRules: change.groupRules ?? [])
        do {
            try await IdentityProviderEditing.save(draft, organisationID: staff.organisationID, actor: staff.auditActor, on: request)
        } catch let problem as IdentityProviderDraft.Problem {
            throw FieldError(field: problem.field, message: request.kaiku.catalogue.text(problem.key, try request.apiLanguage()))
        }
        return try await dto(organisationID: staff.organisationID, request)
    }

    private func dto(organisationID: UUID, _ request: Request) async throws -> ProviderDTO {
        let current = try await IdentityProviderEditing.current(organisationID: organisationID, on: request)
        let draft = current.draft
        return ProviderDTO(source: current.source.rawValue, issuer: draft.issuer, clientId: draft.clientID, hasClientSecret: current.hasSecret,
                           trustEmailClaims: draft.trustsEmailClaims, enabled: draft.enabled, provisioning: draft.provisioning,
                           defaultRole: draft.defaultRole.isEmpty ? nil : draft.defaultRole,
                           defaultUnit: draft.defaultUnit.isEmpty ? nil : draft.defaultUnit,
                           groupClaim: draft.groupClaim.isEmpty ? nil : draft.groupClaim, groupRules: draft.groupRules)
    }

    static func requireAdministrator(_ request: Request) async throws -> StaffUser {
        let staff = try request.requireStaff()
        guard staff.role == .administrator else { throw Abort(.forbidden, reason: "Only administrators change the organisation's identity provider.") }
        try await request.requireScope().requireOrganisationAdministrator("the organisation's identity provider")
        return staff
    }
}
