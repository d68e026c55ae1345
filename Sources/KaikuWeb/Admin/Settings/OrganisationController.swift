import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The organisation's own rules: the answer promise, how long contact
/// details are kept, the minimum n of figures. Everyone reads them,
/// administrators change them.
struct OrganisationController: RouteCollection {
    struct SettingsDTO: Content {
        var code: String
        var name: String
        var promiseDays: Int
        var retentionDays: Int
        var minimumN: Int
        var timeZone: String
        var benchmarking: Bool
        /// `afterReview` (a handler approves each open text before it is public) or `immediately`.
        var publishOpenText: String
    }

    struct SettingsChange: Content {
        var promiseDays: Int?
        var retentionDays: Int?
        var minimumN: Int?
        var benchmarking: Bool?
        var publishOpenText: String?
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
        let change = try request.decodeJSON(SettingsChange.self)
        let organisation = try await organisation(staff, request)
        if let days = change.promiseDays {
            guard (1...90).contains(days) else { throw FieldError(field: "promiseDays", message: "promiseDays must be 1–90 calendar days.") }
            organisation.promiseDays = days
        }
        if let days = change.retentionDays {
            guard (30...3_650).contains(days) else { throw FieldError(field: "retentionDays", message: "retentionDays must be 30–3650 days.") }
            organisation.retentionDays = days
        }
        if let n = change.minimumN {
            guard (1...100).contains(n) else { throw FieldError(field: "minimumN", message: "minimumN must be 1–100.") }
            organisation.minimumN = n
        }
        if let benchmarking = change.benchmarking { organisation.benchmarking = benchmarking }
        if let raw = change.publishOpenText {
            guard let publishing = OpenTextPublishing(rawValue: raw) else {
                throw FieldError(field: "publishOpenText", message: "publishOpenText must be afterReview or immediately.")
            }
            organisation.publishOpenText = publishing.rawValue
        }
        try await organisation.save(on: request.db)
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
                    retentionDays: organisation.retentionDays, minimumN: organisation.minimumN, timeZone: organisation.timeZoneID,
                    benchmarking: organisation.benchmarking, publishOpenText: organisation.openTextPublishing.rawValue)
    }
}
