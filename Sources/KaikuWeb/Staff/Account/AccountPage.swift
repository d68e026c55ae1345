import Foundation
import KaikuCore

/// `/staff/account`: the monthly report, yes or no, and its language.
struct AccountPage {
    var context: PageContext
    var model: AccountModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.account)), title: t("account.title")).render {
            HTMLNode.h1 { t("account.title") }
            HTMLNode.p(.class("lead")) { t("account.lead", ["email": model.email]) }
            if model.justSaved { HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) { t("account.saved") } }
            if let field = model.errorField {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: field == "language" ? "f-language" : "f-monthlyReport-on",
                                      message: message(field))
            }
            HTMLNode.form(.method(.post), .action(.staff(.account)), .id("account-form"), .novalidate) {
                context.csrfField
                HTMLNode.fieldset(.class("question")) {
                    HTMLNode.legend { t("account.monthlyReport") }
                    HTMLNode.p(.id("f-monthlyReport-hint"), .class("hint")) {
                        model.role == .supervisor ? t("account.monthlyReport.hint.supervisor") : t("account.monthlyReport.hint.other")
                    }
                    if model.errorField == "monthlyReport" { fieldError("monthlyReport") }
                    radio("on", label: t("account.monthlyReport.on"), checked: model.receives)
                    radio("off", label: t("account.monthlyReport.off"), checked: !model.receives)
                }
                HTMLNode.div(.class("field" + (model.errorField == "language" ? " has-error" : ""))) {
                    HTMLNode.label(.for("f-language")) { t("account.language") }
                    if model.errorField == "language" { fieldError("language") }
                    HTMLNode.select([.id("f-language"), .name("language")] + (model.errorField == "language"
                        ? [.ariaInvalid("true"), .ariaDescribedBy("f-language-error")] : [])) {
                        for language in Language.allCases {
                            HTMLNode.option([.value(language.rawValue)] + (language == model.language ? [.selected] : [])) {
                                t("account.language.\(language.rawValue)")
                            }
                        }
                    }
                }
                HTMLNode.button(.type("submit"), .class("button")) { t("account.save") }
            }
            if let security = model.security { AccountSecuritySection(context: context, model: security).render() }
        }
    }

    private func radio(_ value: String, label: String, checked: Bool) -> HTMLNode {
        let describedBy = "f-monthlyReport-hint" + (model.errorField == "monthlyReport" ? " f-monthlyReport-error" : "")
        return .div(.class("option")) {
            HTMLNode.input([.type("radio"), .id("f-monthlyReport-\(value)"), .name("monthlyReport"), .value(value), .ariaDescribedBy(describedBy)]
                           + (checked ? [.checked] : []))
            HTMLNode.label(.for("f-monthlyReport-\(value)")) { label }
        }
    }

    private func fieldError(_ field: String) -> HTMLNode {
        .p(.id("f-\(field)-error"), .class("field-error")) {
            HTMLNode.span(.class("visually-hidden")) { context.t("form.error.prefix") }
            message(field)
        }
    }

    private func message(_ field: String) -> String {
        field == "language" ? context.t("account.error.language") : context.t("account.error.monthlyReport")
    }
}
