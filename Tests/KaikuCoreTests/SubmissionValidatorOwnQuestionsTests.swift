import XCTest
@testable import KaikuCore

final class SubmissionValidatorOwnQuestionsTests: XCTestCase {
    private typealias F = SurveyTestFixtures
    private let now = Date(timeIntervalSince1970: 1_790_000_000)

    private func validator(retired: Set<String> = []) throws -> SubmissionValidator {
        SubmissionValidator(survey: try F.version(2, [F.statement("parking"), F.choice("visit_kind"), F.open("improve")]),
                            retiredQuestionIDs: retired)
    }

    private func input(_ answers: [String: AnswerValue]) -> SubmissionInput {
        SubmissionInput(channel: "web", language: "fi", answers: answers)
    }

    func testOwnStatementsChoicesAndOpenAnswersAreAccepted() throws {
        let submission = try validator().validate(input([
            "nps": .integer(9), "parking": .integer(4), "visit_kind": .string("no"), "improve": .string("  Lisää penkkejä  "),
        ]), now: now)

        XCTAssertEqual(submission.statements, ["parking": 4])
        XCTAssertEqual(submission.ownAnswers, ["visit_kind": "no", "improve": "Lisää penkkejä"])
        XCTAssertEqual(submission.choices, [:], "own choices are not background choices")
    }

    func testAnOwnOpenAnswerIsMaskedLikeTheOpenText() throws {
        let submission = try validator().validate(input(["improve": .string("Soittakaa 040 1234567")]), now: now)

        XCTAssertFalse(submission.ownAnswers["improve"]?.contains("1234567") ?? true)
        XCTAssertTrue(submission.maskedKinds.contains(.phone))
    }

    func testAnAnswerOfOnlyAnOwnChoiceIsNotEmpty() throws {
        XCTAssertNoThrow(try validator().validate(input(["visit_kind": .string("yes")]), now: now))
    }

    func testAnUnknownOptionOrANonTextOpenAnswerIsRefusedByItsField() throws {
        XCTAssertThrowsError(try validator().validate(input(["visit_kind": .string("maybe")]), now: now)) { error in
            XCTAssertEqual(error as? SubmissionError, SubmissionError(field: "answers.visit_kind", reason: .notAnOption(allowed: ["yes", "no"])))
        }
        XCTAssertThrowsError(try validator().validate(input(["improve": .integer(5)]), now: now)) { error in
            XCTAssertEqual(error as? SubmissionError, SubmissionError(field: "answers.improve", reason: .notText))
        }
        XCTAssertThrowsError(try validator().validate(input(["improve": .string(String(repeating: "a", count: 2_001))]), now: now)) { error in
            XCTAssertEqual((error as? SubmissionError)?.reason, .tooLong(max: 2_000))
        }
    }

    func testAnswersToQuestionsOfEarlierVersionsAreLeftOutAndUnknownOnesRefused() throws {
        let submission = try validator(retired: ["old_statement"]).validate(
            input(["nps": .integer(7), "old_statement": .integer(3)]), now: now)
        XCTAssertEqual(submission.statements, [:])

        XCTAssertThrowsError(try validator().validate(input(["nps": .integer(7), "old_statement": .integer(3)]), now: now)) { error in
            XCTAssertEqual(error as? SubmissionError, SubmissionError(field: "answers.old_statement", reason: .unknownQuestion))
        }
    }
}
