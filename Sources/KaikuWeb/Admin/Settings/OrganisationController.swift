import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The organisation's own rules: the answer promise, how long contact
/// details are kept, the minimum n of figures, the languages offered.
/// Everyone reads them, administrators of the whole organisation change them.
struct OrganisationController: RouteCollection {
    struct SettingsDTO: Content {
        var code: String
        var name: String
        var promiseDays: Int
        /// `calendarDays` or `workingDays` (Monday–Friday without Finnish public holidays).
        var promiseIn: String
        var retentionDays: Int
        var minimumN: Int
        var timeZone: String
        var benchmarking: Bool
        /// `afterReview` (a handler approves each open text before it is public) or `immediately`.
        var publishOpenText: String
        /// The languages offered to customers, Finnish first.
        var languages: [String]
        /// Local accounts must sign in with a second factor (`POST /api/v1/auth/token` then wants `code`).
        var requireSecondFactor: Bool
        /// Staff sign in only through the organisation's identity provider; break-glass administrators keep their passwords.
        var singleSignOnOnly: Bool
    }

    func boot(routes: any RoutesBuilder) throws {
        let organisation = routes.grouped("api", "v1", "organisation").grouped(BearerTokenAuthenticator())
        organisation.get(use: show)
        organisation.patch(use: update)
    }

    func show(_ request: Request) async throws -> SettingsDTO {
        let staff = try request.requireStaff()
        return try await dto(try organisation(staff, request), language: request.apiLanguage())
    }

    func update(_ request: Request) async throws -> SettingsDTO {
        let staff = try request.requireStaff()
        guard staff.role == .administrator else { throw Abort(.forbidden, reason: "Only administrators change the organisation's settings.") }
        try await request.requireScope().requireOrganisationAdministrator("the organisation's settings")
        let change = try request.decodeJSON(OrganisationSettings.self)
        let actor = staff.auditActor
        let organisation = try await change.save(organisationID: staff.organisationID, actor: actor, at: request.kaiku.clock.now,
                                                 singleSignOn: request.hasSingleSignOn(organisationID: staff.organisationID), on: request.db)
        // Submissions cache the promise with the target; new cases must see the new one at once.
        await request.kaiku.targetCache.removeAll()
        return dto(organisation, language: try request.apiLanguage())
    }

    private func organisation(_ staff: StaffUser, _ request: Request) async throws -> Organisation {
        guard let organisation = try await Organisation.find(staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        return organisation
    }

    private func dto(_ organisation: Organisation, language: Language) -> SettingsDTO {
        SettingsDTO(code: organisation.code, name: organisation.name[language], promiseDays: organisation.promiseDays,
                    promiseIn: organisation.promiseCounting.rawValue, retentionDays: organisation.retentionDays,
                    minimumN: organisation.minimumN, timeZone: organisation.timeZoneID, benchmarking: organisation.benchmarking,
                    publishOpenText: organisation.openTextPublishing.rawValue, languages: organisation.offeredLanguages.map(\.rawValue),
                    requireSecondFactor: organisation.requireSecondFactor, singleSignOnOnly: organisation.singleSignOnOnly)
    }
}
