import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// Receipts are random, so at millions of answers a new one will sometimes
/// be taken already; the answer must still be stored, under another receipt.
final class ReceiptUniquenessTests: XCTestCase {
    private func response(_ world: TestWorld, _ app: Application, receipt: String) async throws -> NewResponse {
        let target = try await Target.query(on: app.db).filter(\.$code == "t-a1").first()!
        let submission = ValidatedSubmission(
            channel: .web, language: .fi, recommendation: 7, statements: ["felt_safe": 4], choices: [:], respondent: nil,
            openText: nil, maskedKinds: [], answeredAt: Date(), contact: nil, wantsAnswer: false)
        return NewResponse(organisationID: try world.organisation.requireID(), targetID: try target.requireID(), unitID: target.unitID,
                           surveyID: world.organisation.surveyID!, submission: submission,
                           statementOrder: app.kaiku.nationalSurvey.statements.map(\.id), receivedAt: Date(),
                           timeZone: world.organisation.timeZone, receipt: receipt)
    }

    func testAnAnswerWhoseReceiptIsTakenIsStoredUnderANewOne() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let first = try await app.kaiku.writer.write(try await response(world, app, receipt: "AAAA-AAAA"))

            // Two more with the same receipt, in one group commit.
            let writer = app.kaiku.writer
            let clashing = [try await response(world, app, receipt: "AAAA-AAAA"), try await response(world, app, receipt: "AAAA-AAAA")]
            let later = try await withThrowingTaskGroup(of: StoredReceipt.self) { group in
                for item in clashing { group.addTask { try await writer.write(item) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            XCTAssertEqual(first.receipt, "AAAA-AAAA")
            XCTAssertEqual(Set(later.map(\.receipt)).count, 2)
            XCTAssertFalse(later.map(\.receipt).contains("AAAA-AAAA"))
            for stored in later {
                let row = try await FeedbackResponse.find(stored.id, on: app.db)
                XCTAssertEqual(row?.receipt, stored.receipt, "the receipt given is the one stored")
                XCTAssertNotNil(ReceiptCode.normalise(stored.receipt))
            }
        }
    }

    /// Found by schemathesis on PostgreSQL: a missing number must be bound as
    /// a number, or PostgreSQL refuses the row.
    func testAnAnswerWithoutTheRecommendationIsStoredOnBothDatabases() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)

            let stored = try await TestWorld.submit(app, target: "t-a1", nps: nil, statements: ["felt_safe": 4],
                                                    extra: ["openText": "Pääsin nopeasti vastaanotolle."])

            let row = try await FeedbackResponse.find(stored.id, on: app.db)
            XCTAssertNil(row?.recommendation)
            XCTAssertEqual(row?.openText, "Pääsin nopeasti vastaanotolle.")
        }
    }
}
