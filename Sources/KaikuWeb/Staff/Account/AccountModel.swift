import Foundation
import KaikuCore
import KaikuStore

/// A staff member's own settings page: whether the monthly report comes to
/// them, and in which language. The form's values, a refused choice, and
/// whether it was just saved.
struct AccountModel: Sendable {
    var email: String
    var role: User.Role
    var receives: Bool
    var language: Language
    var justSaved = false
    /// The field a refused form names (`monthlyReport` or `language`).
    var errorField: String?
    /// Two-factor sign-in and personal API tokens.
    var security: AccountSecurityModel?

    init(email: String, role: User.Role, choice: ReportSubscription?, fallbackLanguage: Language) {
        self.email = email
        self.role = role
        receives = choice?.subscribed ?? ReportSubscriptions.receivesByDefault(role)
        language = choice.flatMap { Language(rawValue: $0.language) } ?? fallbackLanguage
    }

    /// The posted form as values, or the first field it gets wrong.
    struct Form: Sendable, Equatable {
        var receives: Bool
        var language: Language
    }

    static func parse(monthlyReport: String?, language: String?) -> Result<Form, FieldName> {
        guard let monthlyReport, ["on", "off"].contains(monthlyReport) else { return .failure(FieldName("monthlyReport")) }
        guard let language, let parsed = Language(rawValue: language) else { return .failure(FieldName("language")) }
        return .success(Form(receives: monthlyReport == "on", language: parsed))
    }

    struct FieldName: Error, Equatable {
        var name: String
        init(_ name: String) { self.name = name }
    }
}
