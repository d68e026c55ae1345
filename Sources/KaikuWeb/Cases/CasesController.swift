import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Cases in the caller's part of the organisation. Another unit's or another
/// organisation's case is 404: its existence is not revealed.
struct CasesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("api", "v1", "cases").grouped(BearerTokenAuthenticator())
        cases.get(use: list)
        cases.get("statistics", use: statistics)
        cases.get(":id", use: show)
    }

    func list(_ request: Request) async throws -> [CaseSummaryDTO] {
        let scope = try await request.requireScope()
        var query = FeedbackCase.query(on: request.db)
            .filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ Array(scope.visible))
            .sort(\.$dueAt)
            .limit(1_000)
        if let raw = request.query[String.self, at: "status"] {
            let statuses: [String]
            switch raw {
            // "open" is what a handler means by it: everything still owed an answer.
            case "open": statuses = CaseStatus.allCases.filter(\.isPending).map(\.rawValue)
            case let value where CaseStatus(rawValue: value) != nil: statuses = [value]
            default:
                throw FieldError(field: "status", message: "status must be one of open, handling, closed, referred.")
            }
            query = query.filter(\.$status ~~ statuses)
        }
        if let raw = request.query[String.self, at: "receipt"] {
            guard let receipt = ReceiptCode.normalise(raw) else {
                throw FieldError(field: "receipt", message: "receipt must look like K7QH-3MXA.")
            }
            query = query.filter(\.$receipt == receipt)
        }
        let now = request.kaiku.clock.now
        return try await query.all().map { CaseSummaryDTO($0, scope: scope, now: now) }
    }

    struct StatisticsDTO: Content {
        var unit: String
        var pending: Int
        var late: Int
        var dueSoon: Int
        var finished: Int
        var medianHandlingHours: Double?
        var promiseKeptPercent: Int?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(unit, forKey: .unit)
            try container.encode(pending, forKey: .pending)
            try container.encode(late, forKey: .late)
            try container.encode(dueSoon, forKey: .dueSoon)
            try container.encode(finished, forKey: .finished)
            try container.encode(medianHandlingHours, forKey: .medianHandlingHours)
            try container.encode(promiseKeptPercent, forKey: .promiseKeptPercent)
        }
    }

    /// Open and late cases, handling time and promises kept for a unit's
    /// subtree; finished cases count when received within the last year.
    func statistics(_ request: Request) async throws -> StatisticsDTO {
        let scope = try await request.requireScope()
        var root = scope.staff.unitID
        if let code = request.query[String.self, at: "unit"] {
            guard PlainIdentifier.isPlain(code), let unit = scope.unit(code: code), scope.canSee(unit: unit.id!) else {
                throw FieldError(status: .notFound, field: "unit", message: "No unit with code \(code) in your units.")
            }
            root = unit.id!
        }
        let now = request.kaiku.clock.now
        let cases = try await FeedbackCase.query(on: request.db)
            .filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ scope.tree.subtree(of: root))
            .filter(\.$receivedAt >= now.addingTimeInterval(-365 * 86_400))
            .all()
        let stats = CaseStatistics(cases.map { .init(receivedAt: $0.receivedAt, dueAt: $0.dueAt, closedAt: $0.statusValue.isPending ? nil : ($0.closedAt ?? now)) }, now: now)
        return StatisticsDTO(unit: scope.units[root]?.code ?? "", pending: stats.pending, late: stats.late, dueSoon: stats.dueSoon,
                             finished: stats.finished, medianHandlingHours: stats.medianHandlingHours, promiseKeptPercent: stats.promiseKeptPercent)
    }

    func show(_ request: Request) async throws -> CaseDetailDTO {
        let scope = try await request.requireScope()
        guard let id = request.parameters.get("id", as: UUID.self),
              let item = try await FeedbackCase.find(id, on: request.db),
              item.organisationID == scope.staff.organisationID, scope.canSee(unit: item.unitID),
              let response = try await FeedbackResponse.find(item.responseID, on: request.db) else {
            throw Abort(.notFound, reason: "No case with that id in your units.")
        }
        let contact = try await ResponseContact.query(on: request.db).filter(\.$responseID == item.responseID).first()
        if contact != nil {
            // Every view of contact details is on record before they are shown.
            try await AccessLogEntry(organisationID: item.organisationID, at: request.kaiku.clock.now, userID: scope.staff.userID,
                                     action: "case.contact.view", caseID: item.id, responseID: item.responseID).create(on: request.db)
        }
        let events = try await CaseEvent.query(on: request.db).filter(\.$caseID == id).sort(\.$at).all()
        let actors = try await User.query(on: request.db).filter(\.$id ~~ Set(events.compactMap(\.actorID))).all()
        let emails = Dictionary(uniqueKeysWithValues: actors.map { ($0.id!, $0.email) })
        return CaseDetailDTO(
            id: id, unit: scope.units[item.unitID]?.code ?? "", originalUnit: scope.units[item.originalUnitID]?.code ?? "",
            status: item.status, dueAt: item.dueAt, receipt: item.receipt, receivedAt: item.receivedAt, closedAt: item.closedAt,
            late: item.statusValue.isPending && AnswerPromise.isLate(dueAt: item.dueAt, now: request.kaiku.clock.now),
            response: try await ResponseQueries.dtos(for: [response], scope: scope, on: request.db)[0],
            contact: try contact.map { stored in
                let cipher = request.kaiku.cipher
                return CaseDetailDTO.ContactDTO(name: try cipher.open(stored.name), email: try cipher.open(stored.email), phone: try cipher.open(stored.phone))
            },
            history: events.map { CaseDetailDTO.EventDTO(at: $0.at, kind: $0.kind, actor: $0.actorID.flatMap { emails[$0] }, detail: $0.detail) })
    }
}
