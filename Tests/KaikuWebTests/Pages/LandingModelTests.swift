import KaikuCore
@testable import KaikuWeb
import XCTest

/// The start page's search as values: what a customer types finds places in
/// any language, in the order of the page's language, linked to their forms.
final class LandingModelTests: XCTestCase {
    let entries = [
        LandingModel.Entry(code: "hammas-keskusta", name: LocalizedText(fi: "Hammashoitola, Keskusta", sv: "Tandklinik, Centrum", en: "Dental clinic, Centre")),
        LandingModel.Entry(code: "terveysasema-ita", name: LocalizedText(fi: "Terveysasema, Itä", sv: "Hälsostation, Öster", en: "Health centre, East")),
        LandingModel.Entry(code: "apteekki", name: LocalizedText(fi: "Äitiysneuvola", sv: "Mödrarådgivning", en: "Maternity clinic")),
    ]

    func testSearchMatchesEveryWordInAnyLanguageWithoutDotsOrCase() {
        let model = LandingModel(entries: entries, search: "ITA terveys", language: .fi)
        XCTAssertEqual(model.matches.map(\.name), ["Terveysasema, Itä"])
        XCTAssertEqual(LandingModel(entries: entries, search: "tandklinik", language: .en).matches.map(\.name), ["Dental clinic, Centre"])
        XCTAssertEqual(LandingModel(entries: entries, search: "aitiys", language: .fi).matches.count, 1)
    }

    func testNoSearchListsEveryPlaceInTheOrderOfThePagesLanguage() {
        XCTAssertEqual(LandingModel(entries: entries, search: nil, language: .en).matches.map(\.name),
                       ["Dental clinic, Centre", "Health centre, East", "Maternity clinic"])
        XCTAssertEqual(LandingModel(entries: entries, search: "  ", language: .sv).matches.map(\.name),
                       ["Hälsostation, Öster", "Mödrarådgivning", "Tandklinik, Centrum"])
    }

    func testEachMatchLinksToItsFormInThePagesLanguage() {
        let model = LandingModel(entries: entries, search: "hammas", language: .sv)
        XCTAssertEqual(model.matches.map(\.href), ["/f/hammas-keskusta?lang=sv"])
    }

    func testAVeryLongSearchIsCutAndFindsNothing() {
        let model = LandingModel(entries: entries, search: String(repeating: "a", count: 500), language: .fi)
        XCTAssertEqual(model.query.count, LandingModel.maxQueryLength)
        XCTAssertEqual(model.matches, [])
    }

    func testPlacesAreGroupedByServiceAreaInNameOrderWithoutASearch() {
        let health = LandingModel.Area(code: "TER", name: LocalizedText(fi: "Terveyspalvelut", sv: "Hälsovårdstjänster", en: "Health services"))
        let family = LandingModel.Area(code: "PER", name: LocalizedText(fi: "Perhepalvelut", sv: "Familjetjänster", en: "Family services"))
        var grouped = entries
        grouped[0].area = health
        grouped[1].area = health
        grouped[2].area = family

        let model = LandingModel(entries: grouped, search: nil, language: .fi)

        XCTAssertEqual(model.groups.map(\.title), ["Perhepalvelut", "Terveyspalvelut"])
        XCTAssertEqual(model.groups.map { $0.matches.map(\.name) }, [["Äitiysneuvola"], ["Hammashoitola, Keskusta", "Terveysasema, Itä"]])
    }

    func testWithASearchTheAreaOfTheBestMatchComesFirstWhateverItsName() {
        let health = LandingModel.Area(code: "TER", name: LocalizedText(fi: "Terveyspalvelut", sv: "", en: ""))
        let other = LandingModel.Area(code: "VAM", name: LocalizedText(fi: "Vammaispalvelut", sv: "", en: ""))
        var grouped = entries
        grouped[0].area = health
        grouped[0].keywords = "äitiysneuvolat"
        grouped[2].area = other

        let model = LandingModel(entries: grouped, search: "äitiysneuvola", language: .fi)

        XCTAssertEqual(model.groups.map(\.title), ["Vammaispalvelut", "Terveyspalvelut"], "the exact name before a keyword it only begins")
        XCTAssertEqual(model.matches.map(\.name), ["Äitiysneuvola", "Hammashoitola, Keskusta"])
    }
}
