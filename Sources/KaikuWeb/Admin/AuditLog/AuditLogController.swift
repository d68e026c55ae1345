import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `GET /api/v1/audit-log`: the organisation's administrative changes, for its
/// administrators of the whole organisation only — the entries are about
/// settings and texts that apply to every unit, and name users and units by
/// e-mail and code, which a subtree cannot be told apart by once units move.
struct AuditLogController: RouteCollection {
    struct EntryDTO: Content {
        var at: Date
        var actor: String
        var action: String
        var subject: String
        var before: AuditJSONValue?
        var after: AuditJSONValue?
    }

    struct PageDTO: Content {
        var total: Int
        var limit: Int
        var offset: Int
        var entries: [EntryDTO]
    }

    static let maxLimit = 500
    static let maxOffset = 1_000_000

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1", "audit-log").grouped(BearerTokenAuthenticator()).get(use: list)
    }

    func list(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        guard scope.isOrganisationAdministrator else {
            throw Abort(.forbidden, reason: "Only an administrator of the whole organisation reads the audit log.")
        }
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let format = request.queryStrings["format"] ?? "json"
        guard ["json", "csv"].contains(format) else { throw FieldError(field: "format", message: "format must be json or csv.") }
        let filter = try AuditLogFilter.parse(from: request.queryStrings["from"], to: request.queryStrings["to"],
                                              action: request.queryStrings["action"])
        let limit = try Self.integer("limit", in: 1...Self.maxLimit, default: 100, request)
        let offset = try Self.integer("offset", in: 0...Self.maxOffset, default: 0, request)
        let organisationID = try organisation.requireID()
        if format == "csv" {
            return AuditLogCSV(organisationID: organisationID, timeZone: organisation.timeZone, filter: filter, until: request.kaiku.clock.now)
                .response(database: request.db, logger: request.logger, fileName: "kaiku-audit-log-\(organisation.code).csv")
        }
        let entries = try await AuditLogQuery.entries(organisationID: organisationID, timeZone: organisation.timeZone, filter: filter,
                                                      limit: limit, offset: offset, on: request.db)
        let total = try await AuditLogQuery.count(organisationID: organisationID, timeZone: organisation.timeZone, filter: filter, on: request.db)
        let page = PageDTO(total: total, limit: limit, offset: offset, entries: entries.map {
            EntryDTO(at: $0.at, actor: $0.actor, action: $0.action, subject: $0.subject,
                     before: $0.before.map(AuditJSONValue.init(storedText:)), after: $0.after.map(AuditJSONValue.init(storedText:)))
        })
        let response = try await page.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private static func integer(_ name: String, in range: ClosedRange<Int>, default value: Int, _ request: Request) throws -> Int {
        guard let raw = request.queryStrings[name] else { return value }
        guard let parsed = Int(raw), range.contains(parsed) else {
            throw FieldError(field: name, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return parsed
    }
}
