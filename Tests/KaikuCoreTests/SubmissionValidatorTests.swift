import Foundation
import XCTest
@testable import KaikuCore

final class SubmissionValidatorTests: XCTestCase {

    private let now = instant("2026-03-15T12:00:00Z")
    private let day: TimeInterval = 86_400

    /// nps, two statements, open text and two background choices.
    private static let survey: SurveyDefinition = {
        func text(_ value: String) -> LocalizedText { LocalizedText(fi: value, sv: value, en: value) }
        func option(_ value: String) -> Question.Option { Question.Option(value: value, text: text(value)) }
        return SurveyDefinition(
            code: "test", version: 1,
            scale1to5Labels: .init(labels: [:]), scale0to10Labels: .init(labels: [:]),
            questions: [
                Question(id: "nps", type: .scale0to10, text: text("Would you recommend us?")),
                Question(id: "s1", type: .scale1to5, text: text("I was treated well.")),
                Question(id: "s2", type: .scale1to5, text: text("I got the help I needed.")),
                Question(id: "freeText", type: .text, text: text("Tell us more")),
                Question(id: "respondent", type: .choice, text: text("Who answered?"),
                         options: [option("self"), option("relative")]),
                Question(id: "ageGroup", type: .choice, text: text("Age"),
                         options: [option("under18"), option("18-64"), option("65+")]),
            ]
        )
    }()

    private func validator(requireRecommendation: Bool = false) -> SubmissionValidator {
        SubmissionValidator(survey: Self.survey, requireRecommendation: requireRecommendation)
    }

    /// A valid web submission in Finnish unless told otherwise.
    private func input(
        channel: String? = "web", language: String? = "fi",
        answers: [String: AnswerValue] = ["nps": .integer(9)],
        openText: String? = nil, respondent: String? = nil, answeredAt: Date? = nil,
        contact: SubmissionInput.Contact? = nil, wantsAnswer: Bool? = nil
    ) -> SubmissionInput {
        SubmissionInput(
            channel: channel, language: language, answers: answers, openText: openText,
            respondent: respondent, answeredAt: answeredAt, contact: contact, wantsAnswer: wantsAnswer
        )
    }

    private func accept(
        _ input: SubmissionInput, requireRecommendation: Bool = false,
        file: StaticString = #filePath, line: UInt = #line
    ) -> ValidatedSubmission? {
        do {
            return try validator(requireRecommendation: requireRecommendation).validate(input, now: now)
        } catch {
            XCTFail("refused: \(error.field) \(error.reason)", file: file, line: line)
            return nil
        }
    }

    private func assertRefused(
        _ input: SubmissionInput, field: String, reason: SubmissionError.Reason,
        requireRecommendation: Bool = false, file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            let accepted = try validator(requireRecommendation: requireRecommendation).validate(input, now: now)
            XCTFail("accepted: \(accepted)", file: file, line: line)
        } catch {
            XCTAssertEqual(error.all.first, SubmissionError(field: field, reason: reason), file: file, line: line)
        }
    }

    func testEveryProblemIsFoundTheFirstNamedAndTheOthersBesideIt() {
        var answers = input().answers
        answers["nps"] = nil
        let twoProblems = input(answers: answers, openText: "ok\u{7}", contact: .init(email: "not-an-address"))

        do {
            _ = try validator(requireRecommendation: true).validate(twoProblems, now: now)
            XCTFail("accepted")
        } catch {
            XCTAssertEqual(error.all.map(\.field), ["answers.nps", "openText", "contact.email"])
            XCTAssertEqual(error.all.map(\.reason), [.required, .controlCharacters, .invalidEmail])
        }
    }

    // MARK: Channel and language

    func testMissingChannelIsRequired() {
        assertRefused(input(channel: nil), field: "channel", reason: .required)
        assertRefused(input(channel: ""), field: "channel", reason: .required)
    }

    func testUnknownChannelIsRefused() {
        assertRefused(input(channel: "fax"), field: "channel", reason: .unknownChannel)
    }

    func testEveryKnownChannelIsAccepted() {
        for channel in ["web", "kiosk", "sms", "paper", "oral", "remote", "open311"] {
            // Act
            let result = accept(input(channel: channel))

            // Assert
            XCTAssertEqual(result?.channel.rawValue, channel)
        }
    }

    func testMissingLanguageIsRequired() {
        assertRefused(input(language: nil), field: "language", reason: .required)
        assertRefused(input(language: ""), field: "language", reason: .required)
    }

    func testUnknownLanguageIsRefused() {
        assertRefused(input(language: "de"), field: "language", reason: .unknownLanguage)
    }

    // MARK: Answers

    func testUnknownQuestionIsRefusedWithItsId() {
        assertRefused(input(answers: ["nps": .integer(9), "foo": .integer(3)]), field: "answers.foo", reason: .unknownQuestion)
    }

    func testRecommendationOutsideZeroToTenIsOutOfRange() {
        for value in [-1, 11] {
            assertRefused(input(answers: ["nps": .integer(value)]), field: "answers.nps", reason: .outOfRange(min: 0, max: 10))
        }
    }

    func testRecommendationAtBothEndsIsAccepted() {
        for value in [0, 10] {
            // Act
            let result = accept(input(answers: ["nps": .integer(value)]))

            // Assert
            XCTAssertEqual(result?.recommendation, value)
        }
    }

    func testNumbersSentAsTextAreRefusedOutsideForms() {
        // Arrange
        let answers: [String: AnswerValue] = ["nps": .string("5")]

        // Act & Assert: a JSON client that sends "5" has a bug worth telling it about.
        assertRefused(input(answers: answers), field: "answers.nps", reason: .notWholeNumber)
        assertRefused(input(answers: ["nps": .integer(5), "s1": .string("4")]), field: "answers.s1", reason: .notWholeNumber)
    }

    func testRecommendationMustBeAWholeNumber() {
        for value: AnswerValue in [.number(9.5), .string("abc"), .bool(true)] {
            assertRefused(input(answers: ["nps": value]), field: "answers.nps", reason: .notWholeNumber)
        }
    }

    func testFormStyleStringNumbersAreAccepted() {
        // Arrange
        let answers: [String: AnswerValue] = ["nps": .string("9"), "s1": .string(" 4 "), "s2": .number(2.0)]
        var form = input(answers: answers)
        form.numbersAsText = true

        // Act
        let result = accept(form)

        // Assert
        XCTAssertEqual(result?.recommendation, 9)
        XCTAssertEqual(result?.statements, ["s1": 4, "s2": 2])
    }

    func testStatementOutsideOneToFiveIsOutOfRange() {
        for value in [0, 6] {
            assertRefused(
                input(answers: ["nps": .integer(9), "s1": .integer(value)]),
                field: "answers.s1", reason: .outOfRange(min: 1, max: 5)
            )
        }
    }

    func testNullStatementIsStoredAsCannotSay() {
        // Act
        let result = accept(input(answers: ["s1": .null, "s2": .integer(5)]))

        // Assert
        XCTAssertEqual(result?.statements["s1"], 0)
        XCTAssertEqual(result?.statements["s2"], 5)
    }

    func testMissingStatementIsNotStored() {
        // Act
        let result = accept(input(answers: ["nps": .integer(9), "s1": .integer(3)]))

        // Assert
        XCTAssertEqual(result?.statements, ["s1": 3])
        XCTAssertNil(result?.statements["s2"])
    }

    func testMissingRecommendationIsAllowedByDefault() {
        // Act
        let result = accept(input(answers: ["s1": .integer(3)]))

        // Assert
        XCTAssertNotNil(result)
        XCTAssertNil(result?.recommendation)
    }

    func testMissingRecommendationIsRequiredWhenTheOrganisationSaysSo() {
        assertRefused(input(answers: ["s1": .integer(3)]), field: "answers.nps", reason: .required, requireRecommendation: true)
        assertRefused(input(answers: ["nps": .null, "s1": .integer(3)]), field: "answers.nps", reason: .required, requireRecommendation: true)
    }

    func testChoiceMustBeOneOfItsOptions() {
        let allowed = ["under18", "18-64", "65+"]
        assertRefused(input(answers: ["nps": .integer(9), "ageGroup": .string("200")]), field: "answers.ageGroup", reason: .notAnOption(allowed: allowed))
        assertRefused(input(answers: ["nps": .integer(9), "ageGroup": .integer(18)]), field: "answers.ageGroup", reason: .notAnOption(allowed: allowed))
    }

    func testChoiceIsKeptApartFromTheRespondent() {
        // Act
        let result = accept(input(answers: ["nps": .integer(9), "ageGroup": .string("65+"), "respondent": .string("relative")]))

        // Assert
        XCTAssertEqual(result?.choices, ["ageGroup": "65+"])
        XCTAssertEqual(result?.respondent, .relative)
    }

    // MARK: Respondent

    func testRespondentIsAccepted() {
        // Act
        let oneself = accept(input(respondent: "self"))
        let relative = accept(input(respondent: "relative"))

        // Assert
        XCTAssertEqual(oneself?.respondent, .oneself)
        XCTAssertEqual(relative?.respondent, .relative)
    }

    func testUnknownRespondentIsRefused() {
        assertRefused(input(respondent: "neighbour"), field: "respondent", reason: .notAnOption(allowed: ["self", "relative"]))
        assertRefused(
            input(answers: ["nps": .integer(9), "respondent": .string("neighbour")]),
            field: "answers.respondent", reason: .notAnOption(allowed: ["self", "relative"])
        )
    }

    // MARK: Open text

    func testOpenTextOfFourThousandCharactersIsAccepted() {
        // Act
        let result = accept(input(openText: String(repeating: "a", count: 4_000)))

        // Assert
        XCTAssertEqual(result?.openText?.count, 4_000)
    }

    func testOpenTextOverFourThousandCharactersIsTooLong() {
        assertRefused(input(openText: String(repeating: "a", count: 4_001)), field: "openText", reason: .tooLong(max: 4_000))
    }

    func testOpenTextWithControlCharactersIsRefused() {
        for control in ["\u{0}", "\u{7}", "\u{1B}", "\u{7F}"] {
            assertRefused(input(openText: "hello\(control)world"), field: "openText", reason: .controlCharacters)
        }
    }

    func testOpenTextMayHoldNewlinesAndTabs() {
        // Arrange
        let text = "Line one\nline\ttwo\r\nline three"

        // Act
        let result = accept(input(openText: text))

        // Assert
        XCTAssertEqual(result?.openText, text)
    }

    func testOpenTextIsMaskedAndMaskedKindsReported() {
        // Arrange
        let text = "Soita 040 123 4567 tai matti.meikalainen@example.fi, hetu 131052-308T."

        // Act
        let result = accept(input(openText: text))

        // Assert
        XCTAssertEqual(result?.openText, "Soita [PHONE] tai [EMAIL], hetu [HETU].")
        XCTAssertEqual(result?.maskedKinds, [.phone, .email, .identityCode])
    }

    func testOpenTextWithoutPersonalDataIsKeptAsItIs() {
        // Act
        let result = accept(input(openText: "Kiitos hyvästä palvelusta!"))

        // Assert
        XCTAssertEqual(result?.openText, "Kiitos hyvästä palvelusta!")
        XCTAssertEqual(result?.maskedKinds, [])
    }

    // MARK: Empty submissions

    func testSubmissionWithoutAnswersOrTextIsEmpty() {
        assertRefused(input(answers: [:]), field: "answers", reason: .empty)
    }

    func testBackgroundChoicesAndBlankTextAloneAreEmpty() {
        assertRefused(
            input(answers: ["ageGroup": .string("65+")], openText: "   \n", respondent: "self"),
            field: "answers", reason: .empty
        )
    }

    func testOpenTextAloneIsASubmission() {
        // Act
        let result = accept(input(answers: [:], openText: "Hyvä palvelu"))

        // Assert
        XCTAssertEqual(result?.openText, "Hyvä palvelu")
        XCTAssertNil(result?.recommendation)
    }

    // MARK: Answer time

    func testAnsweredAtDefaultsToNow() {
        // Act
        let result = accept(input(answeredAt: nil))

        // Assert
        XCTAssertEqual(result?.answeredAt, now)
    }

    func testAnsweredAtInThePastIsKept() {
        // Arrange
        let earlier = now.addingTimeInterval(-3 * day)

        // Act
        let result = accept(input(answeredAt: earlier))

        // Assert
        XCTAssertEqual(result?.answeredAt, earlier)
    }

    func testAnsweredAtUpToFiveMinutesAheadIsAllowedForClockSkew() {
        // Act
        let result = accept(input(answeredAt: now.addingTimeInterval(300)))

        // Assert
        XCTAssertNotNil(result)
        XCTAssertLessThanOrEqual(result?.answeredAt ?? .distantFuture, now)
    }

    func testAnsweredAtMoreThanFiveMinutesAheadIsInFuture() {
        assertRefused(input(answeredAt: now.addingTimeInterval(301)), field: "answeredAt", reason: .inFuture)
    }

    func testAnsweredAtFourHundredDaysAgoIsAccepted() {
        XCTAssertNotNil(accept(input(answeredAt: now.addingTimeInterval(-400 * day))))
    }

    func testAnsweredAtOlderThanFourHundredDaysIsTooOld() {
        assertRefused(input(answeredAt: now.addingTimeInterval(-400 * day - 1)), field: "answeredAt", reason: .tooOld(days: 400))
    }

    // MARK: Contact

    func testAddressesAMailServerWouldRefuseAreRefusedAtIntake() {
        let local64 = String(repeating: "m", count: 64), local65 = String(repeating: "m", count: 65)
        for email in ["matti..m@example.fi", ".matti@example.fi", "matti.@example.fi", "matti@exa_mple.fi", "matti@-example.fi",
                      "matti@example-.fi", "matti@example.f", "matti@example.123", "mätti@example.fi", "matti@esimerkki.fi<script>",
                      "matti@example..fi", "\"matti\"@example.fi", "matti,maija@example.fi", "matti@[192.0.2.1]", "matti@ässä.fi",
                      "\(local65)@example.fi", "matti@" + String(repeating: "a", count: 64) + ".fi"] {
            assertRefused(input(contact: .init(email: email)), field: "contact.email", reason: .invalidEmail)
        }
        for email in ["matti.meikalainen+palaute@example.fi", "o'brien@example.co.uk", "a@b.fi", "MATTI@EXAMPLE.FI",
                      "x_y-z@sub.domain-name.org", "\(local64)@example.fi"] {
            XCTAssertEqual(accept(input(contact: .init(email: email)))?.contact?.email, email, email)
        }
    }

    func testInvalidEmailIsRefused() {
        for email in ["matti.example.fi", "matti@example", "matti @example.fi", "@example.fi", "a@b@example.fi"] {
            assertRefused(input(contact: .init(email: email)), field: "contact.email", reason: .invalidEmail)
        }
    }

    func testInvalidPhoneIsRefused() {
        for phone in ["call me", "12345", "+358+401234567", "040 123 4567 ext"] {
            assertRefused(input(contact: .init(phone: phone)), field: "contact.phone", reason: .invalidPhone)
        }
    }

    func testOverlongContactNameIsRefused() {
        assertRefused(
            input(contact: .init(name: String(repeating: "n", count: 201), email: "a@example.fi")),
            field: "contact.name", reason: .tooLong(max: 200)
        )
    }

    func testWantingAnAnswerWithoutEmailOrPhoneNeedsContact() {
        assertRefused(input(wantsAnswer: true), field: "contact", reason: .contactNeeded)
        assertRefused(input(contact: .init(name: "Matti"), wantsAnswer: true), field: "contact", reason: .contactNeeded)
    }

    func testContactWithoutWantsAnswerMeansTheCustomerWantsAnAnswer() {
        // Act
        let result = accept(input(contact: .init(name: " Matti ", email: "matti@example.fi", phone: "+358 40 123 4567")))

        // Assert
        XCTAssertEqual(result?.wantsAnswer, true)
        XCTAssertEqual(result?.contact, ContactDetails(name: "Matti", email: "matti@example.fi", phone: "+358401234567"))
    }

    func testFinnishPhoneNumbersAreStoredInInternationalFormForSMS() {
        let written = ["040 123 4567": "+358401234567", "(09) 123 4567": "+35891234567", "00358 50 765 4321": "+358507654321",
                       "358401234567": "+358401234567", "+46 8 123 456 78": "+468123456 78".replacingOccurrences(of: " ", with: "")]
        for (typed, stored) in written {
            let result = accept(input(contact: .init(phone: typed)))
            XCTAssertEqual(result?.contact?.phone, stored, typed)
        }
    }

    func testContactIsDroppedWhenNoAnswerIsWanted() {
        // Act
        let result = accept(input(contact: .init(name: "Matti", email: "matti@example.fi"), wantsAnswer: false))

        // Assert
        XCTAssertEqual(result?.wantsAnswer, false)
        XCTAssertNil(result?.contact)
    }

    func testNoContactAndNoWishForAnAnswerIsAnonymous() {
        // Act
        let result = accept(input())

        // Assert
        XCTAssertEqual(result?.wantsAnswer, false)
        XCTAssertNil(result?.contact)
    }

    // MARK: Order of checks

    func testErrorsAreReportedInFormOrder() {
        // Arrange: a bad channel and a bad answer; the channel comes first on the form.
        let bad = input(channel: "fax", answers: ["nps": .integer(42)])

        // Act & Assert
        assertRefused(bad, field: "channel", reason: .unknownChannel)
    }
}
