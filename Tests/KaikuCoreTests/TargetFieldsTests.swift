import KaikuCore
import XCTest

final class TargetFieldsTests: XCTestCase {
    private func fields(code: String = "hammas-keskusta", unit: String = "U1", fi: String = "Hammashoitola", sv: String = "",
                        keywords: String = "") -> TargetFields {
        TargetFields(code: code, unit: unit, name: LocalizedText(fi: fi, sv: sv, en: ""), keywords: keywords)
    }

    func testWellFormedFieldsHaveNoProblems() {
        XCTAssertEqual(fields(sv: "Tandklinik", keywords: "hammaslääkäri tandläkare").problems, [])
    }

    func testNormalisingTrimsNamesAndJoinsKeywordsWithSingleSpaces() {
        let normalised = fields(code: " hammas ", fi: "  Hammashoitola \n", keywords: "  hammaslääkäri\ttandläkare   dentist ").normalised
        XCTAssertEqual(normalised.code, "hammas")
        XCTAssertEqual(normalised.name.fi, "Hammashoitola")
        XCTAssertEqual(normalised.name.sv, "Hammashoitola", "an empty name in another language is the Finnish one")
        XCTAssertEqual(normalised.keywords, "hammaslääkäri tandläkare dentist")
    }

    func testCodesThatCannotBeTypedInAShortLinkAreRefused() {
        for code in ["", "hammas keskusta", "hammashoitola-äänekoski", "a/b", "-alku", String(repeating: "x", count: 101)] {
            XCTAssertEqual(fields(code: code).problems.map(\.field), ["code"], code)
        }
        XCTAssertEqual(fields(code: "Terveys_1.b-2").problems, [])
    }

    func testTheFinnishNameIsRequiredAndNamesAreSingleBoundedLines() {
        XCTAssertEqual(fields(fi: "").problems.map(\.field), ["name.fi"])
        XCTAssertEqual(fields(sv: "Rad ett\nrad två").problems.map(\.field), ["name.sv"])
        XCTAssertEqual(fields(fi: String(repeating: "ä", count: 201)).problems.map(\.field), ["name.fi"])
        XCTAssertEqual(fields(unit: "").problems.map(\.field), ["unit"])
    }

    func testKeywordsAreBounded() {
        XCTAssertEqual(fields(keywords: String(repeating: "sana ", count: 101)).problems.map(\.field), ["keywords"])
    }
}
