import FluentKit
import Foundation
import KaikuCore
import SQLKit

extension PublicFeedback {
    /// Newest first by the time the feedback was given. Only answers with
    /// open text that a handler approved (or, in an organisation that
    /// publishes without review, that no handler withdrew) are public, with
    /// the text as the handler left it.
    public static func list(_ filter: PublicFeedbackFilter, on database: any Database) async throws -> [PublicFeedback] {
        guard !filter.organisationIDs.isEmpty, filter.limit > 0 else { return [] }
        let sql = try database.sql
        var query: SQLQueryString = """
            SELECT r.id, r.organisation_id, r.target_id, r.unit_id, COALESCE(r.public_text, r.open_text) AS open_text,
                   r.answered_at, r.received_at,
                   c.id AS case_id, c.status AS case_status, c.due_at
            FROM responses r LEFT JOIN cases c ON c.response_id = r.id
            WHERE r.organisation_id IN \(SQLGroupExpression(filter.organisationIDs.map { SQLBind($0) }))
              AND r.open_text IS NOT NULL AND r.hidden_from_public = \(bind: false)
            """
        let unreviewed = filter.publishedWithoutReview.intersection(filter.organisationIDs)
        query += unreviewed.isEmpty
            ? " AND r.published_at IS NOT NULL"
            : " AND (r.published_at IS NOT NULL OR r.organisation_id IN \(SQLGroupExpression(unreviewed.sorted().map { SQLBind($0) })))"
        if let ids = filter.ids {
            guard !ids.isEmpty else { return [] }
            query += " AND r.id IN \(SQLGroupExpression(ids.map { SQLBind($0) }))"
        } else {
            if let targets = filter.targetIDs {
                guard !targets.isEmpty else { return [] }
                query += " AND r.target_id IN \(SQLGroupExpression(targets.map { SQLBind($0) }))"
            }
            if let units = filter.unitIDs {
                guard !units.isEmpty else { return [] }
                query += " AND r.unit_id IN \(SQLGroupExpression(units.map { SQLBind($0) }))"
            }
            if let from = filter.from { query += " AND r.answered_at >= \(bind: from)" }
            if let to = filter.to { query += " AND r.answered_at <= \(bind: to)" }
            if filter.updatedFrom != nil || filter.updatedTo != nil {
                // The time of the last step of Open311History.steps: the latest public event, or the receipt.
                let publicKinds = SQLGroupExpression(CaseEventKind.allCases.filter(\.isPublic).map { SQLBind($0.rawValue) })
                let updated: SQLQueryString = """
                    CASE WHEN c.id IS NULL THEN r.received_at ELSE COALESCE((SELECT MAX(e.at) FROM case_events e
                      WHERE e.case_id = c.id AND e.kind IN \(publicKinds)), r.received_at) END
                    """
                if let from = filter.updatedFrom { query += " AND " + updated + " >= \(bind: from)" }
                if let to = filter.updatedTo { query += " AND " + updated + " <= \(bind: to)" }
            }
            if let statuses = filter.statuses, statuses.count == 1 {
                let pending = SQLGroupExpression(CaseStatus.allCases.filter(\.isPending).map { SQLBind($0.rawValue) })
                query += statuses.contains(.open)
                    ? " AND c.status IN \(pending)"
                    : " AND (c.id IS NULL OR c.status NOT IN \(pending))"
            }
        }
        query += " ORDER BY r.answered_at DESC, r.id DESC LIMIT \(literal: filter.limit)"
        var feedback: [PublicFeedback] = []
        // The join already names each answer's case: its events are read by that id.
        var indexOfCase: [UUID: Int] = [:]
        for row in try await sql.raw(query).all() {
            if let caseID = try row.decode(column: "case_id", as: UUID?.self) { indexOfCase[caseID] = feedback.count }
            feedback.append(PublicFeedback(
                id: try row.decode(column: "id", as: UUID.self), organisationID: try row.decode(column: "organisation_id", as: UUID.self),
                targetID: try row.decode(column: "target_id", as: UUID.self), unitID: try row.decode(column: "unit_id", as: UUID.self),
                text: try row.decode(column: "open_text", as: String.self), answeredAt: try row.decode(column: "answered_at", as: Date.self),
                receivedAt: try row.decode(column: "received_at", as: Date.self),
                caseStatus: try row.decode(column: "case_status", as: String?.self).flatMap(CaseStatus.init(rawValue:)),
                dueAt: try row.decode(column: "due_at", as: Date?.self)))
        }
        guard !indexOfCase.isEmpty else { return feedback }
        for event in try await CaseEvent.query(on: database).filter(\.$caseID ~~ Array(indexOfCase.keys)).sort(\.$at).all() {
            guard let kind = CaseEventKind(rawValue: event.kind), kind.isPublic, let index = indexOfCase[event.caseID] else { continue }
            feedback[index].events.append((kind, event.at))
        }
        return feedback
    }
}
