import Foundation
import XCTest
@testable import KaikuCore

/// What a new organisation must be, whichever way it is asked for.
final class OrganisationRulesTests: XCTestCase {
    private func draft(code: String = "pirkanmaa", fi: String = "Pirkanmaan hyvinvointialue", sv: String = "", en: String = "",
                       timeZone: String = "Europe/Helsinki", days: Int = 14, promiseIn: String = "calendarDays") -> OrganisationDraft {
        OrganisationDraft(code: code, name: LocalizedText(fi: fi, sv: sv, en: en), timeZone: timeZone, promiseDays: days, promiseIn: promiseIn)
    }

    private func fields(_ draft: OrganisationDraft) -> [OrganisationProblem.Field] {
        OrganisationRules.problems(with: draft).map(\.field)
    }

    func testAFinnishCountyWithTheDefaultsIsAccepted() {
        XCTAssertEqual(OrganisationRules.problems(with: draft()), [])
    }

    func testCodesAreLowercaseLettersDigitsAndHyphensOfTwoToFortyCharacters() {
        for good in ["jh", "pirkanmaa", "vantaa-kerava", "hva-2026", String(repeating: "a", count: 40)] {
            XCTAssertTrue(OrganisationRules.isValidCode(good), good)
        }
        for bad in ["", "a", String(repeating: "a", count: 41), "Pirkanmaa", "pohjois-pohjanmaa!", "päijät-häme", "vantaa kerava",
                    "-alku", "vantaa_kerava", "jh\u{0}"] {
            XCTAssertFalse(OrganisationRules.isValidCode(bad), bad)
        }
    }

    func testAMissingCodeIsRequiredAndABadOneInvalid() {
        XCTAssertEqual(OrganisationRules.problems(with: draft(code: "  ")), [OrganisationProblem(.code, .required)])
        XCTAssertEqual(OrganisationRules.problems(with: draft(code: "Pirkanmaa")), [OrganisationProblem(.code, .invalidCode)])
    }

    func testTheFinnishNameIsRequiredAndTheOthersTakeIt() {
        XCTAssertEqual(OrganisationRules.problems(with: draft(fi: " \n")), [OrganisationProblem(.nameFi, .required)])
        let filled = draft(fi: " Vantaan ja Keravan hyvinvointialue ", sv: "Vanda och Kervo välfärdsområde").filled
        XCTAssertEqual(filled.name, LocalizedText(fi: "Vantaan ja Keravan hyvinvointialue", sv: "Vanda och Kervo välfärdsområde",
                                                  en: "Vantaan ja Keravan hyvinvointialue"))
        XCTAssertEqual(draft(sv: "Birkaland").namesTakingFinnish, [.en])
    }

    func testNamesAreBoundedAndFreeOfControlCharacters() {
        XCTAssertEqual(fields(draft(fi: String(repeating: "ä", count: 200))), [])
        XCTAssertEqual(OrganisationRules.problems(with: draft(fi: String(repeating: "ä", count: 201))), [OrganisationProblem(.nameFi, .tooLong)])
        XCTAssertEqual(OrganisationRules.problems(with: draft(sv: "Birka\u{7}land")), [OrganisationProblem(.nameSv, .controlCharacters)])
        XCTAssertEqual(OrganisationRules.problems(with: draft(en: "Two\nlines")), [OrganisationProblem(.nameEn, .controlCharacters)])
    }

    func testTheTimeZoneIsAnIANANameNotAnAbbreviationOrOffset() {
        for good in ["Europe/Helsinki", "Europe/Stockholm", "America/New_York"] {
            XCTAssertTrue(OrganisationRules.isValidTimeZone(good), good)
        }
        for bad in ["", "EET", "GMT+2", "europe/helsinki", "Europe/Tampere", "Europe/Helsinki/x", String(repeating: "A/", count: 40)] {
            XCTAssertFalse(OrganisationRules.isValidTimeZone(bad), bad)
        }
        XCTAssertEqual(fields(draft(timeZone: "EET")), [.timeZone])
    }

    func testThePromiseIsOneToNinetyCalendarOrWorkingDays() {
        XCTAssertEqual(fields(draft(days: 1)), [])
        XCTAssertEqual(fields(draft(days: 90, promiseIn: "workingDays")), [])
        XCTAssertEqual(fields(draft(days: 0)), [.promiseDays])
        XCTAssertEqual(fields(draft(days: 91)), [.promiseDays])
        XCTAssertEqual(fields(draft(promiseIn: "weeks")), [.promiseIn])
    }

    func testEveryProblemIsReportedInTheOrderOfTheForm() {
        let problems = OrganisationRules.problems(with: draft(code: "X", fi: "", timeZone: "Mars/Olympus", days: 0, promiseIn: ""))
        XCTAssertEqual(problems.map(\.field), [.code, .nameFi, .timeZone, .promiseDays, .promiseIn])
        XCTAssertTrue(problems.allSatisfy { $0.description.hasSuffix(".") && $0.description.first?.isUppercase == true },
                      problems.map(\.description).joined(separator: "\n"))
    }

    func testFinnishIsAlwaysOffered() {
        let draft = OrganisationDraft(code: "jh", name: LocalizedText(fi: "JH", sv: "", en: ""), languages: [.sv])
        XCTAssertEqual(draft.filled.languages, [.fi, .sv])
        XCTAssertEqual(draft.languagesList, "fi,sv")
    }

    func testEveryRefusedPasswordHasASentenceAndTheFirstBrokenRuleIsNamed() {
        for password in ["", "short", "aaaaaaaaaaaaaaaa", "abababababab", "salasana1234", "Salasana2026!", String(repeating: "ä", count: 40),
                         "correct horse battery staple", "kolme pientä porsasta"] {
            XCTAssertEqual(PasswordPolicy.check(password) == nil, PasswordPolicy.problem(with: password) == nil, password)
        }
        XCTAssertEqual(PasswordPolicy.check("short"), .tooShort)
        XCTAssertEqual(PasswordPolicy.check("aaaaaaaaaaaaaaaa"), .repetitive)
        XCTAssertEqual(PasswordPolicy.check(String(repeating: "ä", count: 40)), .tooLong)
        XCTAssertEqual(PasswordPolicy.check("Salasana2026!"), .commonWord)
        XCTAssertNil(PasswordPolicy.check("kolme pientä porsasta"))
    }
}
