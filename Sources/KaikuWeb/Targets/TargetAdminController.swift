import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Administrators add and change single feedback targets over the API; the
/// editor pages (`Staff/Admin/Targets`) do the same through `TargetChanges`.
struct TargetAdminController: RouteCollection {
    struct NameInput: Content {
        var fi: String?
        var sv: String?
        var en: String?
    }

    struct NewTarget: Content {
        var code: String
        var unit: String
        var name: NameInput
        var keywords: String?
        var active: Bool?
    }

    struct TargetChange: Content {
        var unit: String?
        var name: NameInput?
        var keywords: String?
        var active: Bool?
    }

    struct AdminTargetDTO: Content {
        var code: String
        var unit: String
        var name: LocalizedText
        var keywords: String
        var active: Bool

        init(_ fields: TargetFields) {
            code = fields.code
            unit = fields.unit
            name = fields.name
            keywords = fields.keywords
            active = fields.active
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        let targets = routes.grouped("api", "v1", "targets").grouped(BearerTokenAuthenticator())
        targets.post(use: create)
        targets.patch(":code", use: update)
    }

    func create(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        try TargetChanges.requireAdministrator(scope)
        let body = try request.decodeJSON(NewTarget.self)
        let fields = TargetFields(code: body.code, unit: body.unit,
                                  name: LocalizedText(fi: body.name.fi ?? "", sv: body.name.sv ?? "", en: body.name.en ?? ""),
                                  keywords: body.keywords ?? "", active: body.active ?? true)
        let target: Target
        do {
            target = try await TargetChanges.create(fields, scope: scope, request: request)
        } catch let refusal as TargetRefusal {
            throw refusal.fieldError
        }
        let response = Response(status: .created)
        try response.content.encode(AdminTargetDTO(TargetChanges.fields(of: target, scope: scope)), as: .json)
        return response
    }

    func update(_ request: Request) async throws -> AdminTargetDTO {
        let scope = try await request.requireScope()
        try TargetChanges.requireAdministrator(scope)
        let target = try await TargetChanges.editable(code: request.parameters.get("code") ?? "", scope: scope, on: request.db)
        let change = try request.decodeJSON(TargetChange.self)
        var fields = TargetChanges.fields(of: target, scope: scope)
        if let unit = change.unit { fields.unit = unit }
        if let name = change.name {
            fields.name = LocalizedText(fi: name.fi ?? fields.name.fi, sv: name.sv ?? fields.name.sv, en: name.en ?? fields.name.en)
        }
        if let keywords = change.keywords { fields.keywords = keywords }
        if let active = change.active { fields.active = active }
        do {
            try await TargetChanges.update(target, to: fields, scope: scope, request: request)
        } catch let refusal as TargetRefusal {
            throw refusal.fieldError
        }
        return AdminTargetDTO(TargetChanges.fields(of: target, scope: scope))
    }
}
