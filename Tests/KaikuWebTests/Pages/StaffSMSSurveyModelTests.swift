import Foundation
import KaikuCore
@testable import KaikuWeb
import XCTest

/// The SMS survey page's model as values.
final class StaffSMSSurveyModelTests: XCTestCase {
    let settings = SMSSurveySettingsController.SettingsDTO(enabled: true, delayMinutes: 60, quietFrom: "21:00", quietTo: "08:00",
                                                           oncePerDays: 30, units: ["A"])

    func model(form: StaffSMSSurveyForm? = nil, units: [UnitOption] = []) -> StaffSMSSurveyModel {
        StaffSMSSurveyModel(days: 30, settings: settings, figures: [], units: units, chosen: [], canChange: true, form: form)
    }

    func testSmallCountsOfReasonsForNotAskingAreHidden() {
        let activity = SMSSurveyActivity(visits: 40, asked: 20, answered: 5, optedOut: 1, waiting: 2,
                                         skipped: [.nonDisclosure: 2, .noPhone: 7, .optedOut: 0])
        let figures = StaffSMSSurveyModel.figures(activity, suppression: SuppressionPolicy(minimumN: 5))
        XCTAssertEqual(figures.map(\.key), ["visits", "asked", "answered", "rate", "optedOut", "waiting", "skip.nonDisclosure", "skip.noPhone"],
                       "reasons that did not occur are left out")
        XCTAssertEqual(figures.first { $0.key == "rate" }?.value, .rate(percent: 25))
        XCTAssertEqual(figures.first { $0.key == "skip.nonDisclosure" }?.value, .fewer(than: 5))
        XCTAssertEqual(figures.first { $0.key == "skip.noPhone" }?.value, .count(7))
    }

    func testNoRateBeforeAnyoneWasAsked() {
        let figures = StaffSMSSurveyModel.figures(SMSSurveyActivity(visits: 3), suppression: SuppressionPolicy(minimumN: 5))
        XCTAssertFalse(figures.contains { $0.key == "rate" })
    }

    func testARefusedFormIsShownAsSentNotAsSaved() {
        XCTAssertEqual(model().chosenUnits, ["A"])
        XCTAssertTrue(model().enabled)
        let sent = model(form: StaffSMSSurveyForm(enabled: nil, units: ["B", "C"]))
        XCTAssertEqual(sent.chosenUnits, ["B", "C"])
        XCTAssertFalse(sent.enabled, "an unticked box is not sent at all")
    }

    func testAnErrorAboutTheUnitsLeadsToTheFirstBox() {
        XCTAssertEqual(model(units: [UnitOption(code: "ROOT", name: "County", depth: 0)]).inputID("units"), "u-ROOT")
        XCTAssertEqual(model().inputID("units"), "f-units")
        XCTAssertEqual(model().inputID("quietFrom"), "f-quietFrom")
    }
}
