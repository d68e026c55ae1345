import Foundation
import KaikuCore
@testable import KaikuStore
@testable import KaikuWeb
import XCTest

/// The feedback form as values: where it posts, which answers come back
/// chosen, and how a problem is tied to the input it concerns.
final class FormModelTests: XCTestCase {
    func target() -> TargetContext {
        func text(_ value: String) -> LocalizedText { LocalizedText(fi: value, sv: value, en: value) }
        let survey = SurveyDefinition(
            code: "test", version: 1, scale1to5Labels: .init(labels: [:]), scale0to10Labels: .init(labels: [:]),
            questions: [
                Question(id: "nps", type: .scale0to10, text: text("Would you recommend us?")),
                Question(id: "s1", type: .scale1to5, text: text("I was treated well.")),
                Question(id: "respondent", type: .choice, text: text("Who answered?"),
                         options: [Question.Option(value: "self", text: text("I")), Question.Option(value: "relative", text: text("Relative"))]),
                Question(id: "ageGroup", type: .choice, text: text("Age"),
                         options: [Question.Option(value: "under18", text: text("Under 18"))]),
            ])
        return TargetContext(targetID: UUID(), targetCode: "hammas-keskusta", targetName: text("Dental clinic"), unitID: UUID(), unitCode: "A1",
                             organisationID: UUID(), organisationName: text("County"), timeZone: TimeZone(secondsFromGMT: 7200) ?? .current,
                             promiseDays: 14, surveyID: UUID(), survey: survey)
    }

    func testTheRemoteLinkPostsToItsOwnAddressSoTheAnswerCountsAsRemote() {
        XCTAssertEqual(FormModel(target: target(), formToken: "t").address.path, "/f/hammas-keskusta")
        XCTAssertEqual(FormModel(target: target(), channel: .remote, formToken: "t").address.path, "/f/hammas-keskusta/remote")
        XCTAssertEqual(FormModel(target: target(), formToken: "t").figures.url(language: .sv), "/figures/targets/hammas-keskusta?lang=sv")
    }

    func testAFormThatComesBackKeepsWhatWasChosen() {
        let model = FormModel(target: target(), values: ["nps": "7", "q_s1": "x", "wantsAnswer": "yes"], formToken: "t")
        XCTAssertTrue(model.isChosen("nps", "7"))
        XCTAssertFalse(model.isChosen("nps", "8"))
        XCTAssertTrue(model.isChosen("q_s1", FormFields.cannotSay))
        XCTAssertTrue(model.isChosen("wantsAnswer", "yes"))
    }

    func testAProblemIsDescribedOnlyBesideItsOwnField() {
        let model = FormModel(target: target(), error: SubmissionError(field: "contact.email", reason: .invalidEmail), formToken: "t")
        XCTAssertEqual(model.describedBy("contact.email"), ["error-contact-email"])
        XCTAssertEqual(model.describedBy("openText", hints: ["openText-hint"]), ["openText-hint"])
        XCTAssertEqual(model.errors.map(model.inputID(for:)), ["contactEmail"])
        XCTAssertEqual(FormModel(target: target(), formToken: "t").errors, [])
    }

    func testTheSummaryLinksAMissingAnswerToTheFirstInputOfItsQuestion() {
        func link(_ field: String) -> String? {
            let model = FormModel(target: target(), error: SubmissionError(field: field, reason: .required), formToken: "t")
            return model.errors.first.map(model.inputID(for:))
        }
        XCTAssertEqual(link("answers.nps"), "nps-0")
        XCTAssertEqual(link("answers.s1"), "q_s1-1")
        XCTAssertEqual(link("answers.ageGroup"), "ageGroup-under18")
        XCTAssertEqual(link("respondent"), "respondent-self")
    }

    func testEveryProblemFoundIsShownBesideItsFieldAndInTheSummary() {
        var error = SubmissionError(field: "answers.nps", reason: .required)
        error.more = [SubmissionError(field: "contact.email", reason: .invalidEmail)]

        let model = FormModel(target: target(), error: error, formToken: "t")

        XCTAssertEqual(model.errors.map(model.inputID(for:)), ["nps-0", "contactEmail"])
        XCTAssertTrue(model.hasError("answers.nps"))
        XCTAssertEqual(model.describedBy("contact.email"), ["error-contact-email"])
        XCTAssertEqual(model.error(for: "contact.email")?.reason, .invalidEmail)
    }

    func testWhoAnsweredIsAFieldOfItsOwnAndOtherChoicesAreAnswers() throws {
        let survey = target().survey
        XCTAssertEqual(FormModel.field(ofChoice: try XCTUnwrap(survey.question("respondent"))), "respondent")
        XCTAssertEqual(FormModel.field(ofChoice: try XCTUnwrap(survey.question("ageGroup"))), "answers.ageGroup")
    }
}
