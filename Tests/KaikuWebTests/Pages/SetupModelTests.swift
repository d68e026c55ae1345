import Foundation
import KaikuCore
@testable import KaikuWeb
import XCTest

/// The setup form as values: its defaults, its problems and how each is tied to its input.
final class SetupModelTests: XCTestCase {
    private let valid: [String: String] = [
        "code": "pirkanmaa", "nameFi": "Pirkanmaan hyvinvointialue", "offerSv": "yes", "timeZone": "Europe/Helsinki",
        "promiseDays": "14", "promiseIn": "calendarDays", "adminName": "Pää Käyttäjä", "adminEmail": "Admin@Pirha.example",
        "adminPassword": "kolme pientä porsasta", "adminPasswordAgain": "kolme pientä porsasta",
    ]

    func testTheBlankFormOffersEveryLanguageAndTheFinnishDefaults() {
        let model = SetupModel.blank(token: "t")
        XCTAssertTrue(model.isChecked(.offerSv) && model.isChecked(.offerEn))
        XCTAssertEqual(model.value(.timeZone), "Europe/Helsinki")
        XCTAssertEqual(model.value(.promiseDays), "14")
        XCTAssertTrue(model.isChecked(.promiseIn, "calendarDays"))
        XCTAssertEqual(model.form.draft.languages, [.fi, .sv, .en])
    }

    func testAValidFormBecomesTheDraftAndTheAdministrator() {
        let form = SetupForm(values: valid)
        XCTAssertEqual(form.problems, [])
        XCTAssertEqual(form.draft.languages, [.fi, .sv], "English was not ticked")
        XCTAssertEqual(form.draft.promiseDays, 14)
        XCTAssertEqual(form.adminEmail, "admin@pirha.example")
    }

    func testProblemsComeInTheOrderOfTheFormOnePerField() {
        var values = valid
        values["adminPasswordAgain"] = "something else entirely"
        values["promiseDays"] = "kaksi viikkoa"
        values["code"] = ""
        values["nameSv"] = String(repeating: "å", count: 201)
        let model = SetupModel(token: "t", form: SetupForm(values: values), problems: SetupForm(values: values).problems)

        XCTAssertEqual(model.summary.map(\.field), [.code, .nameSv, .promiseDays, .adminPasswordAgain])
        XCTAssertEqual(model.describedBy(.promiseDays), "error-promiseDays")
        XCTAssertEqual(model.describedBy(.code, hints: ["code-hint"]), "code-hint error-code")
        XCTAssertEqual(model.describedBy(.adminName), nil)
    }

    func testAWeakPasswordIsNamedForWhatIsWrongWithIt() {
        var values = valid
        values["adminPassword"] = "Salasana2026!"
        values["adminPasswordAgain"] = "Salasana2026!"
        XCTAssertEqual(SetupForm(values: values).problems, [SetupProblem(field: .adminPassword, key: "setup.error.adminPassword.commonWord")])
    }

    func testEveryProblemHasItsWordsInFinnishSwedishAndEnglish() throws {
        let catalogue = try Catalogue.load()
        for key in SetupModel.problemKeys {
            for language in Language.allCases {
                XCTAssertFalse((catalogue.entries[language]?[key] ?? "").isEmpty, "\(key) in \(language)")
            }
        }
    }
}
