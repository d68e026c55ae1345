import XCTest
@testable import KaikuCore

final class CaseWorkflowTests: XCTestCase {
    func testPendingCasesMoveToTheActionsStatus() throws {
        let expected: [CaseWorkflow.Action: CaseStatus] = [.take: .handling, .assign: .handling, .reroute: .open, .close: .closed, .refer: .referred]
        for status in [CaseStatus.open, .handling] {
            for (action, next) in expected {
                XCTAssertEqual(try CaseWorkflow.status(after: action, from: status), next, "\(action) from \(status)")
            }
            XCTAssertEqual(try CaseWorkflow.status(after: .note, from: status), status)
        }
    }

    func testFinishedCasesRefuseEverythingButNotes() {
        for status in [CaseStatus.closed, .referred] {
            for action in CaseWorkflow.Action.allCases where action != .note {
                XCTAssertThrowsError(try CaseWorkflow.status(after: action, from: status)) { error in
                    XCTAssertEqual(error as? CaseWorkflow.Refusal, .finished(status))
                }
            }
            XCTAssertEqual(try CaseWorkflow.status(after: .note, from: status), status)
        }
    }

    func testInternalEventsStayOutOfThePublicHistory() {
        XCTAssertFalse(CaseWorkflow.event(for: .note).isPublic)
        XCTAssertTrue(CaseWorkflow.event(for: .reroute).isPublic)
        XCTAssertTrue(CaseWorkflow.event(for: .close).isPublic)
    }

    func testDueTimeKeepsTheLocalHourAcrossTheClockChange() {
        let helsinki = TimeZone(identifier: "Europe/Helsinki")!
        let promise = AnswerPromise(days: 7, timeZone: helsinki)
        let received = ISO8601DateFormatter().date(from: "2026-10-20T07:00:00Z")! // 10:00 summer time
        // Winter time from 25 October: 10:00 local is then 08:00 UTC.
        XCTAssertEqual(promise.dueAt(receivedAt: received), ISO8601DateFormatter().date(from: "2026-10-27T08:00:00Z"))
        XCTAssertTrue(AnswerPromise.isLate(dueAt: received, now: received.addingTimeInterval(1)))
        XCTAssertFalse(AnswerPromise.isLate(dueAt: received, now: received))
    }
}
