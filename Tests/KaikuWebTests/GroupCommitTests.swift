import FluentKit
import Foundation
import KaikuStore
import XCTVapor
@testable import KaikuWeb

final class GroupCommitTests: XCTestCase {
    func testConcurrentSubmissionsAreAllStoredInFewerTransactions() async throws {
        try await withApp { app in
            _ = try await TestWorld.make(on: app)
            let count = 200
            let receipts = try await withThrowingTaskGroup(of: ReceiptDTO.self) { group in
                for index in 0..<count {
                    group.addTask {
                        let body = #"{"target": "t-a\#(index % 2 + 1)", "channel": "kiosk", "language": "fi", "answers": {"nps": \#(index % 11)}}"#
                        let response = try await app.send(.POST, "/api/v1/responses", headers: ["Content-Type": "application/json"], body: body)
                        XCTAssertEqual(response.status, .created)
                        return try response.json(ReceiptDTO.self)
                    }
                }
                return try await group.reduce(into: [ReceiptDTO]()) { $0.append($1) }
            }
            XCTAssertEqual(Set(receipts.map(\.id)).count, count)
            XCTAssertEqual(Set(receipts.map(\.receipt)).count, count)
            let stored = try await FeedbackResponse.query(on: app.db).count()
            XCTAssertEqual(stored, count, "every acknowledged answer is in the database")
            let writer = app.kaiku.writer
            let commits = await writer.commits
            let written = await writer.written
            XCTAssertEqual(written, count)
            XCTAssertLessThan(commits, count, "answers arriving together share a transaction")
        }
    }
}
