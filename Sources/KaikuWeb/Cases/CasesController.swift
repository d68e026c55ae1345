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

    static let maxPage = 1_000
    /// Far beyond any real inbox, and small enough that a database never scans without end.
    static let maxOffset = 10_000_000

    /// A page of cases (`limit`, `offset`), the body still a plain array so
    /// that existing clients keep working; `X-Total-Count` says how many match.
    func list(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        let limit = try Self.integer("limit", in: 1...Self.maxPage, default: Self.maxPage, request)
        let offset = try Self.integer("offset", in: 0...Self.maxOffset, default: 0, request)
        var query = FeedbackCase.query(on: request.db)
            .filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ Array(scope.visible))
        if let raw = request.queryStrings["status"] {
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
        if let raw = request.queryStrings["receipt"] {
            guard let receipt = ReceiptCode.normalise(raw) else {
                throw FieldError(field: "receipt", message: "receipt must look like K7QH-3MXA.")
            }
            query = query.filter(\.$receipt == receipt)
        }
        let now = request.kaiku.clock.now
        let total = try await query.copy().count()
        // The id breaks ties of the due time, so that pages neither repeat nor skip a case.
        let rows = try await query.sort(\.$dueAt).sort(\.$id).range(offset..<(offset + limit)).all()
        let response = try await rows.map { CaseSummaryDTO($0, scope: scope, now: now) }.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: "X-Total-Count", value: String(total))
        return response
    }

    private static func integer(_ name: String, in range: ClosedRange<Int>, default value: Int, _ request: Request) throws -> Int {
        guard let raw = request.queryStrings[name] else { return value }
        guard let parsed = Int(raw), range.contains(parsed) else {
            throw FieldError(field: name, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return parsed
    }

    struct StatisticsDTO: Content {
        var unit: String
        var pending: Int
        var late: Int
        var dueSoon: Int
        var finished: Int
        var medianHandlingHours: Double?
        var promiseKeptPercent: Int?
        var reacted: Int
        var medianReactionHours: Double?
        var reactionKeptPercent: Int?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(unit, forKey: .unit)
            try container.encode(pending, forKey: .pending)
            try container.encode(late, forKey: .late)
            try container.encode(dueSoon, forKey: .dueSoon)
            try container.encode(finished, forKey: .finished)
            try container.encode(medianHandlingHours, forKey: .medianHandlingHours)
            try container.encode(promiseKeptPercent, forKey: .promiseKeptPercent)
            try container.encode(reacted, forKey: .reacted)
            try container.encode(medianReactionHours, forKey: .medianReactionHours)
            try container.encode(reactionKeptPercent, forKey: .reactionKeptPercent)
        }
    }

    /// Open and late cases, handling time and promises kept for a unit's
    /// subtree; finished cases count when received within the last year.
    func statistics(_ request: Request) async throws -> StatisticsDTO {
        let scope = try await request.requireScope()
        var root = scope.staff.unitID
        if let code = request.queryStrings["unit"] {
            guard PlainIdentifier.isPlain(code), let unit = scope.unit(code: code), scope.canSee(unit: unit.id!) else {
                throw FieldError(status: .notFound, field: "unit", message: "No unit with code \(code) in your units.")
            }
            root = unit.id!
        }
        let stats = try await CaseStatisticsQuery.figures(units: scope.tree.subtree(of: root), organisationID: scope.staff.organisationID,
                                                          now: request.kaiku.clock.now, on: request.db)
        return StatisticsDTO(unit: scope.units[root]?.code ?? "", pending: stats.pending, late: stats.late, dueSoon: stats.dueSoon,
                             finished: stats.finished, medianHandlingHours: stats.medianHandlingHours, promiseKeptPercent: stats.promiseKeptPercent,
                             reacted: stats.reacted, medianReactionHours: stats.medianReactionHours, reactionKeptPercent: stats.reactionKeptPercent)
    }

    func show(_ request: Request) async throws -> CaseDetailDTO {
        try await CaseDetailDTO.load(request.caseID, scope: try await request.requireScope(), on: request)
    }
}
