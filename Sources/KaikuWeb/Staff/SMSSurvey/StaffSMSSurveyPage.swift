import Foundation
import KaikuCore

/// The SMS survey page: the last 30 days in figures, then the settings as a
/// form for an administrator of the whole organisation and as a list for
/// everyone else.
struct StaffSMSSurveyPage {
    var context: PageContext
    var model: StaffSMSSurveyModel

    private var settings: SMSSurveySettingsController.SettingsDTO { model.settings }

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.smsSurvey)), title: t("staff.sms.title")).render {
            HTMLNode.h1 { t("staff.sms.title") }
            HTMLNode.p(.class("lead"), .id("survey-state")) { t(settings.enabled ? "staff.sms.on" : "staff.sms.off") }
            if model.saved { HTMLNode.p(.id("notice"), .class("notice"), .role("status")) { t("staff.sms.saved") } }
            if let error = model.error {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: model.inputID(error.field), message: error.message)
            }
            figures()
            if model.canChange { settingsForm() } else { settingsList() }
        }
    }

    private func figures() -> HTMLNode {
        let t = context.t
        return .section(.ariaLabelledBy("activity-title")) {
            HTMLNode.h2(.id("activity-title")) { t("staff.sms.activity", ["days": String(model.days)]) }
            HTMLNode.table(.id("activity")) {
                HTMLNode.caption { t("staff.sms.activity.caption") }
                HTMLNode.thead {
                    HTMLNode.tr {
                        HTMLNode.th(.scope("col")) { t("staff.sms.col.figure") }
                        HTMLNode.th(.scope("col")) { t("staff.sms.col.count") }
                    }
                }
                HTMLNode.tbody {
                    for figure in model.figures {
                        switch figure.value {
                        case .count(let count): row(figure.key, String(count))
                        case .rate(let percent): row(figure.key, t("staff.sms.rate", ["rate": String(percent)]))
                        case .fewer(let minimum): row(figure.key, t("staff.sms.fewer", ["n": String(minimum)]))
                        }
                    }
                }
            }
        }
    }

    private func row(_ key: String, _ value: String) -> HTMLNode {
        let t = context.t
        return .tr(.data("figure", key)) {
            HTMLNode.th(.scope("row")) { t("staff.sms.figure.\(key)") }
            HTMLNode.td(.class("number")) { value }
        }
    }

    private func settingsList() -> HTMLNode {
        let t = context.t
        return .section(.ariaLabelledBy("settings-title")) {
            HTMLNode.h2(.id("settings-title")) { t("staff.sms.settings") }
            HTMLNode.dl(.id("settings")) {
                HTMLNode.dt { t("staff.sms.delay") }
                HTMLNode.dd { String(settings.delayMinutes) }
                HTMLNode.dt { t("staff.sms.quiet") }
                HTMLNode.dd { "\(settings.quietFrom)–\(settings.quietTo)" }
                HTMLNode.dt { t("staff.sms.oncePer") }
                HTMLNode.dd { String(settings.oncePerDays) }
                HTMLNode.dt { t("staff.sms.units") }
                HTMLNode.dd { model.chosen.isEmpty ? t("staff.sms.noUnits") : model.chosen.joined(separator: ", ") }
            }
            HTMLNode.p { t("staff.sms.adminOnly") }
        }
    }

    private func settingsForm() -> HTMLNode {
        let t = context.t
        let form = model.form
        return .form(.method(.post), .action(.staff(.smsSurvey)), .id("settings-form"), .novalidate) {
            HTMLNode.h2 { t("staff.sms.settings") }
            context.csrfField
            HTMLNode.div(.class("option")) {
                HTMLNode.input([.type("checkbox"), .id("f-enabled"), .name("enabled"), .value("on")]
                            + (model.enabled ? [.checked] : []))
                HTMLNode.label(.for("f-enabled")) { t("staff.sms.enabled") }
            }
            input("delayMinutes", type: "number", label: t("staff.sms.delay"), value: form?.delayMinutes ?? String(settings.delayMinutes),
                  extra: [.min("0"), .max("20160")])
            HTMLNode.fieldset(.class("inline-options")) {
                HTMLNode.legend { t("staff.sms.quiet") }
                input("quietFrom", type: "time", label: t("staff.sms.quietFrom"), value: form?.quietFrom ?? settings.quietFrom)
                input("quietTo", type: "time", label: t("staff.sms.quietTo"), value: form?.quietTo ?? settings.quietTo)
            }
            input("oncePerDays", type: "number", label: t("staff.sms.oncePer"), value: form?.oncePerDays ?? String(settings.oncePerDays),
                  extra: [.min("1"), .max("3650")])
            HTMLNode.fieldset(.id("f-units")) {
                HTMLNode.legend { t("staff.sms.unitsLegend") }
                for unit in model.units {
                    HTMLNode.div(.class("option depth-\(min(unit.depth, 6))")) {
                        HTMLNode.input([.type("checkbox"), .id("u-\(unit.code)"), .name("units[]"), .value(unit.code)]
                                    + (model.chosenUnits.contains(unit.code) ? [.checked] : []))
                        HTMLNode.label(.for("u-\(unit.code)")) { unit.name }
                    }
                }
            }
            HTMLNode.button(.type("submit"), .class("button")) { t("staff.sms.save") }
        }
    }

    private func input(_ name: String, type: String, label: String, value: String, extra: [HTMLAttribute] = []) -> HTMLNode {
        StaffForm.input(name, type: type, label: label, value: value, invalid: model.error.map { model.inputID($0.field) == "f-\(name)" } ?? false,
                        extra: extra)
    }
}
