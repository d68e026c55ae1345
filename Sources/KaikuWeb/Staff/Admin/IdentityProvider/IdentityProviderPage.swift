import Foundation
import KaikuCore
import KaikuStore

/// `/staff/admin/identity-provider`: one form — the provider, then who is
/// created at a first sign-in. Every text from `admin.identityProvider.*`.
struct IdentityProviderPage {
    var context: PageContext
    var model: IdentityProviderModel

    /// The fields whose label is `admin.identityProvider.{field}` and hint `….hint`.
    static let fields = ["enabled", "issuer", "clientId", "clientSecret", "trustEmailClaims", "provisioning", "defaultRole", "defaultUnit",
                         "groupClaim", "groupRules"]

    func render() -> String {
        let t = context.t
        let draft = model.draft
        return StaffLayout(context.at(.staff(.adminIdentityProvider)), title: t("admin.identityProvider.title")).render {
            HTMLNode.h1 { t("admin.identityProvider.title") }
            HTMLNode.p(.class("lead long-words")) { t("admin.identityProvider.lead", ["callback": callbackPath]) }
            if model.justSaved { HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) { t("admin.identityProvider.saved") } }
            if model.source == .environment { HTMLNode.p(.class("notice panel"), .id("from-environment")) { t("admin.identityProvider.fromEnvironment") } }
            if let problem = model.problem {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: "f-\(problem.field)", message: t(problem.key))
            }
            HTMLNode.form(.method(.post), .action(.staff(.adminIdentityProvider)), .id("identity-provider-form"), .novalidate) {
                context.csrfField
                HTMLNode.fieldset(.class("question")) {
                    HTMLNode.legend { t("admin.identityProvider.provider") }
                    checkbox("enabled", checked: draft.enabled)
                    text("issuer", value: draft.issuer, type: "url", extra: [.autocomplete("off")])
                    text("clientId", value: draft.clientID, type: "text", extra: [.autocomplete("off")])
                    text("clientSecret", value: "", type: "password", extra: [.autocomplete("new-password")],
                         hintKey: model.hasSecret ? "admin.identityProvider.clientSecret.keep" : "admin.identityProvider.clientSecret.hint")
                    checkbox("trustEmailClaims", checked: draft.trustsEmailClaims)
                }
                HTMLNode.fieldset(.class("question")) {
                    HTMLNode.legend { t("admin.identityProvider.newUsers") }
                    checkbox("provisioning", checked: draft.provisioning)
                    select("defaultRole", options: [("", t("admin.identityProvider.noDefault"))]
                        + User.Role.allCases.map { ($0.rawValue, t("staff.users.role.\($0.rawValue)")) }, selected: draft.defaultRole)
                    select("defaultUnit", options: [("", t("admin.identityProvider.noDefault"))]
                        + model.units.map { ($0.code, $0.name[context.language] + " (" + $0.code + ")") }, selected: draft.defaultUnit)
                    text("groupClaim", value: draft.groupClaim, type: "text", extra: [.autocomplete("off")])
                    rules()
                }
                HTMLNode.button(.type("submit"), .class("button")) { t("admin.identityProvider.save") }
            }
        }
    }

    private var callbackPath: String { SiteURL.staff(.oidcCallback).path }

    private func described(_ field: String) -> [HTMLAttribute] {
        let ids = ["f-\(field)-hint"] + (model.isInvalid(field) ? ["f-\(field)-error"] : [])
        return [.ariaDescribedBy(ids.joined(separator: " "))] + (model.isInvalid(field) ? [.ariaInvalid("true")] : [])
    }

    private func errorLine(_ field: String) -> HTMLNode? {
        guard let problem = model.problem, problem.field == field else { return nil }
        return .p(.id("f-\(field)-error"), .class("field-error")) {
            HTMLNode.span(.class("visually-hidden")) { context.t("form.error.prefix") }
            context.t(problem.key)
        }
    }

    private func fieldClass(_ field: String) -> HTMLAttribute { .class("field" + (model.isInvalid(field) ? " has-error" : "")) }

    private func text(_ field: String, value: String, type: String, extra: [HTMLAttribute], hintKey: String? = nil) -> HTMLNode {
        let t = context.t
        return .div(fieldClass(field)) {
            HTMLNode.label(.for("f-\(field)")) { t("admin.identityProvider.\(field)") }
            HTMLNode.p(.id("f-\(field)-hint"), .class("hint")) { t(hintKey ?? "admin.identityProvider.\(field).hint") }
            errorLine(field)
            HTMLNode.input([.type(type), .id("f-\(field)"), .name(field), .value(value)] + extra + described(field))
        }
    }

    private func checkbox(_ field: String, checked: Bool) -> HTMLNode {
        let t = context.t
        return .div(fieldClass(field)) {
            errorLine(field)
            HTMLNode.div(.class("option")) {
                HTMLNode.input([.type("checkbox"), .id("f-\(field)"), .name(field), .value("on")] + (checked ? [.checked] : []) + described(field))
                HTMLNode.label(.for("f-\(field)")) { t("admin.identityProvider.\(field)") }
            }
            HTMLNode.p(.id("f-\(field)-hint"), .class("hint")) { t("admin.identityProvider.\(field).hint") }
        }
    }

    private func select(_ field: String, options: [(String, String)], selected: String) -> HTMLNode {
        let t = context.t
        return .div(fieldClass(field)) {
            HTMLNode.label(.for("f-\(field)")) { t("admin.identityProvider.\(field)") }
            HTMLNode.p(.id("f-\(field)-hint"), .class("hint")) { t("admin.identityProvider.\(field).hint") }
            errorLine(field)
            HTMLNode.select([.id("f-\(field)"), .name(field)] + described(field)) {
                for (value, label) in options {
                    HTMLNode.option(value == selected ? [.value(value), .selected] : [.value(value)]) { label }
                }
            }
        }
    }

    private func rules() -> HTMLNode {
        let t = context.t
        return .div(fieldClass("groupRules")) {
            HTMLNode.label(.for("f-groupRules")) { t("admin.identityProvider.groupRules") }
            HTMLNode.p(.id("f-groupRules-hint"), .class("hint")) { t("admin.identityProvider.groupRules.hint") }
            errorLine("groupRules")
            HTMLNode.textarea([.id("f-groupRules"), .name("groupRules"), .rows(6), .maxlength(20_000), .attr("spellcheck", "false")] + described("groupRules")) {
                model.rulesText
            }
        }
    }
}
