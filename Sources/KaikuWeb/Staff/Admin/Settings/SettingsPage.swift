import Foundation
import KaikuCore

/// `/staff/admin/settings`: the organisation's settings as one form, for
/// administrators of the whole organisation.
struct SettingsPage {
    var context: PageContext
    var model: SettingsModel

    /// The settings that are a box to tick, each with `admin.settings.{name}`, `.label` and `.hint` in the catalogues.
    static let checkboxes = ["benchmarking", "requireSecondFactor", "singleSignOnOnly"]

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.adminSettings)), title: t("admin.settings.title")).render {
            HTMLNode.h1 { t("admin.settings.title") }
            if model.justSaved { HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) { t("admin.settings.saved") } }
            if let field = model.errorField {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: model.inputID(field), message: message(field))
            }
            HTMLNode.form(.method(.post), .action(.staff(.adminSettings)), .id("settings-form"), .novalidate) {
                context.csrfField
                HTMLNode.fieldset(.class("question")) {
                    HTMLNode.legend { t("admin.settings.promise") }
                    number("promiseDays", label: t("admin.settings.promiseDays"), hint: nil, range: OrganisationSettings.promiseDayRange)
                    radios("promiseIn", legend: t("admin.settings.promiseIn"), hint: t("admin.settings.promiseIn.hint"), options: [
                        ("calendarDays", t("admin.settings.promiseIn.calendarDays")),
                        ("workingDays", t("admin.settings.promiseIn.workingDays")),
                    ])
                }
                number("retentionDays", label: t("admin.settings.retentionDays"), hint: t("admin.settings.retentionDays.hint"),
                       range: OrganisationSettings.retentionDayRange)
                number("minimumN", label: t("admin.settings.minimumN"), hint: t("admin.settings.minimumN.hint"), range: OrganisationSettings.minimumNRange)
                radios("publishOpenText", legend: t("admin.settings.publishOpenText"), hint: nil, options: [
                    ("afterReview", t("admin.settings.publishOpenText.afterReview")),
                    ("immediately", t("admin.settings.publishOpenText.immediately")),
                ])
                checkbox("benchmarking", checked: model.benchmarking)
                languages()
                checkbox("requireSecondFactor", checked: model.requireSecondFactor)
                checkbox("singleSignOnOnly", checked: model.singleSignOnOnly)
                HTMLNode.p(.id("identity-provider-link")) {
                    HTMLNode.a(.href(.staff(.adminIdentityProvider))) { t("admin.settings.identityProviderLink") }
                }
                HTMLNode.button(.type("submit"), .class("button")) { t("admin.settings.save") }
            }
        }
    }

    /// A setting that is on or off: its legend, box, label and hint from `admin.settings.{name}…`.
    private func checkbox(_ name: String, checked: Bool) -> HTMLNode {
        let t = context.t
        let id = "f-\(name)"
        let described = model.isInvalid(name) ? "\(id)-hint \(id)-error" : "\(id)-hint"
        return .fieldset(.class(model.isInvalid(name) ? "question has-error" : "question")) {
            HTMLNode.legend { t("admin.settings.\(name)") }
            if model.isInvalid(name) {
                HTMLNode.p(.id("\(id)-error"), .class("field-error")) {
                    HTMLNode.span(.class("visually-hidden")) { t("form.error.prefix") }
                    message(name)
                }
            }
            HTMLNode.div(.class("option")) {
                HTMLNode.input([.type("checkbox"), .id(id), .name(name), .value("on"), .ariaDescribedBy(described)] + (checked ? [.checked] : []))
                HTMLNode.label(.for(id)) { t("admin.settings.\(name).label") }
            }
            HTMLNode.p(.id("\(id)-hint"), .class("hint")) { t("admin.settings.\(name).hint") }
        }
    }

    private func message(_ field: String) -> String {
        let t = context.t
        switch field {
        case "promiseDays": return t("admin.settings.error.promiseDays")
        case "promiseIn": return t("admin.settings.error.promiseIn")
        case "retentionDays": return t("admin.settings.error.retentionDays")
        case "minimumN": return t("admin.settings.error.minimumN")
        case "publishOpenText": return t("admin.settings.error.publishOpenText")
        case "languages": return t("admin.settings.error.languages")
        case "singleSignOnOnly": return t("admin.settings.error.singleSignOnOnly")
        default: return t("admin.settings.error.other")
        }
    }

    /// The error line under a field, which its input is described by.
    private func fieldError(_ field: String) -> HTMLNode? {
        guard model.isInvalid(field) else { return nil }
        return .p(.id("f-\(field)-error"), .class("field-error")) {
            HTMLNode.span(.class("visually-hidden")) { context.t("form.error.prefix") }
            message(field)
        }
    }

    private func describedBy(_ field: String, hint: Bool) -> [HTMLAttribute] {
        let ids = (hint ? ["f-\(field)-hint"] : []) + (model.isInvalid(field) ? ["f-\(field)-error"] : [])
        return (ids.isEmpty ? [] : [.ariaDescribedBy(ids.joined(separator: " "))]) + (model.isInvalid(field) ? [.ariaInvalid("true")] : [])
    }

    private func number(_ field: String, label: String, hint: String?, range: ClosedRange<Int>) -> HTMLNode {
        .div(.class("field" + (model.isInvalid(field) ? " has-error" : ""))) {
            HTMLNode.label(.for("f-\(field)")) { label }
            if let hint { HTMLNode.p(.id("f-\(field)-hint"), .class("hint")) { hint } }
            fieldError(field)
            HTMLNode.input([.type("number"), .id("f-\(field)"), .name(field), .value(model.text(field)), .inputmode("numeric"),
                            .min(String(range.lowerBound)), .max(String(range.upperBound)), .class("short")] + describedBy(field, hint: hint != nil))
        }
    }

    private func radios(_ field: String, legend: String, hint: String?, options: [(String, String)]) -> HTMLNode {
        let chosen = model.text(field)
        return .fieldset(.class("question" + (model.isInvalid(field) ? " has-error" : "")), .id("f-\(field)")) {
            HTMLNode.legend { legend }
            if let hint { HTMLNode.p(.id("f-\(field)-hint"), .class("hint")) { hint } }
            fieldError(field)
            for (value, label) in options {
                HTMLNode.div(.class("option")) {
                    HTMLNode.input([.type("radio"), .id("f-\(field)-\(value)"), .name(field), .value(value)]
                                   + (chosen == value ? [.checked] : []) + describedBy(field, hint: hint != nil))
                    HTMLNode.label(.for("f-\(field)-\(value)")) { label }
                }
            }
        }
    }

    private func name(_ language: Language) -> String {
        switch language {
        case .fi: context.t("admin.settings.language.fi")
        case .sv: context.t("admin.settings.language.sv")
        case .en: context.t("admin.settings.language.en")
        }
    }

    private func languages() -> HTMLNode {
        let t = context.t
        return .fieldset(.class("question" + (model.isInvalid("languages") ? " has-error" : "")), .id("f-languages")) {
            HTMLNode.legend { t("admin.settings.languages") }
            HTMLNode.p(.id("f-languages-hint"), .class("hint")) { t("admin.settings.languages.hint") }
            fieldError("languages")
            for language in Language.allCases {
                HTMLNode.div(.class("option")) {
                    HTMLNode.input([.type("checkbox"), .id("f-languages-\(language.rawValue)"), .name("languages[]"), .value(language.rawValue)]
                                   + (model.offers(language) ? [.checked] : []) + (language == .fi ? [.disabled] : [])
                                   + describedBy("languages", hint: true))
                    HTMLNode.label(.for("f-languages-\(language.rawValue)")) { name(language) }
                }
            }
        }
    }
}
