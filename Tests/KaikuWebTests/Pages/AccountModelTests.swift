import Foundation
import KaikuCore
import KaikuStore
import XCTest
@testable import KaikuWeb

/// The own-settings and sent-reports page models as values.
final class AccountModelTests: XCTestCase {
    func testSupervisorsReceiveByDefaultAndOthersOnlyByChoice() {
        XCTAssertTrue(AccountModel(email: "s@x.fi", role: .supervisor, choice: nil, fallbackLanguage: .fi).receives)
        XCTAssertFalse(AccountModel(email: "h@x.fi", role: .handler, choice: nil, fallbackLanguage: .fi).receives)
        let optedOut = ReportSubscription(organisationID: UUID(), userID: UUID(), subscribed: false, language: "sv", token: "t", updatedAt: Date())
        let model = AccountModel(email: "s@x.fi", role: .supervisor, choice: optedOut, fallbackLanguage: .fi)
        XCTAssertFalse(model.receives)
        XCTAssertEqual(model.language, .sv, "the chosen language, not the page's")
    }

    func testFormNamesTheFieldItGetsWrong() {
        XCTAssertEqual(try AccountModel.parse(monthlyReport: "on", language: "en").get(), AccountModel.Form(receives: true, language: .en))
        XCTAssertEqual(try AccountModel.parse(monthlyReport: "off", language: "fi").get(), AccountModel.Form(receives: false, language: .fi))
        for (report, language, field) in [("yes", "fi", "monthlyReport"), (nil, "fi", "monthlyReport"), ("on", "de", "language"), ("on", nil, "language")] {
            guard case .failure(let wrong) = AccountModel.parse(monthlyReport: report, language: language) else {
                return XCTFail("\(String(describing: report)) \(String(describing: language)) was accepted")
            }
            XCTAssertEqual(wrong.name, field)
        }
    }

    func testSentReportRowShowsLocalTimeAndHidesOldErrors() throws {
        let delivery = ReportDelivery()
        delivery.month = 202611
        delivery.email = "s@x.fi"
        delivery.status = ReportDelivery.Status.sent.rawValue
        delivery.attempts = 2
        delivery.lastError = "connection refused"
        delivery.sentAt = Date(timeIntervalSince1970: 1_796_191_200)
        let row = AdminReportsModel.row(delivery, zone: try XCTUnwrap(TimeZone(identifier: "Europe/Helsinki")))
        XCTAssertEqual(row.month, "2026-11")
        XCTAssertEqual(row.sentAt, "2.12.2026 08:00")
        XCTAssertNil(row.lastError, "a failure before the successful send is history")
        delivery.sentAt = nil
        delivery.status = ReportDelivery.Status.retrying.rawValue
        XCTAssertEqual(AdminReportsModel.row(delivery, zone: .gmt).lastError, "connection refused")
    }
}
