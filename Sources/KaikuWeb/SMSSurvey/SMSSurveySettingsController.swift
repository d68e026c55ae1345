import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `GET`/`PUT /api/v1/organisation/sms-survey`: when and to whom the SMS
/// survey after visits is sent. Everyone of the organisation reads the
/// settings; an administrator of the whole organisation changes them.
struct SMSSurveySettingsController: RouteCollection {
    struct SettingsDTO: Content {
        var enabled: Bool
        var delayMinutes: Int
        /// "HH:MM" in the organisation's time zone; quiet across midnight when from > to.
        var quietFrom: String
        var quietTo: String
        var oncePerDays: Int
        /// Unit codes; each takes part with its whole subtree.
        var units: [String]
    }

    func boot(routes: any RoutesBuilder) throws {
        let settings = routes.grouped("api", "v1", "organisation", "sms-survey").grouped(BearerTokenAuthenticator())
        settings.get(use: show)
        settings.put(use: update)
    }

    func show(_ request: Request) async throws -> SettingsDTO {
        let scope = try await request.requireScope()
        let settings = try await SMSSurveyStore.settings(for: scope.staff.organisationID, on: request.db)
        return Self.dto(settings, scope)
    }

    func update(_ request: Request) async throws -> SettingsDTO {
        let scope = try await request.requireScope()
        guard Self.canChange(scope) else {
            throw Abort(.forbidden, reason: "Only an administrator of the whole organisation changes the SMS survey.")
        }
        let settings = try Self.settings(from: try request.decodeJSON(SettingsDTO.self), scope: scope)
        try await SMSSurveyStore.save(settings, for: scope.staff.organisationID, on: request.db)
        return Self.dto(settings, scope)
    }

    /// The survey reaches every unit, so only an administrator at the root changes it.
    static func canChange(_ scope: StaffScope) -> Bool {
        scope.staff.role == .administrator && scope.tree.parent(of: scope.staff.unitID) == nil
    }

    /// Checks settings as sent; shared by the API and the staff page.
    static func settings(from body: SettingsDTO, scope: StaffScope) throws -> SMSSurveySettings {
        let units = try body.units.map { code -> UUID in
            guard let unit = scope.unit(code: code), let id = unit.id else {
                throw FieldError(field: "units", message: "No unit with code \(code) here.")
            }
            return id
        }
        let settings = SMSSurveySettings(enabled: body.enabled, delayMinutes: body.delayMinutes, quietStart: try minutes(body.quietFrom, "quietFrom"),
                                         quietEnd: try minutes(body.quietTo, "quietTo"), oncePerDays: body.oncePerDays, units: Set(units))
        if let problem = settings.problem() { throw FieldError(field: problem.field, message: problem.message) }
        return settings
    }

    private static func minutes(_ text: String, _ field: String) throws -> Int {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw FieldError(field: field, message: "\(field) must be a time of day as HH:MM, e.g. 21:00.")
        }
        return hour * 60 + minute
    }

    static func dto(_ settings: SMSSurveySettings, _ scope: StaffScope) -> SettingsDTO {
        func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
        return SettingsDTO(enabled: settings.enabled, delayMinutes: settings.delayMinutes, quietFrom: clock(settings.quietStart),
                           quietTo: clock(settings.quietEnd), oncePerDays: settings.oncePerDays,
                           units: settings.units.compactMap { scope.units[$0]?.code }.sorted())
    }
}
