import Foundation
import KaikuCore
import KaikuStore
@testable import KaikuWeb
import XCTest

/// The users pages' models as values: finding users, paging, the steps
/// offered in each state, and the password form's checks.
final class UsersModelTests: XCTestCase {
    private func row(_ email: String, name: String? = nil, state: UserState = .active) -> UsersModel.Row {
        UsersModel.Row(id: UUID(), email: email, name: name, role: "handler", unit: "A1", state: state)
    }

    func testEveryWordMustBeFoundInTheAddressOrNameWhateverTheCaseAndAccents() {
        XCTAssertTrue(UsersModel.matches("virtanen", email: "h.virtanen@example.fi", name: nil))
        XCTAssertTrue(UsersModel.matches("ÄIJÄLÄ hanna", email: "x@example.fi", name: "Hanna Aijala"))
        XCTAssertFalse(UsersModel.matches("hanna korhonen", email: "x@example.fi", name: "Hanna Aijala"))
        XCTAssertTrue(UsersModel.matches("  ", email: "x@example.fi", name: nil), "no words find everyone")
    }

    func testTheListIsByNameOrAddressAndFilteredByState() {
        let rows = [row("c@example.fi"), row("b@example.fi", name: "Aino"), row("a@example.fi", state: .invited)]
        var filters = UsersFilters()

        XCTAssertEqual(UsersModel.filtered(rows, filters).map(\.email), ["a@example.fi", "b@example.fi", "c@example.fi"])
        filters.state = .invited
        XCTAssertEqual(UsersModel.filtered(rows, filters).map(\.email), ["a@example.fi"])
    }

    func testAPagePastTheEndShowsTheLastOne() {
        let rows = (0..<30).map { row("u\($0)@example.fi") }

        XCTAssertEqual(UsersModel.page(rows, number: 2).rows.count, 5)
        XCTAssertEqual(UsersModel.page(rows, number: 9).number, 2)
        XCTAssertEqual(UsersModel.page([], number: 3).number, 1)
    }

    func testFiltersDropValuesThatNameNothing() {
        let filters = UsersFilters { ["q": " hanna ", "role": "king", "state": "deactivated", "page": "-4"][$0] }

        XCTAssertEqual(filters.search, "hanna")
        XCTAssertNil(filters.role)
        XCTAssertEqual(filters.state, .deactivated)
        XCTAssertEqual(filters.page, 1)
        XCTAssertEqual(filters.url(page: 2), "/staff/admin/users?q=hanna&state=deactivated&page=2")
    }

    func testTheStepsOfferedFollowTheUsersStateAndNeverShutOneselfOut() {
        var model = UserModel(id: UUID(), email: "h@example.fi", name: nil, role: "handler", unit: "A1", unitName: "A1", state: .active,
                              locked: false, isSelf: false, created: "–", units: [], form: UserDetailsForm())
        XCTAssertEqual(model.actions, [.passwordReset, .endSessions, .deactivate])
        model.locked = true
        XCTAssertEqual(model.actions.first, .unlock)
        model.isSelf = true
        XCTAssertFalse(model.actions.contains(.deactivate))
        XCTAssertFalse(model.canChangeRoleAndUnit)
        model.state = .deactivated
        XCTAssertEqual(model.actions, [.reactivate])
        XCTAssertTrue(UserModel.asksFirst(.deactivate))
        XCTAssertFalse(UserModel.asksFirst(.reactivate))
    }

    func testThePasswordFormChecksTheRulesBeforeTheSecondEntry() {
        XCTAssertEqual(PasswordModel.refusal(password: "short", again: "other"), .policy(.tooShort))
        XCTAssertEqual(PasswordModel.refusal(password: "kolme-pientä-porsasta", again: "kolme-pientä-porsast"), .mismatch)
        XCTAssertNil(PasswordModel.refusal(password: "kolme-pientä-porsasta", again: "kolme-pientä-porsasta"))
        XCTAssertEqual(PasswordModel.field(of: .mismatch), "again")
    }
}
