import KaikuCore
import KaikuStore
import XCTest
@testable import KaikuWeb

/// What the staff navigation and the administration hub offer each role.
final class StaffNavigationModelTests: XCTestCase {
    private func page(role: User.Role, language: Language = .fi) throws -> String {
        let context = PageContext(language: language, catalogue: try Catalogue.load(),
                                  session: SessionToken(csrf: "c", email: "someone@example.org", role: role), path: "/staff")
        return StaffLayout(context, title: "x").render { HTMLNode.p { "body" } }
    }

    func testEveryRoleIsOfferedTheIdeaBankAndItsOwnSettings() throws {
        for role in [User.Role.handler, .supervisor, .analyst, .administrator] {
            let html = try page(role: role)
            XCTAssertTrue(html.contains("href=\"/staff/ideas"), "\(role)")
            XCTAssertTrue(html.contains("href=\"/staff/account"), "\(role)")
        }
        XCTAssertTrue(try page(role: .handler, language: .sv).contains("Egna inställningar"))
    }

    func testTheHubOffersSentReportsAndIdeaCategoriesOnlyToWholeOrganisationAdministrators() {
        let whole = AdminHubModel.entries(wholeOrganisation: true).map(\.key)
        let subtree = AdminHubModel.entries(wholeOrganisation: false).map(\.key)

        XCTAssertTrue(whole.contains("reports") && whole.contains("ideaCategories"), "\(whole)")
        XCTAssertFalse(subtree.contains("reports") || subtree.contains("ideaCategories"), "\(subtree)")
    }
}
