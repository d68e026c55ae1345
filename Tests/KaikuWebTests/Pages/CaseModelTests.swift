import Foundation
import KaikuCore
@testable import KaikuStore
@testable import KaikuWeb
import XCTest

/// The case page's model as values, without a database or HTTP.
final class CaseModelTests: XCTestCase {
    func survey() throws -> SurveyDefinition {
        try JSONDecoder().decode(SurveyDefinition.self, from: ResourceFile.data("Surveys/thl-core.json"))
    }

    func testOnlyStepsThePageKnowsAreAnnounced() {
        XCTAssertEqual(CaseModel.notice(done: "take"), "staff.done.take")
        XCTAssertEqual(CaseModel.notice(done: "answerQueued"), "staff.done.answerQueued")
        XCTAssertEqual(CaseModel.notice(done: "published"), "staff.done.published")
        XCTAssertNil(CaseModel.notice(done: "anything.else"), "an address cannot make the page say an arbitrary text")
        XCTAssertNil(CaseModel.notice(done: nil))
    }

    func testAnswersFollowTheSurveyAndShowTheTopOfTheirScale() throws {
        let given: [String: Int?] = ["felt_safe": 4, "nps": 9, "smooth_access": Int?.none]
        let answers = CaseModel.answers(given, survey: try survey(), language: .en)
        XCTAssertEqual(answers.map(\.value), ["9 / 10", nil, "4 / 5"], "the survey's order; a statement answered 'cannot say' has no value")
        XCTAssertEqual(answers.first?.question, "How likely would you be to recommend the service you received to someone in a similar situation?")
        XCTAssertEqual(answers.count, 3, "questions left unanswered are not listed")
    }

    func testACaseIsNotReroutedToItsOwnUnit() {
        let units = [UnitOption(code: "ROOT", name: "County", depth: 0), UnitOption(code: "A", name: "A", depth: 1),
                     UnitOption(code: "B", name: "B", depth: 1)]
        XCTAssertEqual(CaseModel.rerouteUnits(units, caseUnit: "A").map(\.code), ["ROOT", "B"])
    }

    func testAnAnswerGoesOnlyByTheChannelsTheCustomerLeftAnAddressFor() {
        XCTAssertEqual(CaseModel.answerChannels(nil), [])
        XCTAssertEqual(CaseModel.answerChannels(.init(name: "N", email: nil, phone: nil)), [], "a name alone cannot be answered")
        XCTAssertEqual(CaseModel.answerChannels(.init(name: nil, email: nil, phone: "+358401234567")), ["sms"])
        XCTAssertEqual(CaseModel.answerChannels(.init(name: nil, email: "a@example.org", phone: "+358401234567")), ["email", "sms"])
    }
}
