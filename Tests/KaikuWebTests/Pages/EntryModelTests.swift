import Foundation
import KaikuCore
@testable import KaikuWeb
import XCTest

/// The entry page's model as values.
final class EntryModelTests: XCTestCase {
    let today = CalendarDay(year: 2026, month: 5, day: 28)!

    func survey() throws -> SurveyDefinition {
        try JSONDecoder().decode(SurveyDefinition.self, from: ResourceFile.data("Surveys/thl-core.json"))
    }

    func testAFreshPageStartsOnPaperTodayAndKeepsOnlyWhereHowAndWhen() {
        let query = ["target": "ER-1", "nps": "9", "time": "10:30"]
        let values = EntryModel.startingValues({ query[$0] }, today: today)
        XCTAssertEqual(values, ["target": "ER-1", "time": "10:30", "date": "2026-05-28", "channel": "paper"],
                       "answers never carry over from the address")
        XCTAssertEqual(EntryModel.startingValues({ ["channel": "oral", "date": "2026-05-01"][$0] }, today: today)["channel"], "oral")
    }

    func testAfterASaveThePageReturnsWithTheReceiptAndTheSameSetting() {
        XCTAssertEqual(EntryModel.savedURL(receipt: "K-ABCD-EFGH", target: "ER 1", channel: .oral, language: .sv, date: "2026-05-28"),
                       "/staff/entry?saved=K-ABCD-EFGH&target=ER%201&channel=oral&language=sv&date=2026-05-28")
    }

    func testErrorsLeadToTheInputAtFault() throws {
        XCTAssertEqual(EntryModel.inputID("answers"), "f-nps")
        XCTAssertEqual(EntryModel.inputID("answers.felt_safe"), "f-q_felt_safe")
        XCTAssertEqual(EntryModel.inputID("answers.ageGroup"), "f-ageGroup")
        XCTAssertEqual(EntryModel.inputID("answeredAt"), "f-date")
        var model = EntryModel(targets: [], survey: try survey(), language: .en, values: [:], formToken: "x",
                               error: .init(field: "answers.felt_safe", message: "m"))
        XCTAssertTrue(model.isInvalid("q_felt_safe"))
        model.error = nil
        XCTAssertFalse(model.isInvalid("q_felt_safe"))
    }

    func testTheSurveyBecomesTheFieldsToTypeIn() throws {
        let model = EntryModel(targets: [], survey: try survey(), language: .en, values: [:], formToken: "x")
        XCTAssertEqual(model.nps?.name, "nps")
        XCTAssertEqual(model.statements.first?.name, "q_smooth_access")
        XCTAssertEqual(model.statements.count, 7)
        XCTAssertEqual(model.choices.map(\.inputID), ["f-respondent", "f-ageGroup", "f-serviceMode"])
        XCTAssertEqual(model.choices.first?.options.first, .init(value: "", label: "–"), "a choice may be left unanswered")
    }
}
