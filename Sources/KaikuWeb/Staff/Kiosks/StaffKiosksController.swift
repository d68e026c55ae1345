import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/kiosks`: the kiosks of one's units and whether they report in;
/// administrators register devices and give them pairing codes here too.
/// The same checks as the API (`KiosksController`).
struct StaffKiosksController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.kiosks).pathComponents, use: page)
        routes.post(SiteURL.staff(.kiosks).pathComponents, use: register)
        routes.post(SiteURL.staff(.kioskPairing(.key)).pathComponents, use: newPairing)
    }

    func page(_ request: Request) async throws -> Response {
        try await render(request, scope: try await viewer(request))
    }

    func register(_ request: Request) async throws -> Response {
        let scope = try await administrator(request)
        let form = (try? request.content.decode(StaffKiosksForm.self)) ?? StaffKiosksForm()
        do {
            let minutes = try form.offlineAfterMinutes.flatMap { raw -> Int? in
                guard !raw.isEmpty else { return nil }
                guard let value = Int(raw) else { throw FieldError(field: "offlineAfterMinutes", message: "offlineAfterMinutes must be a whole number of minutes.") }
                return value
            }
            let registration = KiosksController.Registration(name: form.name ?? "", unit: form.unit ?? "", targets: form.targets ?? [],
                                                             offlineAfterMinutes: minutes)
            let (device, code) = try await KiosksController.register(registration, scope: scope, request: request)
            return try await render(request, scope: scope, issued: (device.name, code, device.pairingExpiresAt), status: .created)
        } catch let error as FieldError {
            let key = "staff.kiosks.error.\(error.field ?? "")"
            let message = request.kaiku.catalogue.entries[request.pageLanguage]?[key] != nil
                ? request.kaiku.catalogue.text(key, request.pageLanguage) : error.message
            return try await render(request, scope: scope, error: message, form: form, status: .badRequest)
        }
    }

    func newPairing(_ request: Request) async throws -> Response {
        let scope = try await administrator(request)
        let (device, code) = try await KiosksController.newPairing(request.parameters.get("id", as: UUID.self), scope: scope, request: request)
        return try await render(request, scope: scope, issued: (device.name, code, device.pairingExpiresAt))
    }

    private func viewer(_ request: Request) async throws -> StaffScope {
        let scope = try await request.requireScope()
        guard [.administrator, .supervisor].contains(scope.staff.role) else {
            throw Abort(.forbidden, reason: request.kaiku.catalogue.text("staff.kiosks.forbidden", request.pageLanguage))
        }
        return scope
    }

    private func administrator(_ request: Request) async throws -> StaffScope {
        let scope = try await request.requireScope()
        guard scope.staff.role == .administrator else {
            throw Abort(.forbidden, reason: request.kaiku.catalogue.text("staff.kiosks.adminOnly", request.pageLanguage))
        }
        return scope
    }

    private func render(_ request: Request, scope: StaffScope, issued: (name: String, code: String, expires: Date?)? = nil,
                        error: String? = nil, form: StaffKiosksForm? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = request.pageContext
        var model = try await StaffKiosksQuery.load(scope: scope, now: request.kaiku.clock.now, context: context, on: request.db)
        if let issued, let expires = issued.expires {
            model.issued = StaffKiosksModel.issued(name: issued.name, code: issued.code, expires: expires, zone: model.zone)
        }
        model.error = error
        model.form = form
        return .html(StaffKiosksPage(context: context, model: model).render(), status: status)
    }
}
