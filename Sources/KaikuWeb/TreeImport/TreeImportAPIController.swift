import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `POST /api/v1/units/import` and `POST /api/v1/targets/import`: the
/// county's tree and targets as CSV, all or nothing. Only an administrator
/// of the whole organisation imports: the file describes all of it.
struct TreeImportAPIController: RouteCollection {
    struct ResultDTO: Content {
        var added: Int
        var renamed: Int
        var moved: Int
        var closed: Int
        var reopened: Int
        var unchanged: Int
        var errors: [ImportLineError]

        init(_ counts: ImportCounts, errors: [ImportLineError]) {
            (added, renamed, moved, closed, reopened, unchanged) =
                (counts.added, counts.renamed, counts.moved, counts.closed, counts.reopened, counts.unchanged)
            self.errors = errors
        }
    }

    struct RefusalDTO: Content {
        var error: String
        var field: String
        var errors: [ImportLineError]
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1").grouped(BearerTokenAuthenticator())
        api.on(.POST, "units", "import", body: .stream, use: importUnits)
        api.on(.POST, "targets", "import", body: .stream, use: importTargets)
    }

    func importUnits(_ request: Request) async throws -> Response {
        let (organisation, actor) = try await administrator(request, "the org tree")
        let dryRun = try flag(request, "dryRun"), closeMissing = try flag(request, "closeMissing")
        let text = try await csvBody(request)
        let (plan, _) = try await TreeImportRun.units(text, organisation: organisation, closeMissing: closeMissing, dryRun: dryRun,
                                                      actor: actor, app: request.application)
        return try answer(plan.counts, errors: plan.errors)
    }

    func importTargets(_ request: Request) async throws -> Response {
        let (organisation, actor) = try await administrator(request, "the feedback targets")
        let dryRun = try flag(request, "dryRun")
        let text = try await csvBody(request)
        let (plan, _) = try await TreeImportRun.targets(text, organisation: organisation, dryRun: dryRun, actor: actor, app: request.application)
        return try answer(plan.counts, errors: plan.errors)
    }

    private func answer(_ counts: ImportCounts, errors: [ImportLineError]) throws -> Response {
        let response = Response(status: errors.isEmpty ? .ok : .badRequest)
        if errors.isEmpty {
            try response.content.encode(ResultDTO(counts, errors: []), as: .json)
        } else {
            let first = errors[0]
            let summary = "The file was not imported: \(errors.count) problem(s), the first on line \(first.line): \(first.message)"
            try response.content.encode(RefusalDTO(error: summary, field: "body", errors: Array(errors.prefix(1_000))), as: .json)
        }
        return response
    }

    private func administrator(_ request: Request, _ what: String) async throws -> (Organisation, AuditActor) {
        let scope = try await request.requireScope()
        try scope.requireOrganisationAdministrator(what)
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        return (organisation, scope.staff.auditActor)
    }

    private func flag(_ request: Request, _ name: String) throws -> Bool {
        guard let raw = request.queryStrings[name] else { return false }
        switch raw {
        case "true": return true
        case "false": return false
        default: throw FieldError(field: name, message: "\(name) must be true or false.")
        }
    }

    /// The body as UTF-8 text, at most `TreeImportRun.maxFileBytes`.
    private func csvBody(_ request: Request) async throws -> String {
        if let type = request.headers.contentType, !(type.type == "text" && ["csv", "plain"].contains(type.subType)) {
            throw FieldError(status: .unsupportedMediaType, field: "Content-Type",
                             message: "Send the file as the body with Content-Type: text/csv, not \(type.type)/\(type.subType).")
        }
        let buffer = try await request.collectedBody(max: TreeImportRun.maxFileBytes)
        guard let text = TreeImportRun.text(buffer.readableBytesView) else {
            throw FieldError(field: "body", message: "The file is not UTF-8 text; save it as \"CSV UTF-8\".")
        }
        return text
    }
}

extension Request {
    /// The streamed body, at most `max` bytes: 413 above it, naming the limit.
    func collectedBody(max: Int) async throws -> ByteBuffer {
        let tooLarge = FieldError(status: .payloadTooLarge, field: "body", message: "The file is larger than \(max / 1024 / 1024) MiB.")
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(max: max).get() ?? ByteBuffer()
        } catch let error as any AbortError where error.status == .payloadTooLarge {
            throw tooLarge
        }
        // A body that came in whole was collected before the limit was asked.
        guard buffer.readableBytes <= max else { throw tooLarge }
        return buffer
    }
}
