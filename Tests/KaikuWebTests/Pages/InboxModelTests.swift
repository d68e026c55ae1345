import Foundation
import KaikuCore
@testable import KaikuStore
@testable import KaikuWeb
import XCTest

/// The inbox's filters and rows as values, without a database or HTTP.
final class InboxModelTests: XCTestCase {
    let zone = TimeZone(identifier: "Europe/Helsinki")!
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func context(_ language: Language = .en) throws -> PageContext {
        PageContext(language: language, catalogue: try Catalogue.load())
    }

    func caseRow(status: CaseStatus = .open, dueIn: TimeInterval, text: String? = nil) -> CaseInbox.Row {
        CaseInbox.Row(id: UUID(), unitID: UUID(), receipt: "K-ABCD-EFGH", status: status, assigneeID: nil,
                      receivedAt: now.addingTimeInterval(-86_400), dueAt: now.addingTimeInterval(dueIn),
                      channel: "web", language: "fi", openText: text, themes: [])
    }

    func testFiltersKeepOnlyValuesThatNameSomethingKnown() {
        let query = ["status": "late-ish", "channel": "kiosk", "due": "soon", "theme": "nonsense", "mine": "1", "page": "-4"]
        let filters = InboxFilters { query[$0] }
        XCTAssertEqual(filters.status, .pending)
        XCTAssertEqual(filters.channel, .kiosk)
        XCTAssertEqual(filters.due, .soon)
        XCTAssertNil(filters.theme)
        XCTAssertTrue(filters.mine)
        XCTAssertEqual(filters.page, 1)
        XCTAssertEqual(filters.url(page: 2), "/staff?status=pending&channel=kiosk&due=soon&mine=1&page=2")
    }

    func testPageNumberIsBoundedSoNoOffsetCanOverflow() {
        let filters = InboxFilters { $0 == "page" ? "9223372036854775808" : nil }
        XCTAssertEqual(filters.page, 1, "a number past Int's range is not a page")
        XCTAssertEqual(InboxFilters { $0 == "page" ? "50000" : nil }.page, 10_000)
    }

    func testPendingCaseIsLateOnceItsDueTimeHasPassedAndSoonWithinTwoDays() throws {
        let context = try context()
        let late = InboxModel.row(caseRow(dueIn: -60), unitName: "U", assignee: nil, now: now, zone: zone, context: context)
        let soon = InboxModel.row(caseRow(dueIn: 86_400), unitName: "U", assignee: nil, now: now, zone: zone, context: context)
        let later = InboxModel.row(caseRow(dueIn: 5 * 86_400), unitName: "U", assignee: nil, now: now, zone: zone, context: context)
        let closed = InboxModel.row(caseRow(status: .closed, dueIn: -60), unitName: "U", assignee: nil, now: now, zone: zone, context: context)
        XCTAssertEqual([late.late, soon.late, later.late, closed.late], [true, false, false, false])
        XCTAssertEqual([late.dueSoon, soon.dueSoon, later.dueSoon, closed.dueSoon], [false, true, false, false])
    }

    func testExcerptShowsMaskedDataInWordsAndIsCut() throws {
        let context = try context(.en)
        let short = InboxModel.row(caseRow(dueIn: 0, text: "Call me at [PHONE]"), unitName: "U", assignee: nil, now: now, zone: zone, context: context)
        XCTAssertEqual(short.excerpt, "Call me at [phone number removed]")
        let long = InboxModel.row(caseRow(dueIn: 0, text: String(repeating: "a", count: 200)), unitName: "U", assignee: nil,
                                  now: now, zone: zone, context: context)
        XCTAssertEqual(long.excerpt, String(repeating: "a", count: InboxModel.excerptLength) + "…")
    }
}
