import FluentKit
import Foundation
import KaikuCore

/// Writes a step of a case: the changed case and its history events in one
/// transaction, so the history never disagrees with the case.
public enum CaseHistory {
    public static func record(
        _ item: FeedbackCase, next: CaseStatus, events: [(CaseEventKind, String?)], actorID: UUID?, now: Date,
        on database: any Database, change: (FeedbackCase) -> Void = { _ in }
    ) async throws {
        change(item)
        item.status = next.rawValue
        if item.firstContactAt == nil, events.contains(where: { $0.0.isContact }) { item.firstContactAt = now }
        let id = try item.requireID()
        let rows = events.enumerated().map { index, event in
            // Events of one step keep their order even on clocks with coarse resolution.
            CaseEvent(caseID: id, at: now.addingTimeInterval(Double(index) / 1_000), kind: event.0, actorID: actorID, detail: event.1)
        }
        try await database.writeTransaction { db in
            try await item.save(on: db)
            for row in rows { try await row.create(on: db) }
        }
    }
}
