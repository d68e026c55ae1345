import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/sms-survey`: what the SMS survey after visits did in the last 30
/// days for one's units, and its settings, which an administrator of the
/// whole organisation changes here with the API's checks
/// (`SMSSurveySettingsController`).
struct StaffSMSSurveyController: RouteCollection {
    static let activityDays = 30

    struct SettingsForm: Content {
        var enabled: String?
        var delayMinutes: String?
        var quietFrom: String?
        var quietTo: String?
        var oncePerDays: String?
        var units: [String]?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("sms-survey", use: page)
        routes.post("sms-survey", use: save)
    }

    func page(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        guard [.administrator, .supervisor].contains(scope.staff.role) else {
            throw Abort(.forbidden, reason: request.kaiku.catalogue.text("staff.sms.forbidden", request.pageLanguage))
        }
        let settings = try await SMSSurveyStore.settings(for: scope.staff.organisationID, on: request.db)
        return try await render(request, scope: scope, settings: settings)
    }

    func save(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        guard SMSSurveySettingsController.canChange(scope) else {
            throw Abort(.forbidden, reason: request.kaiku.catalogue.text("staff.sms.adminOnly", request.pageLanguage))
        }
        let form = (try? request.content.decode(SettingsForm.self)) ?? SettingsForm()
        do {
            let body = SMSSurveySettingsController.SettingsDTO(
                enabled: form.enabled != nil, delayMinutes: try Self.number(form.delayMinutes, "delayMinutes"),
                quietFrom: form.quietFrom ?? "", quietTo: form.quietTo ?? "",
                oncePerDays: try Self.number(form.oncePerDays, "oncePerDays"), units: form.units ?? [])
            let settings = try SMSSurveySettingsController.settings(from: body, scope: scope)
            try await SMSSurveyStore.save(settings, for: scope.staff.organisationID, on: request.db)
            return try await render(request, scope: scope, settings: settings, saved: true)
        } catch let error as FieldError {
            let key = "staff.sms.error.\(error.field ?? "")"
            let message = request.kaiku.catalogue.entries[request.pageLanguage]?[key] != nil
                ? request.kaiku.catalogue.text(key, request.pageLanguage) : error.message
            let settings = try await SMSSurveyStore.settings(for: scope.staff.organisationID, on: request.db)
            return try await render(request, scope: scope, settings: settings, error: (error.field ?? "", message), form: form,
                                    status: .badRequest)
        }
    }

    private static func number(_ raw: String?, _ field: String) throws -> Int {
        guard let raw, let value = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            throw FieldError(field: field, message: "\(field) must be a whole number.")
        }
        return value
    }

    private func render(_ request: Request, scope: StaffScope, settings: SMSSurveySettings, saved: Bool = false,
                        error: (field: String, message: String)? = nil, form: SettingsForm? = nil,
                        status: HTTPResponseStatus = .ok) async throws -> Response {
        let language = request.pageLanguage
        let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db)
        let activity = try await SMSSurveyStore.activity(
            organisationID: scope.staff.organisationID, units: Array(scope.visible),
            since: request.kaiku.clock.now.addingTimeInterval(-Double(Self.activityDays) * 86_400), on: request.db)
        // The survey is the organisation's: every unit may be chosen, and the chosen ones are named even outside one's subtree.
        let roots = scope.units.keys.filter { scope.tree.parent(of: $0) == nil }
            .sorted { (scope.units[$0]?.code ?? "") < (scope.units[$1]?.code ?? "") }
        let page = StaffSMSSurveyPage(
            language: language, catalogue: request.kaiku.catalogue, session: try request.auth.require(SessionToken.self),
            settings: SMSSurveySettingsController.dto(settings, scope), activity: activity,
            suppression: SuppressionPolicy(minimumN: organisation?.minimumN ?? SuppressionPolicy.defaultMinimumN),
            units: roots.flatMap { scope.unitOptions(under: $0, language: language) },
            chosen: settings.units.compactMap { scope.units[$0]?.name[language] }.sorted(),
            canChange: SMSSurveySettingsController.canChange(scope), saved: saved, error: error, form: form)
        return .html(page.render(), status: status)
    }
}
