import Foundation
import KaikuCore
@testable import KaikuWeb
import XCTest

/// The public figures as values: the addresses a unit's page, widget and
/// JSON are written with, where "give feedback" leads, and what the widget
/// says for a figure that is shown, hidden below the minimum or hidden for a
/// neighbour's sake.
final class PublicFiguresModelTests: XCTestCase {
    let policy = SuppressionPolicy(minimumN: 5)

    func period(_ key: PublicPeriod, responses: Int, promoters: Int = 0, detractors: Int = 0,
                mask: PublicSuppression.Mask = .init()) throws -> PublicPeriodFigures {
        var recommendation = Array(repeating: 0, count: 11)
        recommendation[10] = promoters
        recommendation[0] = detractors
        recommendation[8] = responses - promoters - detractors
        let day = try XCTUnwrap(CalendarDay(year: 2026, month: 5, day: 1))
        return PublicPeriodFigures(key: key, from: day, to: day, publishedAt: Date(timeIntervalSince1970: 0),
                                   tally: Tally(responses: responses, recommendation: recommendation), mask: mask,
                                   statementOrder: [], statementTexts: [:], children: [], policy: policy)
    }

    func model(target: PublicFiguresModel.Target? = nil, targets: [PublicFiguresModel.Target] = [], language: Language = .fi,
               periods: [PublicPeriodFigures] = []) -> PublicFiguresModel {
        PublicFiguresModel(unitCode: "A1", unitName: "Keskusta", organisationCode: "kaiku-demo", organisationName: "Demo",
                           target: target, targets: targets, minimumN: 5, language: language, periods: periods)
    }

    func testAUnitsAddressesNameItsOrganisationAndATargetsDoNot() {
        let unit = model()
        XCTAssertEqual(unit.address(unit.page), "/figures/units/A1?org=kaiku-demo&lang=fi")
        XCTAssertEqual(unit.address(unit.widget), "/widget/units/A1?org=kaiku-demo&lang=fi")
        XCTAssertEqual(unit.jsonAddress, "/api/v1/public/units/A1/figures?org=kaiku-demo&lang=fi")
        let target = model(target: .init(code: "hammas", name: "Hammashoitola"), language: .en)
        XCTAssertEqual(target.address(target.page), "/figures/targets/hammas?lang=en")
        XCTAssertEqual(target.jsonAddress, "/api/v1/public/targets/hammas/figures?lang=en")
        XCTAssertEqual(target.title, "Hammashoitola")
    }

    func testFeedbackLeadsToTheOneFormThereIsOrElseToTheSearch() {
        let one = PublicFiguresModel.Target(code: "t1", name: "One")
        let two = PublicFiguresModel.Target(code: "t2", name: "Two")
        XCTAssertEqual(model(targets: [one]).feedback.path, "/f/t1")
        XCTAssertEqual(model(targets: [one, two]).feedback.path, "/")
        XCTAssertEqual(model(targets: []).feedback.path, "/")
        XCTAssertEqual(model(target: two, targets: [one, two]).feedback.path, "/f/t2")
        XCTAssertEqual(model(target: two, targets: [one, two]).feedbackTargets, [two], "the page asked for by target offers its own form only")
        XCTAssertEqual(model(targets: [one, two]).feedbackTargets, [one, two])
    }

    func testTheEmbedSnippetIsEscapedAndPointsToTheConfiguredSite() {
        var unit = model()
        unit.baseURL = "https://palaute.example.fi/"
        XCTAssertEqual(unit.embedSnippet(title: "Palaute \"Keskusta\""),
                       "<iframe src=\"https://palaute.example.fi/widget/units/A1?org=kaiku-demo&amp;lang=fi\" title=\"Palaute &quot;Keskusta&quot;\" "
                       + "width=\"320\" height=\"260\" style=\"border:0\" loading=\"lazy\"></iframe>")
        XCTAssertEqual(unit.embedJSON, "https://palaute.example.fi/api/v1/public/units/A1/figures?org=kaiku-demo&lang=fi")
    }

    func testTheWidgetWritesShownFiguresInTheLanguageAndHiddenOnesInWords() throws {
        let widget = WidgetModel(model(language: .fi, periods: [
            try period(.last30days, responses: 3, mask: .init(responses: .belowMinimum)),
            try period(.last12months, responses: 12_345, promoters: 2_000, detractors: 6_000),
        ]))
        XCTAssertEqual(widget.lines.map(\.period), [.last12months, .last30days], "the year first, as the page reads")
        XCTAssertEqual(widget.lines[0].value, .figures(nps: "\u{2212}32", answers: "12\u{00A0}345", one: false))
        XCTAssertEqual(widget.lines[1].value, .fewerThan("5"))
        let hiddenForNeighbours = try period(.last30days, responses: 40, mask: .init(responses: .complementary))
        XCTAssertEqual(WidgetModel.value(of: hiddenForNeighbours, minimumN: 5, language: .en), .complementary)
    }

    func testTheWidgetShowsTheCountButNotAScoreThatIsHidden() throws {
        let single = try period(.last30days, responses: 1, promoters: 1)
        XCTAssertEqual(WidgetModel.value(of: single, minimumN: 5, language: .en), .figures(nps: nil, answers: "1", one: true))
    }

    func testTheWidgetsLinksKeepTheLanguageAndTheOrganisation() {
        let widget = WidgetModel(model(targets: [.init(code: "t1", name: "One")], language: .sv))
        XCTAssertEqual(widget.feedbackHref, "/f/t1?lang=sv")
        XCTAssertEqual(widget.pageHref, "/figures/units/A1?org=kaiku-demo&lang=sv")
    }

    func testTheWidgetsLanguageComesFromTheAddressOrTheBrowserNeverElsewhere() {
        XCTAssertEqual(WidgetModel.language(query: "sv", acceptLanguage: "en"), .sv)
        XCTAssertEqual(WidgetModel.language(query: "de", acceptLanguage: "en-GB,en;q=0.8"), .en)
        XCTAssertEqual(WidgetModel.language(query: nil, acceptLanguage: nil), .fi)
    }

    func testNumbersAreWrittenAsEachLanguageWritesThem() throws {
        XCTAssertEqual(FigureFormat.mean(4.3, .fi), "4,3")
        XCTAssertEqual(FigureFormat.mean(4.3, .en), "4.3")
        XCTAssertEqual(FigureFormat.nps(-12), "\u{2212}12", "a real minus, which a screen reader reads as minus")
        XCTAssertEqual(FigureFormat.mean(4.0, .sv), "4,0")
        XCTAssertEqual(FigureFormat.count(1_234_567, .en), "1,234,567")
        XCTAssertEqual(FigureFormat.percent(45, .fi), "45\u{00A0}%")
        XCTAssertEqual(FigureFormat.day(try XCTUnwrap(CalendarDay(year: 2026, month: 5, day: 1)), .en), "1 May 2026")
        XCTAssertEqual(FigureFormat.shares([1, 1, 1]).reduce(0, +), 100, "three equal groups still add up to 100")
    }
}
