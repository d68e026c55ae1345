import FluentKit
import Foundation
import KaikuStore
import SQLKit
import Vapor

extension DemoSeeder {
    /// The demo's handlers have reviewed the open text of all but the last
    /// two weeks, so the public Open311 list has a year of comments and
    /// `/staff/review` the recent ones waiting, as a county in service would.
    static func seedReview(_ app: Application, organisation: Organisation, now: Date) async throws {
        let organisationID = try organisation.requireID()
        let reviewer = try await User.query(on: app.db).filter(\.$organisationID == organisationID)
            .filter(\.$role == User.Role.handler.rawValue).sort(\.$email).first()?.id
        let reviewedBefore = now.addingTimeInterval(-14 * 86_400)
        try await app.db.sql.update(FeedbackResponse.schema)
            .set("published_at", to: SQLBind(reviewedBefore))
            .set("published_by", to: reviewer.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
            .where("organisation_id", .equal, SQLBind(organisationID))
            .where("open_text", .isNot, SQLLiteral.null)
            .where("received_at", .lessThan, SQLBind(reviewedBefore))
            .run()
    }
}
