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
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.smsSurvey).pathComponents, use: page)
        routes.post(SiteURL.staff(.smsSurvey).pathComponents, use: save)
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
        let form = (try? request.content.decode(StaffSMSSurveyForm.self)) ?? StaffSMSSurveyForm()
        do {
            let body = SMSSurveySettingsController.SettingsDTO(
                enabled: form.enabled != nil, delayMinutes: try Self.number(form.delayMinutes, "delayMinutes"),
                quietFrom: form.quietFrom ?? "", quietTo: form.quietTo ?? "",
                oncePerDays: try Self.number(form.oncePerDays, "oncePerDays"), units: form.units ?? [])
            let settings = try SMSSurveySettingsController.settings(from: body, scope: scope)
            try await SMSSurveyStore.save(settings, for: scope.staff.organisationID, on: request.db)
            return try await render(request, scope: scope, settings: settings) { $0.saved = true }
        } catch let error as FieldError {
            let key = "staff.sms.error.\(error.field ?? "")"
            let message = request.kaiku.catalogue.entries[request.pageLanguage]?[key] != nil
                ? request.kaiku.catalogue.text(key, request.pageLanguage) : error.message
            let settings = try await SMSSurveyStore.settings(for: scope.staff.organisationID, on: request.db)
            return try await render(request, scope: scope, settings: settings, status: .badRequest) {
                $0.error = StaffSMSSurveyModel.FieldProblem(field: error.field ?? "", message: message)
                $0.form = form
            }
        }
    }

    private static func number(_ raw: String?, _ field: String) throws -> Int {
        guard let raw, let value = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            throw FieldError(field: field, message: "\(field) must be a whole number.")
        }
        return value
    }

    private func render(_ request: Request, scope: StaffScope, settings: SMSSurveySettings, status: HTTPResponseStatus = .ok,
                        outcome: (inout StaffSMSSurveyModel) -> Void = { _ in }) async throws -> Response {
        let context = request.pageContext
        var model = try await StaffSMSSurveyQuery.load(settings: settings, scope: scope, now: request.kaiku.clock.now, context: context, on: request.db)
        outcome(&model)
        return .html(StaffSMSSurveyPage(context: context, model: model).render(), status: status)
    }
}
