import Foundation
import KaikuCore
import XCTest

final class Open311HistoryTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_790_000_000)

    func testFeedbackWithoutACaseIsClosedOnceReceived() {
        XCTAssertEqual(Open311History.status(caseStatus: nil), .closed)
        let steps = Open311History.steps(receivedAt: start, caseStatus: nil, events: [])
        XCTAssertEqual(steps.map(\.step), [.received])
    }

    func testPendingCasesAreOpenAndAnsweredOrReferredOnesClosed() {
        XCTAssertEqual(Open311History.status(caseStatus: .open), .open)
        XCTAssertEqual(Open311History.status(caseStatus: .handling), .open)
        XCTAssertEqual(Open311History.status(caseStatus: .closed), .closed)
        XCTAssertEqual(Open311History.status(caseStatus: .referred), .closed)
    }

    func testCaseEventsBecomeTheSixAikaStepsInTimeOrderWithoutInternalOnes() {
        let events: [(kind: CaseEventKind, at: Date)] = [
            (.closed, start + 500), (.received, start), (.assigned, start + 100), (.note, start + 150),
            (.taken, start + 200), (.reminded, start + 250), (.answered, start + 400),
        ]

        let steps = Open311History.steps(receivedAt: start, caseStatus: .closed, events: events)

        XCTAssertEqual(steps.map(\.step), [.received, .allocated, .handling, .handling, .done])
        XCTAssertEqual(steps.map(\.at), [start, start + 100, start + 200, start + 400, start + 500])
    }

    func testAReferredCaseEndsDone() {
        let events: [(kind: CaseEventKind, at: Date)] = [(.received, start), (.referred, start + 60)]

        let steps = Open311History.steps(receivedAt: start, caseStatus: .referred, events: events)

        XCTAssertEqual(steps.map(\.step), [.received, .handling, .done])
        XCTAssertEqual(steps.last?.at, start + 60)
    }

    func testTitleIsTheFirstLineCutAtAWord() {
        XCTAssertEqual(FeedbackTitle.make(from: "Kiitos\nPalvelu oli hyvää."), "Kiitos")
        let long = String(repeating: "sana ", count: 30)
        let title = FeedbackTitle.make(from: long)
        XCTAssertLessThanOrEqual(title.count, FeedbackTitle.maxLength)
        XCTAssertTrue(title.hasSuffix("sana…"))
    }
}
