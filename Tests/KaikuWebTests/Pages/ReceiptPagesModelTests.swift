import KaikuCore
@testable import KaikuWeb
import XCTest

/// The thanks and status pages as values: what a customer holding a
/// receipt is told, and what they are not.
final class ReceiptPagesModelTests: XCTestCase {
    func day(_ y: Int, _ m: Int, _ d: Int) throws -> CalendarDay { try XCTUnwrap(CalendarDay(year: y, month: m, day: d)) }

    func testThanksPromisesAnAnswerOnlyWhenOneWasAskedFor() {
        XCTAssertEqual(ThanksModel(receipt: "K-ABCD", wantsAnswer: true, promiseDays: 14).promiseDays, 14)
        XCTAssertNil(ThanksModel(receipt: "K-ABCD", wantsAnswer: false, promiseDays: 14).promiseDays)
        XCTAssertEqual(ThanksModel(receipt: "K-ABCD", wantsAnswer: false, promiseDays: 14).status.url(language: .en), "/status/K-ABCD?lang=en")
    }

    func testStatusWritesDaysWithoutLeadingZeros() throws {
        let model = StatusModel(receipt: "K-ABCD", received: try day(2026, 5, 1), caseStatus: nil, due: nil)
        XCTAssertEqual(model.found, StatusModel.Found(received: "1.5.2026", state: .received, due: nil,
                                                      timeline: [.init(kind: .received, day: "1.5.2026")]))
    }

    func testTheTimelineTakesTheFirstPersonToTakeItUpAndTheEndButNoInternalSteps() throws {
        let events: [(kind: CaseEventKind, day: CalendarDay)] = [
            (.assigned, try day(2026, 5, 2)), (.called, try day(2026, 5, 3)), (.closed, try day(2026, 5, 6)),
        ]

        let timeline = StatusModel.timeline(received: try day(2026, 5, 1), events: events)

        XCTAssertEqual(timeline.map(\.kind), [.received, .handling, .answered], "closed after a call counts as answered")
        XCTAssertEqual(timeline.map(\.day), ["1.5.2026", "2.5.2026", "6.5.2026"])
        let referred = StatusModel.timeline(received: try day(2026, 5, 1), events: [(.referred, try day(2026, 5, 4))])
        XCTAssertEqual(referred.map(\.kind), [.received, .referred])
    }

    func testTheDueDayIsShownOnlyWhileTheCaseIsPending() throws {
        let open = StatusModel(receipt: "K", received: try day(2026, 5, 1), caseStatus: .open, due: try day(2026, 5, 15))
        XCTAssertEqual(open.found?.due, "15.5.2026")
        XCTAssertEqual(open.found?.state, .handled(.open))
        let closed = StatusModel(receipt: "K", received: try day(2026, 5, 1), caseStatus: .closed, due: try day(2026, 5, 15))
        XCTAssertNil(closed.found?.due)
    }

    func testAnUnknownReceiptFindsNothing() {
        XCTAssertNil(StatusModel(receipt: "nonsense", found: nil).found)
    }

    func testErrorPagesTellApartOnlyWhatAPersonCanActOn() {
        XCTAssertEqual(ErrorModel(status: .notFound).kind, .notFound)
        XCTAssertEqual(ErrorModel(status: .tooManyRequests).kind, .tooMany)
        XCTAssertEqual(ErrorModel(status: .forbidden).kind, .generic)
        XCTAssertEqual(ErrorModel(status: .internalServerError).kind, .generic)
    }
}
