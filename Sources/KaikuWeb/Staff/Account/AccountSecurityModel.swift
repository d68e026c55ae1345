import Foundation
import KaikuStore
import Vapor

/// The sign-in half of one's own settings page: whether two-factor sign-in
/// is on, the personal API tokens, a token just made (shown this once), and
/// what a refused form got wrong.
struct AccountSecurityModel: Sendable {
    var secondFactorOn: Bool
    var unusedRecoveryCodes: Int
    var tokens: [PersonalTokenDTO]
    var timeZone: TimeZone
    var newToken: String?
    /// Catalogue key of a notice after a change (`account.secondFactor.off`…).
    var noticeKey: String?
    /// The form a refusal is about (`disable`, `recovery`, `token`) and the catalogue key of its message.
    var errorForm: String?
    var errorKey: String?
    /// Within the token form: `name` or `expiresAt`.
    var errorField: String?
    var tokenName = ""
    var tokenExpiry = ""

    static let notices = ["secondFactorOff": "account.secondFactor.turnedOff", "tokenRevoked": "account.tokens.revoked",
                          "secondFactorOn": "account.secondFactor.turnedOn"]

    static func load(_ staff: StaffUser, on request: Request) async throws -> AccountSecurityModel {
        let on = try await SecondFactors.isEnrolled(userID: staff.userID, on: request.db)
        let unused = on ? try await SecondFactors.unusedRecoveryCodes(userID: staff.userID, on: request.db) : 0
        let timeZone = try await Organisation.find(staff.organisationID, on: request.db)?.timeZone ?? .gmt
        var model = AccountSecurityModel(secondFactorOn: on, unusedRecoveryCodes: unused,
                                         tokens: try await PersonalTokenIssue.list(for: staff, on: request), timeZone: timeZone)
        model.noticeKey = request.queryStrings["notice"].flatMap { notices[$0] }
        return model
    }

    /// A time as the list shows it, in the organisation's time zone.
    func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "d.M.yyyy HH:mm"
        return formatter.string(from: date)
    }
}
