import XCTest
@testable import KaikuCore

final class OwnQuestionRulesTests: XCTestCase {
    private typealias F = SurveyTestFixtures

    private func refusal(_ drafts: [OwnQuestionDraft], languages: [Language] = Language.allCases,
                         file: StaticString = #filePath, line: UInt = #line) -> OwnQuestionError? {
        do {
            _ = try OwnQuestionRules.validate(drafts, core: F.national, languages: languages)
            XCTFail("expected a refusal", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testOwnQuestionsFollowTheCoreStatementsAndComeBeforeTheBackgroundQuestions() throws {
        let survey = try F.version(2, [F.statement("parking"), F.choice("visit_kind"), F.open("improve")])

        XCTAssertEqual(survey.questions.map(\.id), ["nps", "smooth_access", "felt_safe", "parking", "visit_kind", "improve", "respondent"])
        XCTAssertEqual(survey.ownQuestions.map(\.id), ["parking", "visit_kind", "improve"])
        XCTAssertEqual(survey.statements.map(\.id), ["smooth_access", "felt_safe", "parking"])
        XCTAssertEqual(survey.question("visit_kind")?.options?.map(\.value), ["yes", "no"])
        XCTAssertEqual(survey.core.questions.map(\.id), F.national.questions.map(\.id))
    }

    func testAnIdOfTheNationalCoreIsRefusedAsAnAttemptToEditTheCore() {
        XCTAssertEqual(refusal([F.statement("felt_safe")]), OwnQuestionError(field: "questions[0].id", reason: .coreID))
        XCTAssertEqual(refusal([F.choice("respondent")]), OwnQuestionError(field: "questions[0].id", reason: .coreID))
    }

    func testIdsMustBeLowerCaseLettersDigitsDashesAndUnderscoresAndUnique() {
        XCTAssertEqual(refusal([F.statement("Parking")])?.field, "questions[0].id")
        XCTAssertEqual(refusal([F.statement("a b")])?.reason, .invalidID(maxLength: 40))
        XCTAssertEqual(refusal([F.statement(String(repeating: "a", count: 41))])?.reason, .invalidID(maxLength: 40))
        XCTAssertEqual(refusal([F.statement("")])?.reason, .required)
        XCTAssertEqual(refusal([F.statement("parking"), F.open("parking")]), OwnQuestionError(field: "questions[1].id", reason: .duplicateID))
        XCTAssertNoThrow(try OwnQuestionRules.validate([F.statement(String(repeating: "a", count: 40)), F.statement("x_1-2")],
                                                       core: F.national, languages: [.fi]))
    }

    func testAMissingTextOfAnOfferedLanguageIsRefusedByItsFieldName() {
        var choice = F.choice("visit_kind")
        choice.options?[0].text?.sv = " "
        XCTAssertEqual(refusal([F.statement("parking"), choice]),
                       OwnQuestionError(field: "questions[1].options[0].text.sv", reason: .textMissing(language: .sv)))
        var statement = F.statement("parking")
        statement.text?.fi = nil
        XCTAssertEqual(refusal([statement], languages: [.fi]), OwnQuestionError(field: "questions[0].text.fi", reason: .textMissing(language: .fi)))
    }

    func testALanguageTheOrganisationDoesNotOfferNeedsNoText() throws {
        let statement = OwnQuestionDraft(id: "parking", type: "scale1to5", text: OwnQuestionDraft.Texts(fi: "Pysäköinti oli helppoa."))

        let own = try OwnQuestionRules.validate([statement], core: F.national, languages: [.fi])

        XCTAssertEqual(own[0].text.fi, "Pysäköinti oli helppoa.")
        XCTAssertEqual(own[0].text[.sv], "Pysäköinti oli helppoa.", "the Finnish text stands in where no other is given")
        XCTAssertEqual(refusal([statement], languages: [.fi, .sv])?.field, "questions[0].text.sv")
    }

    func testChoicesNeedTwoToTwelveOptionsWithUniqueIdsAndOnlyChoicesHaveOptions() {
        XCTAssertEqual(refusal([F.choice("visit_kind", options: ["only"])]),
                       OwnQuestionError(field: "questions[0].options", reason: .optionCount(min: 2, max: 12)))
        XCTAssertEqual(refusal([F.choice("visit_kind", options: (1...13).map { "o\($0)" })])?.reason, .optionCount(min: 2, max: 12))
        XCTAssertEqual(refusal([F.choice("visit_kind", options: ["yes", "yes"])]),
                       OwnQuestionError(field: "questions[0].options[1].id", reason: .duplicateID))
        var statement = F.statement("parking")
        statement.options = [OwnQuestionDraft.Option(id: "x", text: F.texts("x"))]
        XCTAssertEqual(refusal([statement]), OwnQuestionError(field: "questions[0].options", reason: .optionsNotAllowed))
    }

    func testTheNumberOfQuestionsTypesAndTextLengthsAreBounded() {
        XCTAssertEqual(refusal([])?.reason, .questionCount(min: 1, max: 30))
        XCTAssertEqual(refusal((0...30).map { F.open("q\($0)") })?.reason, .questionCount(min: 1, max: 30))
        XCTAssertEqual(refusal([OwnQuestionDraft(id: "x", type: "scale0to10", text: F.texts("x"))]),
                       OwnQuestionError(field: "questions[0].type", reason: .unknownType))
        XCTAssertEqual(refusal([OwnQuestionDraft(id: "x", type: nil, text: F.texts("x"))])?.reason, .required)
        XCTAssertEqual(refusal([OwnQuestionDraft(id: "x", type: "text", text: F.texts(String(repeating: "ä", count: 301)))])?.reason,
                       .textTooLong(max: 300))
        XCTAssertEqual(refusal([OwnQuestionDraft(id: "x", type: "text", text: F.texts("rivi\nrivi"))])?.reason, .controlCharacters)
    }

    func testOwnStatementsAreLimitedToTheRollupSlotsLeftAfterTheCore() {
        let limit = OwnQuestionRules.maxOwnStatements(core: F.national)
        XCTAssertEqual(limit, RollupCounts.statementSlots - 2)
        XCTAssertNoThrow(try OwnQuestionRules.validate((0..<limit).map { F.statement("s\($0)") } + [F.open("more")],
                                                       core: F.national, languages: Language.allCases))
        XCTAssertEqual(refusal((0...limit).map { F.statement("s\($0)") })?.reason, .tooManyStatements(max: limit))
    }

    func testEveryRefusalHasAMessageNamingWhatToDo() {
        let error = OwnQuestionError(field: "questions[1].options[0].text.sv", reason: .textMissing(language: .sv))
        XCTAssertTrue(error.message.contains("questions[1].options[0].text.sv"))
        XCTAssertEqual(error.messageKey, "survey.error.textMissing")
    }
}
