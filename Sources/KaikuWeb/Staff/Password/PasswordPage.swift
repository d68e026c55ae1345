import Foundation
import KaikuCore
import KaikuStore

/// The page of a one-time password link: a new password typed twice, with
/// the rules it must meet shown before it is typed; or a clear word that
/// the link no longer works; or, once set, the way to sign in.
struct PasswordPage {
    var context: PageContext
    var model: PasswordModel

    func render() -> String {
        let t = context.t
        switch model.state {
        case .form(let email, let purpose):
            let title = purpose == .invitation ? t("staff.password.title.invitation") : t("staff.password.title.reset")
            return StaffLayout(context.at(.staff(.password(.value(model.token)))), title: title).render {
                HTMLNode.h1 { title }
                form(email: email, purpose: purpose)
            }
        case .spent:
            return StaffLayout(context, title: t("staff.password.spent.title")).render {
                HTMLNode.h1 { t("staff.password.spent.title") }
                HTMLNode.p(.id("password-spent")) { t("staff.password.spent.body") }
                HTMLNode.p { HTMLNode.a(.href(.staff(.login))) { t("staff.password.toSignIn") } }
            }
        case .throttled(let seconds):
            return StaffLayout(context, title: t("staff.password.spent.title")).render {
                HTMLNode.h1 { t("staff.password.spent.title") }
                HTMLNode.p(.id("password-throttled"), .role("alert")) { t("staff.password.throttled", ["seconds": String(seconds)]) }
            }
        case .done:
            return StaffLayout(context.at(.staff(.passwordSet)), title: t("staff.password.done.title")).render {
                HTMLNode.h1 { t("staff.password.done.title") }
                HTMLNode.p(.id("password-done"), .role("status")) { t("staff.password.done.body") }
                HTMLNode.p { HTMLNode.a(.href(.staff(.login)), .class("button")) { t("staff.password.toSignIn") } }
            }
        }
    }

    private func form(email: String, purpose: PasswordToken.Purpose) -> HTMLNode {
        let t = context.t
        let refusal = model.refusal
        let message = refusal.map(self.message)
        let wrong = refusal.map(PasswordModel.field(of:))
        return .div {
            HTMLNode.p(.class("lead")) {
                purpose == .invitation ? t("staff.password.lead.invitation", ["email": email]) : t("staff.password.lead.reset", ["email": email])
            }
            if let message, let wrong {
                HTMLNode.errorSummary(title: t("staff.password.error.title"), fieldID: UserFormFields.id(wrong), message: message)
            }
            HTMLNode.div(.id("password-rules")) {
                HTMLNode.p { t("staff.password.rules.title") }
                HTMLNode.ul {
                    HTMLNode.li { t("staff.password.rule.length", ["min": String(PasswordPolicy.minimumLength)]) }
                    HTMLNode.li { t("staff.password.rule.bytes", ["max": String(PasswordPolicy.maximumBytes)]) }
                    HTMLNode.li { t("staff.password.rule.repetitive") }
                    HTMLNode.li { t("staff.password.rule.common") }
                }
            }
            HTMLNode.form(.method(.post), .action(.staff(.password(.value(model.token)))), .class("login"), .id("password-form"), .novalidate) {
                UserFormFields.input("email", type: "email", label: t("staff.login.email"), value: email,
                                     extra: [.autocomplete("username"), .attr("readonly", nil)])
                passwordField(name: "password", label: t("staff.password.new"), error: wrong == "password" ? message : nil, rules: true)
                passwordField(name: "again", label: t("staff.password.again"), error: wrong == "again" ? message : nil, rules: false)
                HTMLNode.button(.type("submit"), .class("button")) { t("staff.password.submit") }
            }
        }
    }

    private func passwordField(name: String, label: String, error: String?, rules: Bool) -> HTMLNode {
        let id = UserFormFields.id(name)
        let described = ([rules ? "password-rules" : nil, error == nil ? nil : "\(id)-error"]).compactMap { $0 }
        return .div(.class(error == nil ? "field" : "field has-error")) {
            HTMLNode.label(.for(id)) { label }
            if let error { HTMLNode.p(.id("\(id)-error"), .class("field-error")) { error } }
            HTMLNode.input([.type("password"), .id(id), .name(name), .autocomplete("new-password"), .required]
                        + (described.isEmpty ? [] : [.ariaDescribedBy(described.joined(separator: " "))])
                        + (error == nil ? [] : [.ariaInvalid("true")]))
        }
    }

    private func message(_ refusal: PasswordModel.Refusal) -> String {
        let t = context.t
        switch refusal {
        case .mismatch: return t("staff.password.error.mismatch")
        case .policy(.tooShort): return t("staff.password.error.tooShort", ["min": String(PasswordPolicy.minimumLength)])
        case .policy(.tooLong): return t("staff.password.error.tooLong", ["max": String(PasswordPolicy.maximumBytes)])
        case .policy(.repetitive): return t("staff.password.error.repetitive")
        case .policy(.common): return t("staff.password.error.common")
        case .policy(.commonWord): return t("staff.password.error.commonWord")
        }
    }
}
