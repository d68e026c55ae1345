import Fluent
import Foundation
import KaikuCore
import KaikuStore
import SQLKit
import Vapor

/// Answers and the national minimum data as CSV or JSON, streamed a batch at
/// a time. Every export is written to the access log before it starts.
struct ExportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let exports = routes.grouped("api", "v1", "exports").grouped(BearerTokenAuthenticator())
        for format in ExportFormat.allCases {
            exports.get("answers.\(format.rawValue)") { try await answers($0, format: format) }
            exports.get("national.\(format.rawValue)") { try await national($0, format: format) }
        }
    }

    /// A unit's subtree: supervisors, analysts and administrators within their scope.
    func answers(_ request: Request, format: ExportFormat) async throws -> Response {
        let scope = try await request.requireScope()
        guard scope.staff.role != .handler else {
            throw Abort(.forbidden, reason: "Handlers cannot export answers; supervisors, analysts and administrators can.")
        }
        let organisation = try await organisation(of: scope, on: request)
        let unit = try await scope.reportUnit(request.queryStrings["unit"], on: request.db)
        let period = try ReportPeriod(request, timeZone: organisation.timeZone)
        let run = try await ExportRun.prepare(
            kind: .answers, organisation: organisation, units: scope.tree.subtree(of: unit.id!), period: period,
            format: format, byteOrderMark: try byteOrderMark(request, format), on: request.db)
        return try await stream(run, scope: unit.code, staff: scope.staff, on: request)
    }

    /// The whole organisation: analysts and administrators whose scope is all of it.
    func national(_ request: Request, format: ExportFormat) async throws -> Response {
        let scope = try await request.requireScope()
        guard [.analyst, .administrator].contains(scope.staff.role) else {
            throw Abort(.forbidden, reason: "The national export is for analysts and administrators.")
        }
        guard let own = scope.units[scope.staff.unitID], own.parentID == nil else {
            throw Abort(.forbidden, reason: "The national export covers the whole organisation; your scope is part of it.")
        }
        let organisation = try await organisation(of: scope, on: request)
        let period = try ReportPeriod(request, timeZone: organisation.timeZone)
        let run = try await ExportRun.prepare(
            kind: .national, organisation: organisation, units: nil, period: period,
            format: format, byteOrderMark: try byteOrderMark(request, format), on: request.db)
        return try await stream(run, scope: organisation.code, staff: scope.staff, on: request)
    }

    private func organisation(of scope: StaffScope, on request: Request) async throws -> Organisation {
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        return organisation
    }

    /// `bom=false` leaves out the byte order mark that Excel needs to read UTF-8.
    private func byteOrderMark(_ request: Request, _ format: ExportFormat) throws -> Bool {
        guard let raw = request.queryStrings["bom"] else { return format == .csv }
        guard let value = Bool(raw) else { throw FieldError(field: "bom", message: "bom must be true or false.") }
        return value && format == .csv
    }

    private func stream(_ run: ExportRun, scope: String, staff: StaffUser, on request: Request) async throws -> Response {
        try await AccessLogEntry(organisationID: staff.organisationID, at: request.kaiku.clock.now, userID: staff.userID,
                                 action: run.logDescription(scope: scope), caseID: nil, responseID: nil).create(on: request.db)
        let sql = try request.db.sql
        let logger = request.logger
        let location = request.kaiku.settings.database
        let response = Response(status: .ok, body: .init(managedAsyncStream: { writer in
            do {
                try await run.write(on: sql, location: location) { bytes in try await writer.writeBuffer(ByteBuffer(bytes: bytes)) }
            } catch {
                logger.report(error: error)
                throw error
            }
        }))
        response.headers.replaceOrAdd(name: .contentType, value: run.format.contentType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(run.fileName(scope: scope))\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
