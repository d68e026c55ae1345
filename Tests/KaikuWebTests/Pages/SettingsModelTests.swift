import KaikuCore
import XCTest
@testable import KaikuWeb

final class SettingsModelTests: XCTestCase {
    private let saved = OrganisationSettings(promiseDays: 14, promiseIn: "calendarDays", retentionDays: 365, minimumN: 5,
                                             benchmarking: false, publishOpenText: "afterReview", languages: ["fi", "sv"])

    func testFieldsShowTheSavedSettings() {
        let model = SettingsModel(saved: saved)
        XCTAssertEqual(model.text("promiseDays"), "14")
        XCTAssertEqual(model.text("promiseIn"), "calendarDays")
        XCTAssertTrue(model.offers(.sv))
        XCTAssertFalse(model.offers(.en))
    }

    func testARefusedFormIsShownAsSentWithFinnishAlwaysOffered() {
        var model = SettingsModel(saved: saved)
        model.form = SettingsForm(promiseDays: "abc", promiseIn: "workingDays", benchmarking: "on", languages: ["en"])
        model.errorField = "promiseDays"
        XCTAssertEqual(model.text("promiseDays"), "abc")
        XCTAssertEqual(model.text("promiseIn"), "workingDays")
        XCTAssertTrue(model.benchmarking)
        XCTAssertTrue(model.offers(.fi))
        XCTAssertFalse(model.offers(.sv), "unticked in the refused form")
        XCTAssertTrue(model.isInvalid("promiseDays"))
        XCTAssertEqual(model.inputID("languages"), "f-languages-sv")
    }

    func testTheFormReadsNumbersAndAlwaysIncludesFinnish() throws {
        let change = try SettingsForm(promiseDays: " 5 ", promiseIn: "workingDays", retentionDays: "365", minimumN: "5",
                                      publishOpenText: "afterReview", languages: ["sv"]).change()
        XCTAssertEqual(change.promiseDays, 5)
        XCTAssertEqual(change.languages, ["fi", "sv"])
        XCTAssertEqual(change.benchmarking, false, "an unticked box is no")
        XCTAssertEqual(change.requireSecondFactor, false, "an unticked box is no")
        XCTAssertThrowsError(try SettingsForm(promiseDays: "five").change()) { error in
            XCTAssertEqual((error as? FieldError)?.field, "promiseDays")
        }
    }

    func testOnlyChangedSettingsAreKeptForTheAuditLog() {
        let (before, after) = OrganisationSettings(promiseDays: 5, promiseIn: "workingDays", minimumN: 5).changes(from: saved)
        XCTAssertEqual(before, OrganisationSettings(promiseDays: 14, promiseIn: "calendarDays"))
        XCTAssertEqual(after, OrganisationSettings(promiseDays: 5, promiseIn: "workingDays"))
    }
}
