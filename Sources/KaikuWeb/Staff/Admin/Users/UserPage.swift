import Foundation
import KaikuCore
import KaikuStore

/// A user's administration page: their details to change, and the access
/// steps (deactivate or reactivate, unlock, password link, sign out
/// everywhere) — or, for a step that asks first, its confirmation.
struct UserPage {
    var context: PageContext
    var model: UserModel

    func render() -> String {
        let t = context.t
        let here = context.at(.staff(.adminUser(.value(model.id))))
        if let action = model.confirming {
            return StaffLayout(here, title: confirmTitle(action)).render { confirmation(action) }
        }
        return StaffLayout(here, title: model.title).render {
            HTMLNode.p { HTMLNode.a(.href(.staff(.adminUsers))) { t("staff.users.back") } }
            HTMLNode.h1 { model.title }
            if let notice = model.notice {
                HTMLNode.p(.id("notice"), .class("notice"), .role("status")) { t("staff.users.done.\(notice.rawValue)", ["email": model.email]) }
            }
            if let problem = model.problem {
                HTMLNode.errorSummary(title: t("staff.users.error.title"), fieldID: UserFormFields.id(problem.field), message: problem.message)
            }
            summary
            detailsForm
            access
        }
    }

    private var summary: HTMLNode {
        let t = context.t
        return .dl(.class("status"), .id("user-summary")) {
            HTMLNode.dt { t("staff.users.email") }
            HTMLNode.dd { model.email }
            HTMLNode.dt { t("staff.users.role") }
            HTMLNode.dd { t("staff.users.role.\(model.role)") }
            HTMLNode.dt { t("staff.users.unit") }
            HTMLNode.dd { model.unitName }
            HTMLNode.dt { t("staff.users.state") }
            HTMLNode.dd(.id("user-state")) { t("staff.users.state.\(model.state.rawValue)") }
            HTMLNode.dt { t("staff.users.created") }
            HTMLNode.dd { model.created }
        }
    }

    private var detailsForm: HTMLNode {
        let t = context.t
        let form = model.form
        let error = { (field: String) in model.problem.flatMap { $0.field == field ? $0.message : nil } }
        let roles = User.Role.allCases.map { ($0.rawValue, t("staff.users.role.\($0.rawValue)")) }
        return .section(.ariaLabelledBy("details-title")) {
            HTMLNode.h2(.id("details-title")) { t("staff.users.details.title") }
            HTMLNode.form(.method(.post), .action(.staff(.adminUserAction(.value(model.id), .details))), .id("details-form"), .class("user-form"), .novalidate) {
                context.csrfField
                UserFormFields.input("name", type: "text", label: t("staff.users.add.name"), value: form.name ?? "", error: error("name"),
                                     extra: [.maxlength(200), .autocomplete("off")])
                if model.canChangeRoleAndUnit {
                    UserFormFields.select("role", label: t("staff.users.role"), options: roles, selected: form.role, error: error("role"))
                    UserFormFields.select("unit", label: t("staff.users.unit"), options: model.unitChoices, selected: form.unit, error: error("unit"))
                } else {
                    HTMLNode.p(.class("hint"), .id("self-note")) { t("staff.users.details.selfNote") }
                }
                if model.offersBreakGlass {
                    HTMLNode.div(.class("option")) {
                        HTMLNode.input([.type("checkbox"), .id("f-breakGlass"), .name("breakGlass"), .value("on"), .ariaDescribedBy("f-breakGlass-hint")]
                                       + (form.breakGlass != nil ? [.checked] : []))
                        HTMLNode.label(.for("f-breakGlass")) { t("staff.users.breakGlass") }
                    }
                    HTMLNode.p(.class("hint"), .id("f-breakGlass-hint")) { t("staff.users.breakGlass.hint") }
                }
                HTMLNode.button(.type("submit"), .class("button")) { t("staff.users.details.save") }
            }
        }
    }

    private var access: HTMLNode {
        let t = context.t
        return .section(.ariaLabelledBy("access-title"), .class("user-access")) {
            HTMLNode.h2(.id("access-title")) { t("staff.users.access.title") }
            for action in model.actions {
                HTMLNode.form(.method(.post), .action(.staff(.adminUserAction(.value(model.id), action))), .class("user-action"),
                              .id("action-\(action.rawValue)")) {
                    context.csrfField
                    HTMLNode.button(.type("submit"), .class(action == .deactivate ? "button secondary" : "button")) { actionLabel(action) }
                }
            }
        }
    }

    private func confirmation(_ action: SiteURL.UserFormAction) -> HTMLNode {
        let t = context.t
        let languages = Language.allCases.map { ($0.rawValue, context.catalogue.text("language.name", $0)) }
        return .section(.ariaLabelledBy("confirm-title"), .id("confirmation")) {
            HTMLNode.h1(.id("confirm-title")) { confirmTitle(action) }
            HTMLNode.p(.id("confirm-text")) { confirmText(action) }
            HTMLNode.form(.method(.post), .action(.staff(.adminUserAction(.value(model.id), action))), .id("confirm-form")) {
                context.csrfField
                HTMLNode.input(.type("hidden"), .name("confirm"), .value("yes"))
                if action == .passwordReset {
                    UserFormFields.select("language", label: t("staff.users.add.language"), options: languages, selected: context.language.rawValue)
                }
                HTMLNode.button(.type("submit"), .class("button")) { actionLabel(action) }
            }
            HTMLNode.p { HTMLNode.a(.href(.staff(.adminUser(.value(model.id)))), .id("confirm-cancel")) { t("staff.users.confirm.cancel") } }
        }
    }

    private func actionLabel(_ action: SiteURL.UserFormAction) -> String {
        let t = context.t
        switch action {
        case .details: return t("staff.users.details.save")
        case .deactivate: return t("staff.users.action.deactivate")
        case .reactivate: return t("staff.users.action.reactivate")
        case .unlock: return t("staff.users.action.unlock")
        case .passwordReset: return model.state == .invited ? t("staff.users.action.invitation") : t("staff.users.action.passwordReset")
        case .endSessions: return t("staff.users.action.endSessions")
        }
    }

    private func confirmTitle(_ action: SiteURL.UserFormAction) -> String {
        let t = context.t
        let user = ["user": model.title]
        switch action {
        case .deactivate: return t("staff.users.confirm.deactivate.title", user)
        case .endSessions: return t("staff.users.confirm.endSessions.title", user)
        case .passwordReset where model.state == .invited: return t("staff.users.confirm.invitation.title", user)
        case .passwordReset: return t("staff.users.confirm.passwordReset.title", user)
        case .details, .reactivate, .unlock: return actionLabel(action)
        }
    }

    private func confirmText(_ action: SiteURL.UserFormAction) -> String {
        let t = context.t
        let user = ["user": model.title]
        switch action {
        case .deactivate: return t("staff.users.confirm.deactivate.body", user)
        case .endSessions: return t("staff.users.confirm.endSessions.body", user)
        case .passwordReset where model.state == .invited: return t("staff.users.confirm.invitation.body", user)
        case .passwordReset: return t("staff.users.confirm.passwordReset.body", user)
        case .details, .reactivate, .unlock: return ""
        }
    }
}
