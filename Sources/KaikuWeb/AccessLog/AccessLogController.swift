import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Administrators read and export who viewed contact details, and when: an
/// administrator of the whole organisation all of it, an administrator of a
/// subtree what concerns that subtree.
struct AccessLogController: RouteCollection {
    struct EntryDTO: Content {
        var at: Date
        var user: String
        var action: String
        var caseReceipt: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1", "access-log").grouped(BearerTokenAuthenticator()).get(use: list)
    }

    func list(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        guard scope.staff.role == .administrator else {
            throw Abort(.forbidden, reason: "Only administrators read the access log.")
        }
        guard let organisation = try await Organisation.find(scope.staff.organisationID, on: request.db) else { throw Abort(.forbidden) }
        let zone = organisation.timeZone
        var query = AccessLogEntry.query(on: request.db).filter(\.$organisationID == scope.staff.organisationID).sort(\.$at, .descending).limit(10_000)
        for (name, isStart) in [("from", true), ("to", false)] {
            guard let raw = request.queryStrings[name] else { continue }
            guard let day = CalendarDay(accepting: raw) else { throw FieldError(field: name, message: CalendarDay.acceptedDescription(of: name)) }
            let start = day.start(in: zone)
            query = isStart ? query.filter(\.$at >= start) : query.filter(\.$at < start.addingTimeInterval(86_400))
        }
        var entries = try await query.all()
        if !scope.isOrganisationAdministrator {
            entries = try await Self.concerningSubtree(entries, scope: scope, on: request.db)
        }
        let users = try await User.query(on: request.db).filter(\.$id ~~ Set(entries.map(\.userID))).all()
        let emails = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, $0.email) })
        let cases = try await FeedbackCase.query(on: request.db).filter(\.$id ~~ Set(entries.compactMap(\.caseID))).all()
        let receipts = Dictionary(uniqueKeysWithValues: cases.map { ($0.id!, $0.receipt) })
        let rows = entries.map { EntryDTO(at: $0.at, user: emails[$0.userID] ?? "", action: $0.action, caseReceipt: $0.caseID.flatMap { receipts[$0] }) }
        switch request.queryStrings["format"] ?? "json" {
        case "json":
            return try await rows.encodeResponse(for: request)
        case "csv":
            var csv = "at,user,action,case_receipt\n"
            for row in rows {
                csv += [ISO8601.string(row.at), row.user, row.action, row.caseReceipt ?? ""].map(Self.csvField).joined(separator: ",") + "\n"
            }
            return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8",
                                                   "Content-Disposition": "attachment; filename=\"kaiku-access-log.csv\""], body: .init(string: csv))
        default:
            throw FieldError(field: "format", message: "format must be json or csv.")
        }
    }

    /// The entries about cases in the subtree, and the entries without a
    /// case (exports) made by the subtree's own users — what they export is
    /// bounded by their scope, which lies inside the subtree.
    static func concerningSubtree(_ entries: [AccessLogEntry], scope: StaffScope, on database: any Database) async throws -> [AccessLogEntry] {
        let caseIDs = Set(entries.compactMap(\.caseID))
        let cases = try await FeedbackCase.query(on: database).filter(\.$id ~~ caseIDs).all()
        let caseUnits = Dictionary(uniqueKeysWithValues: cases.map { ($0.id!, $0.unitID) })
        let userIDs = Set(entries.filter { $0.caseID == nil }.map(\.userID))
        let users = try await User.query(on: database).filter(\.$id ~~ userIDs).all()
        let userUnits = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, $0.unitID) })
        return entries.filter { entry in
            if let caseID = entry.caseID { return caseUnits[caseID].map(scope.canSee(unit:)) ?? false }
            return userUnits[entry.userID].map(scope.canSee(unit:)) ?? false
        }
    }

    /// Quotes a CSV field, and defuses spreadsheet formulas an e-mail address could smuggle in.
    static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
