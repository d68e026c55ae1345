import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import SQLKit
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

    /// On PostgreSQL several groups are written at once; on SQLite the writer
    /// has its own connection. Either way the subtree rollups must add up to
    /// exactly what a scan of the stored answers gives.
    func testAnswersWrittenSideBySideAddUpExactlyInTheSubtreeRollups() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let count = 300
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<count {
                    group.addTask {
                        let channel = ["kiosk", "web", "sms"][index % 3]
                        let body = #"{"target": "t-a\#(index % 2 + 1)", "channel": "\#(channel)", "language": "fi", "answers": {"nps": \#(index % 11)}}"#
                        let response = try await app.send(.POST, "/api/v1/responses", headers: ["Content-Type": "application/json"], body: body)
                        XCTAssertEqual(response.status, .created)
                    }
                }
                try await group.waitForAll()
            }
            let orgID = try world.organisation.requireID()
            let units = try await OrgUnit.query(on: app.db).filter(\.$organisationID == orgID).all()
            let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
            let root = try XCTUnwrap(units.first { $0.parentID == nil }?.id)
            let today = CalendarDay(date: Date(), timeZone: world.organisation.timeZone)
            let (from, to) = (today.adding(days: -1), today.adding(days: 1))
            for dimension in [nil, TallyQuery.Dimension.channel] {
                let scanned = try await TallyQuery.tallies(organisationID: orgID, units: tree.subtree(of: root), from: from, to: to, by: dimension, on: try app.db.sql)
                var expected: [TallyQuery.Key: Tally] = [:]
                for (key, tally) in scanned { expected[TallyQuery.Key(unitID: root, group: key.group), default: .empty].add(tally) }
                let rolled = try await RollupQuery.subtreeTallies(units: [root], parents: tree.parents, from: from, to: to, by: dimension, on: app.db)
                XCTAssertEqual(rolled, expected, "by \(dimension.map(\.rawValue) ?? "none")")
                XCTAssertEqual(expected.values.reduce(0) { $0 + $1.responses }, count, "every answer is in the scan")
            }
        }
    }
}
