import Foundation
import KaikuCore
@testable import KaikuWeb
import XCTest

/// The index of figures pages and the page for an ambiguous unit code, as values.
final class PublicFiguresIndexModelTests: XCTestCase {
    func testUnitsHangUnderTheirParentsInNameOrderEachLinkingToItsPage() {
        let root = UUID(), north = UUID(), south = UUID()
        let model = PublicFiguresIndexModel(organisations: [(code: "county", name: "County", units: [
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

    func testAnAmbiguousCodeLinksTheAddressAskedForInEachOrganisation() {
        let model = PublicFiguresAmbiguityModel(code: "A1", organisations: [.init(code: "north", name: "North"), .init(code: "south", name: "South")],
                                                page: .unitWidget(.value("A1")))
        XCTAssertEqual(model.organisations.map { model.link(to: $0, language: .en) },
                       ["/widget/units/A1?org=north&lang=en", "/widget/units/A1?org=south&lang=en"])
        XCTAssertEqual(model.organisationCodes, "north, south")
    }
}
