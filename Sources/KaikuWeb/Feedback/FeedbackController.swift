import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `GET /api/v1/feedback` and `.csv`: the answers with open text in the
/// caller's units, newest first, masked, filtered like the feed page.
/// Every staff role reads it. Reading the list is not written to the access
/// log — it holds masked, anonymous text, no contact details, like
/// `GET /api/v1/responses`; the CSV download is, as every export is.
struct FeedbackController: RouteCollection {
    static let defaultLimit = 50
    static let maxLimit = 500
    static let maxOffset = 1_000_000
    /// Rows read per query while the CSV streams.
    static let csvBatch = 1_000

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1").grouped(BearerTokenAuthenticator())
        api.get("feedback", use: list)
        api.get("feedback.csv", use: csv)
    }

    func list(_ request: Request) async throws -> [FeedbackItemDTO] {
        let scope = try await request.requireScope()
        let limit = try Self.number(request, "limit", default: Self.defaultLimit, in: 1...Self.maxLimit)
        let offset = try Self.number(request, "offset", default: 0, in: 0...Self.maxOffset)
        let feed = try await FeedbackListing.prepare(request, scope: scope)
        let rows = try await FeedbackFeed.page(feed.filter, organisationID: scope.staff.organisationID, userID: scope.staff.userID,
                                               limit: limit, offset: offset, on: request.db)
        return try await feed.items(rows, on: request.db)
    }

    func csv(_ request: Request) async throws -> Response {
        try await Self.csvResponse(request, scope: try await request.requireScope())
    }

    /// The filtered feed as CSV, streamed a batch at a time (the page's download shares it).
    static func csvResponse(_ request: Request, scope: StaffScope) async throws -> Response {
        let feed = try await FeedbackListing.prepare(request, scope: scope)
        let scopeCode = feed.fileCode
        try await AccessLogEntry(organisationID: scope.staff.organisationID, at: request.kaiku.clock.now, userID: scope.staff.userID,
                                 action: "export.feedback csv \(scopeCode)", caseID: nil, responseID: nil).create(on: request.db)
        let database = request.db
        let logger = request.logger
        let organisationID = scope.staff.organisationID
        let userID = scope.staff.userID
        let response = Response(status: .ok, body: .init(managedAsyncStream: { writer in
            do {
                var encoder = FeedbackCSV(timeZone: feed.timeZone)
                try await writer.writeBuffer(ByteBuffer(bytes: encoder.head()))
                var cursor: FeedbackFeed.Cursor?
                while true {
                    let rows = try await FeedbackFeed.page(feed.filter, organisationID: organisationID, userID: userID,
                                                           limit: csvBatch, after: cursor, on: database)
                    guard let last = rows.last else { break }
                    try await writer.writeBuffer(ByteBuffer(bytes: encoder.encode(try await feed.items(rows, on: database))))
                    cursor = last.cursor
                    if rows.count < csvBatch { break }
                }
            } catch {
                logger.report(error: error)
                throw error
            }
        }))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"kaiku-feedback-\(scopeCode).csv\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private static func number(_ request: Request, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let raw = request.queryStrings[name], !raw.isEmpty else { return value }
        guard let number = Int(raw), range.contains(number) else {
            throw FieldError(field: name, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return number
    }
}
