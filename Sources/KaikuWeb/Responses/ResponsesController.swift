import Fluent
import Foundation
import KaikuCore
import KaikuStore
import SQLKit
import Vapor

struct ResponsesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "responses")
        api.post(use: create)
        let staff = api.grouped(BearerTokenAuthenticator())
        staff.get(use: list)
        staff.get(":id", use: show)
        staff.put(":id", "public", use: setPublic)
    }

    func create(_ request: Request) async throws -> Response {
        let dto = try request.decodeJSON(ResponseRequestDTO.self, scanning: ResponseRequestDTO.scan)
        let input = try dto.input()
        let idempotencyKey = request.headers.first(name: "Idempotency-Key")
        let submit = {
            // The fingerprint is compared only with a retry under the same key.
            try await SubmissionService.submit(
                targetCode: dto.target, input: input, idempotencyKey: idempotencyKey,
                fingerprint: idempotencyKey == nil ? [] : try dto.fingerprint(), requireRecommendation: false, on: request)
        }
        // A paired kiosk sends its device token and is not limited per address: a busy lobby is one address.
        var isKiosk = false
        if let bearer = request.headers.bearerAuthorization {
            isKiosk = try await KioskStore.device(token: bearer.token, on: request.db) != nil
        }
        let stored = isKiosk ? try await submit() : try await CaseRateLimiter.limit(input, on: request, submit)
        let response = Response(status: .created)
        response.headers.contentType = .json
        response.body = .init(string: try ReceiptDTO(id: stored.id, receipt: stored.receipt).json())
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/responses/\(stored.id.uuidString)")
        if stored.replayed { response.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true") }
        return response
    }

    func show(_ request: Request) async throws -> ResponseDTO {
        let scope = try await request.requireScope()
        guard let id = request.parameters.get("id", as: UUID.self),
              let response = try await FeedbackResponse.find(id, on: request.db),
              response.organisationID == scope.staff.organisationID, scope.canSee(unit: response.unitID) else {
            throw Abort(.notFound, reason: "No response with that id in your units.")
        }
        return try await ResponseQueries.dtos(for: [response], scope: scope, on: request.db)[0]
    }

    struct PublicDTO: Content {
        var `public`: Bool
        /// The masked open text as edited for the public; left out to publish it as it is.
        var text: String?
    }

    /// A handler's review of the open text: publish it in the Open311 list
    /// (optionally edited) or keep it out. Handlers, supervisors and
    /// administrators of its unit decide; analysts only read.
    func setPublic(_ request: Request) async throws -> PublicDTO {
        let scope = try await request.requireScope()
        guard scope.staff.role != .analyst else {
            throw Abort(.forbidden, reason: "Analysts cannot change what is public; ask a handler or supervisor of the unit.")
        }
        let body = try request.decodeJSON(PublicDTO.self)
        guard let id = request.parameters.get("id", as: UUID.self),
              let response = try await FeedbackResponse.find(id, on: request.db),
              response.organisationID == scope.staff.organisationID, scope.canSee(unit: response.unitID) else {
            throw Abort(.notFound, reason: "No response with that id in your units.")
        }
        guard response.openText != nil else {
            throw FieldError(status: .conflict, field: "public", message: "This answer has no open text to publish.")
        }
        var text: String?
        if body.public, let raw = body.text {
            do {
                text = try PublicReview.publishableText(raw)
            } catch .empty {
                throw FieldError(field: "text", message: "text must not be empty; leave it out to publish the text as it is.")
            } catch .tooLong(let max) {
                throw FieldError(field: "text", message: "text can be at most \(max) characters.")
            } catch {
                throw FieldError(field: "text", message: "text must not contain control characters.")
            }
        }
        try await PublicReview.decide(response, publish: body.public, text: text, by: scope.staff.userID,
                                      at: request.kaiku.clock.now, on: request.db)
        return PublicDTO(public: body.public, text: body.public ? response.publishedText : nil)
    }

    func list(_ request: Request) async throws -> [ResponseDTO] {
        let scope = try await request.requireScope()
        var limit = 100
        if let raw = request.queryStrings["limit"] {
            guard let parsed = Int(raw), (1...1_000).contains(parsed) else {
                throw FieldError(field: "limit", message: "limit must be a whole number from 1 to 1000.")
            }
            limit = parsed
        }
        var query = FeedbackResponse.query(on: request.db)
            .filter(\.$organisationID == scope.staff.organisationID)
            .sort(\.$receivedAt, .descending)
            .limit(limit)
        if let raw = request.queryStrings["receipt"] {
            guard let receipt = ReceiptCode.normalise(raw) else {
                throw FieldError(field: "receipt", message: "receipt must look like K7QH-3MXA.")
            }
            query = query.filter(\.$receipt == receipt)
        }
        var units = Array(scope.visible)
        if let code = request.queryStrings["unit"] {
            guard PlainIdentifier.isPlain(code), let unit = scope.unit(code: code), scope.canSee(unit: unit.id!) else {
                throw Abort(.notFound, reason: "No unit with code \(code) in your units.")
            }
            units = scope.tree.subtree(of: unit.id!)
        }
        query = query.filter(\.$unitID ~~ units)
        return try await ResponseQueries.dtos(for: query.all(), scope: scope, on: request.db)
    }
}
