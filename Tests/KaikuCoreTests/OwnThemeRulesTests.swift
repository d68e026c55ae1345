import KaikuCore
import XCTest

final class OwnThemeRulesTests: XCTestCase {
    func testACodeIsTwoToFortyLowerCaseLettersDigitsAndInnerHyphens() {
        for good in ["parking", "p2", "lobby-signs", String(repeating: "a", count: 40), "24h"] {
            XCTAssertEqual(try OwnThemeRules.checkedCode(good, existing: []), good)
        }
        for bad in ["p", String(repeating: "a", count: 41), "Parking", "park ing", "-park", "park-", "pysäköinti", "park_ing", ""] {
            XCTAssertThrowsError(try OwnThemeRules.checkedCode(bad, existing: [])) { XCTAssertEqual($0 as? OwnThemeRules.Problem, .malformedCode, bad) }
        }
    }

    func testADefaultsCodeOrOneTakenIsRefused() {
        XCTAssertThrowsError(try OwnThemeRules.checkedCode("thanks", existing: [])) { XCTAssertEqual($0 as? OwnThemeRules.Problem, .defaultCode) }
        XCTAssertThrowsError(try OwnThemeRules.checkedCode("parking", existing: ["thanks", "parking"])) {
            XCTAssertEqual($0 as? OwnThemeRules.Problem, .takenCode)
        }
    }

    func testNamesAreTrimmedAndEachLanguageIsNeeded() throws {
        let name = try OwnThemeRules.checkedName(LocalizedText(fi: " Pysäköinti ", sv: "Parkering", en: "Parking\n"))
        XCTAssertEqual(name, LocalizedText(fi: "Pysäköinti", sv: "Parkering", en: "Parking"))
        XCTAssertThrowsError(try OwnThemeRules.checkedName(LocalizedText(fi: "Pysäköinti", sv: "  ", en: "Parking"))) {
            XCTAssertEqual($0 as? OwnThemeRules.Problem, .badName(.sv), "an empty Swedish name is not filled with the Finnish one")
        }
        XCTAssertThrowsError(try OwnThemeRules.checkedName(LocalizedText(fi: "a", sv: "b", en: String(repeating: "c", count: 101)))) {
            XCTAssertEqual($0 as? OwnThemeRules.Problem, .badName(.en))
        }
        XCTAssertThrowsError(try OwnThemeRules.checkedName(LocalizedText(fi: "a\u{7}b", sv: "b", en: "c"))) {
            XCTAssertEqual($0 as? OwnThemeRules.Problem, .badName(.fi))
        }
    }
}
