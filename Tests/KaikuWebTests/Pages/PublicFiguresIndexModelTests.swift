import Foundation
import KaikuCore
@testable import KaikuWeb
import XCTest

/// The index of figures pages and the page for an ambiguous unit code, as values.
final class PublicFiguresIndexModelTests: XCTestCase {
    func testUnitsHangUnderTheirParentsInNameOrderEachLinkingToItsPage() {
        let root = UUID(), north = UUID(), south = UUID()
        let model = PublicFiguresIndexModel(organisations: [(code: "county", name: "County", minimumN: 5, units: [
            .init(id: south, parent: root, code: "S", name: "Södra"),
            .init(id: root, parent: nil, code: "county", name: "County"),
            .init(id: north, parent: root, code: "N", name: "Norra"),
            .init(id: UUID(), parent: north, code: "N1", name: "Norra 1"),
        ])], language: .sv)
        let tree = model.organisations[0]
        XCTAssertEqual(tree.children[nil]?.map(\.code), ["county"])
        XCTAssertEqual(tree.children["county"]?.map(\.name), ["Norra", "Södra"])
        XCTAssertEqual(tree.children["N"]?.map(\.href), ["/figures/units/N1?org=county&lang=sv"])
        XCTAssertNil(tree.children["S"], "a leaf has no list under it")
    }

    func testASearchFindsUnitsByAnyOfTheirNamesIgnoringCaseAndAccentsWithTheirFigures() {
        let shown = PublicPeriodFigures.Child(code: "H", name: "Hammashoitola", n: 40, nps: 35, hidden: nil)
        let units: [PublicFiguresIndexModel.Unit] = [
            .init(id: UUID(), parent: nil, code: "county", name: "Maakunta", names: ["Maakunta", "Landskapet", "County"]),
            .init(id: UUID(), parent: nil, code: "H", name: "Hammashoitola Keskusta",
                  names: ["Hammashoitola Keskusta", "Tandvården Centrum", "Dental clinic Centre"], figures: shown),
            .init(id: UUID(), parent: nil, code: "N", name: "Neuvola Pohjoinen", names: ["Neuvola Pohjoinen", "Rådgivningen Norra", "Clinic North"]),
        ]
        func search(_ query: String) -> [String] {
            PublicFiguresIndexModel(organisations: [(code: "county", name: "County", minimumN: 5, units: units)], language: .fi, search: query)
                .organisations[0].matches.map(\.code)
        }

        XCTAssertEqual(search("TANDVARDEN"), ["H"], "another language's name, any case, without the ring")
        XCTAssertEqual(search("hammas keskusta"), ["H"], "every word must match")
        XCTAssertEqual(search("clinic"), ["H", "N"], "in name order")
        XCTAssertEqual(search("hammas pohjoinen"), [])
        let found = PublicFiguresIndexModel(organisations: [(code: "county", name: "County", minimumN: 5, units: units)], language: .fi,
                                            search: "  hammas ")
        XCTAssertEqual(found.query, "hammas")
        XCTAssertEqual(found.organisations[0].matches.first?.nps, 35)
        XCTAssertEqual(found.organisations[0].matches.first?.n, 40)
        XCTAssertTrue(PublicFiguresIndexModel(organisations: [(code: "county", name: "County", minimumN: 5, units: units)], language: .fi)
            .organisations[0].matches.isEmpty, "no search lists the tree, not matches")
    }

    func testAnAmbiguousCodeLinksTheAddressAskedForInEachOrganisation() {
        let model = PublicFiguresAmbiguityModel(code: "A1", organisations: [.init(code: "north", name: "North"), .init(code: "south", name: "South")],
                                                page: .unitWidget(.value("A1")))
        XCTAssertEqual(model.organisations.map { model.link(to: $0, language: .en) },
                       ["/widget/units/A1?org=north&lang=en", "/widget/units/A1?org=south&lang=en"])
        XCTAssertEqual(model.organisationCodes, "north, south")
    }
}
