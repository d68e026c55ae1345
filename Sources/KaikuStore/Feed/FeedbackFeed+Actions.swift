import FluentKit
import Foundation
import SQLKit

extension FeedbackFeed {
    /// Marks an answer read or unread for one staff member only; marking
    /// twice changes nothing (a double click, two tabs).
    public static func setRead(_ read: Bool, responseID: UUID, userID: UUID, at now: Date, on database: any Database) async throws {
        let sql = try database.sql
        if read {
            try await sql.insert(into: FeedbackRead.schema)
                .columns("id", "user_id", "response_id", "read_at")
                .values(SQLBind(UUID()), SQLBind(userID), SQLBind(responseID), SQLBind(now))
                .ignoringConflicts(with: ["user_id", "response_id"])
                .run()
        } else {
            try await sql.delete(from: FeedbackRead.schema)
                .where("user_id", .equal, SQLBind(userID))
                .where("response_id", .equal, SQLBind(responseID))
                .run()
        }
    }

    /// Flags an answer for the unit's meeting (or takes the flag off),
    /// recording who did it; the flag is shared by everyone who reads the unit's feed.
    public static func setFlag(_ flagged: Bool, on response: FeedbackResponse, by userID: UUID, at now: Date,
                               database: any Database) async throws {
        if flagged {
            guard response.flaggedAt == nil else { return }
            response.flaggedAt = now
            response.flaggedBy = userID
        } else {
            response.flaggedAt = nil
            response.flaggedBy = nil
        }
        try await response.save(on: database)
    }
}
