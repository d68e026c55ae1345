import Foundation
import KaikuCore
import XCTest

final class SMSSurveySettingsTests: XCTestCase {
    private let helsinki = TimeZone(identifier: "Europe/Helsinki")!
    private func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    func testTheQuestionGoesAfterTheDelayOrWhenTheQuietHoursEnd() {
        var settings = SMSSurveySettings.defaults
        settings.delayMinutes = 120

        XCTAssertEqual(settings.sendTime(visitAt: at("2026-06-16T09:30:00+03:00"), zone: helsinki), at("2026-06-16T11:30:00+03:00"))
        XCTAssertEqual(settings.sendTime(visitAt: at("2026-06-16T19:30:00+03:00"), zone: helsinki), at("2026-06-17T08:00:00+03:00"))
        XCTAssertEqual(settings.sendTime(visitAt: at("2026-06-17T05:00:00+03:00"), zone: helsinki), at("2026-06-17T08:00:00+03:00"))
        XCTAssertEqual(settings.sendTime(visitAt: at("2026-06-16T18:59:00+03:00"), zone: helsinki), at("2026-06-16T20:59:00+03:00"))
    }

    func testQuietHoursWithinOneDayAndNone() {
        var settings = SMSSurveySettings.defaults
        settings.delayMinutes = 0
        settings.quietStart = 12 * 60
        settings.quietEnd = 13 * 60
        XCTAssertEqual(settings.sendTime(visitAt: at("2026-06-16T12:10:00+03:00"), zone: helsinki), at("2026-06-16T13:00:00+03:00"))
        settings.quietEnd = settings.quietStart
        XCTAssertEqual(settings.sendTime(visitAt: at("2026-06-16T23:10:00+03:00"), zone: helsinki), at("2026-06-16T23:10:00+03:00"))
    }

    func testNonDisclosureIsCheckedBeforeAnythingElse() {
        var settings = SMSSurveySettings.defaults
        XCTAssertEqual(settings.skipAtIntake(consent: false, nonDisclosure: true, unitTakesPart: false, hasPhone: false), .nonDisclosure)
        XCTAssertEqual(settings.skipAtIntake(consent: false, nonDisclosure: false, unitTakesPart: true, hasPhone: true), .noConsent)
        XCTAssertEqual(settings.skipAtIntake(consent: true, nonDisclosure: false, unitTakesPart: true, hasPhone: true), .notEnabled)
        settings.enabled = true
        XCTAssertEqual(settings.skipAtIntake(consent: true, nonDisclosure: false, unitTakesPart: false, hasPhone: true), .unitNotIncluded)
        XCTAssertEqual(settings.skipAtIntake(consent: true, nonDisclosure: false, unitTakesPart: true, hasPhone: false), .noPhone)
        XCTAssertNil(settings.skipAtIntake(consent: true, nonDisclosure: false, unitTakesPart: true, hasPhone: true))
    }

    func testOutOfBoundsSettingsAreNamed() {
        var settings = SMSSurveySettings.defaults
        XCTAssertNil(settings.problem())
        settings.quietEnd = 24 * 60
        XCTAssertEqual(settings.problem()?.field, "quietEnd")
        settings = .defaults
        settings.oncePerDays = 0
        XCTAssertEqual(settings.problem()?.field, "oncePerDays")
    }
}
