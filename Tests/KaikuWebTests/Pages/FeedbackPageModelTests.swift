import Foundation
import KaikuCore
@testable import KaikuStore
@testable import KaikuWeb
import XCTest

/// The feed page's model, its filters and where its forms return, as values.
final class FeedbackPageModelTests: XCTestCase {
    private func row(themes: [String], text: String = "Soita [PHONE]") -> FeedbackFeed.Row {
        FeedbackFeed.Row(id: UUID(), receivedAt: Date(timeIntervalSince1970: 1_781_503_200), targetID: UUID(), unitID: UUID(),
                         channel: "kiosk", language: "sv", recommendation: nil, openText: text, themes: themes, sentiment: "mixed",
                         read: false, flagged: true, hiddenFromPublic: false, publishedAt: nil)
    }

    func testAnItemNamesItsThemesAndShowsMaskedTextInWords() throws {
        let context = PageContext(language: .en, catalogue: try Catalogue.load())
        let names = ["thanks": "Thanks", "parking": "Parking"]

        let item = FeedbackPageModel.item(row(themes: ["parking", "thanks", "retired-theme"]), target: "Clinic", unit: "Unit A",
                                          themeNames: names, zone: TimeZone(identifier: "Europe/Helsinki")!, publishing: .afterReview,
                                          context: context)

        XCTAssertEqual(item.themeNames, ["Parking", "Thanks", "retired-theme"], "strongest first; a code no longer known shown as it is")
        XCTAssertEqual(item.text, "Soita [phone number removed]")
        XCTAssertEqual(item.received, "15.6.2026 09:00", "in the organisation's zone")
        XCTAssertEqual(item.sentiment, .mixed)
        XCTAssertEqual(item.publicState, .waiting)
        XCTAssertEqual(item.anchor, "item-\(item.id.uuidString)")
    }

    func testTheOrganisationsSettingDecidesWhetherUnreviewedTextIsPublic() {
        XCTAssertEqual(row(themes: []).publicState(publishing: .afterReview), .waiting)
        XCTAssertEqual(row(themes: []).publicState(publishing: .immediately), .published)
        var withdrawn = row(themes: [])
        withdrawn.hiddenFromPublic = true
        XCTAssertEqual(withdrawn.publicState(publishing: .immediately), .withdrawn)
    }

    func testFiltersKeepTheirSharedNamesAndOrderAndDropEmptyValues() {
        let filters = FeedbackFilters(values: ["q": "jono", "unit": "A", "theme": "", "read": "false"])

        XCTAssertEqual(filters.query.map(\.0), ["unit", "read", "q"])
        XCTAssertEqual(FeedbackFilters.names, ["unit", "from", "to", "target", "channel", "language", "theme", "sentiment", "score", "read",
                                               "flagged", "q"], "others link to the feed with these names")
        let model = FeedbackPageModel(filters: filters, page: 3, items: [], hasNext: true, units: [], targets: [], themes: [],
                                      canAct: true, notice: nil, filterError: nil, refusal: nil)
        XCTAssertEqual(model.url(page: 4), "/staff/feedback?unit=A&read=false&q=jono&page=4")
        XCTAssertEqual(model.url(page: 1), "/staff/feedback?unit=A&read=false&q=jono", "the first page has no number")
        XCTAssertEqual(model.csvURL, "/staff/feedback.csv?unit=A&read=false&q=jono")
        XCTAssertTrue(model.hasPrevious)
    }

    func testAFormReturnsOnlyToTheFeedWithItsOwnParameters() {
        let id = UUID()
        let back = FeedbackReturn.back([("theme", "thanks"), ("q", "a&b=c"), ("page", "2")])

        XCTAssertEqual(FeedbackReturn.url(back: back, done: "read", anchor: "item-\(id.uuidString)"),
                       "/staff/feedback?theme=thanks&q=a%26b%3Dc&page=2&done=read#item-\(id.uuidString)")
        XCTAssertEqual(FeedbackReturn.url(back: "https://evil.example/&next=//x", done: "flag", anchor: "a"), "/staff/feedback?done=flag#a")
        XCTAssertEqual(FeedbackReturn.url(back: nil, done: "flag", anchor: "a"), "/staff/feedback?done=flag#a")
        XCTAssertEqual(FeedbackReturn.query(from: "page=99999999").page, 10_000)
    }

    func testOnlyTheFormsActionsAreAnnounced() {
        XCTAssertEqual(FeedbackPageModel.notice(done: "read"), "staff.feedback.done.read")
        XCTAssertEqual(FeedbackPageModel.notice(done: "classification"), "staff.feedback.done.classification")
        XCTAssertNil(FeedbackPageModel.notice(done: "delete"))
        XCTAssertNil(FeedbackPageModel.notice(done: nil))
    }
}
