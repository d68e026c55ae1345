import XCTest
@testable import KaikuWeb

final class AuditLogModelTests: XCTestCase {
    func testAChangeListsOnlyTheSettingsThatDiffer() {
        let changes = AuditLogModel.changes(before: #"{"promiseDays":14,"promiseIn":"calendarDays"}"#,
                                            after: #"{"promiseDays":5,"promiseIn":"workingDays"}"#)
        XCTAssertEqual(changes, [
            .init(name: "promiseDays", before: "14", after: "5"),
            .init(name: "promiseIn", before: "calendarDays", after: "workingDays"),
        ])
    }

    func testACreationShowsEveryValueAsNew() {
        let changes = AuditLogModel.changes(before: nil, after: #"{"body":"Kiitos!","language":"fi"}"#)
        XCTAssertEqual(changes, [.init(name: "body", before: nil, after: "Kiitos!"), .init(name: "language", before: nil, after: "fi")])
    }

    func testListsAreJoinedAndUnchangedValuesOfAnUpdateLeftOut() {
        let changes = AuditLogModel.changes(before: #"{"languages":["fi","sv","en"],"name":"A"}"#, after: #"{"languages":["fi","sv"],"name":"A"}"#)
        XCTAssertEqual(changes, [.init(name: "languages", before: "fi, sv, en", after: "fi, sv")])
    }

    func testAnEntryWithoutValuesHasNoLines() {
        XCTAssertEqual(AuditLogModel.changes(before: nil, after: nil), [])
    }

    func testFiltersKeepWhatWasTypedAndReportTheFieldTheyCannotRead() {
        let filters = AuditLogPageFilters { ["from": "2026-02-30", "action": "template", "page": "3"][$0] }
        XCTAssertEqual(filters.from, "2026-02-30")
        XCTAssertEqual(filters.page, 3)
        guard case .failure(let error) = filters.parsed() else { return XCTFail("an impossible day is refused") }
        XCTAssertEqual(error.field, "from")
        XCTAssertEqual(filters.csvURL, "/staff/admin/audit-log.csv?from=2026-02-30&action=template")
    }
}
