import Foundation
import KaikuCore

/// The SMS survey page: the last 30 days in figures, then the settings as a
/// form for an administrator of the whole organisation and as a list for
/// everyone else.
struct StaffSMSSurveyPage {
    var language: Language
    var catalogue: Catalogue
    var session: SessionToken
    var settings: SMSSurveySettingsController.SettingsDTO
    var activity: SMSSurveyActivity
    /// Reasons for not asking describe people (non-disclosure above all): small counts are not shown.
    var suppression: SuppressionPolicy
    /// Every unit of the organisation, for choosing.
    var units: [UnitOption]
    /// The names of the units taking part.
    var chosen: [String]
    var canChange: Bool
    var saved: Bool
    /// The field at fault and what to tell about it.
    var error: (field: String, message: String)?
    /// What was sent when it was refused, shown again for correcting.
    var form: StaffSMSSurveyController.SettingsForm?

    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalogue.text(key, language, arguments) }

    func render() -> String {
        let layout = StaffLayout(language: language, catalogue: catalogue, title: t("staff.sms.title"), path: "/staff/sms-survey", session: session)
        return layout.render {
            HTMLNode.h1 { t("staff.sms.title") }
            HTMLNode.p(.class("lead"), .id("survey-state")) { t(settings.enabled ? "staff.sms.on" : "staff.sms.off") }
            if saved { HTMLNode.p(.id("notice"), .class("notice"), .role("status")) { t("staff.sms.saved") } }
            if let error {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: inputID(error.field), message: error.message)
            }
            figures()
            if canChange { settingsForm() } else { settingsList() }
        }
    }

    private func figures() -> HTMLNode {
        .section(.ariaLabelledBy("activity-title")) {
            HTMLNode.h2(.id("activity-title")) { t("staff.sms.activity", ["days": String(StaffSMSSurveyController.activityDays)]) }
            HTMLNode.table(.id("activity")) {
                HTMLNode.caption { t("staff.sms.activity.caption") }
                HTMLNode.thead {
                    HTMLNode.tr {
                        HTMLNode.th(.scope("col")) { t("staff.sms.col.figure") }
                        HTMLNode.th(.scope("col")) { t("staff.sms.col.count") }
                    }
                }
                HTMLNode.tbody {
                    row("visits", String(activity.visits))
                    row("asked", String(activity.asked))
                    row("answered", String(activity.answered))
                    if let rate = activity.responseRatePercent { row("rate", t("staff.sms.rate", ["rate": String(rate)])) }
                    row("optedOut", String(activity.optedOut))
                    row("waiting", String(activity.waiting))
                    for reason in VisitSkip.allCases where activity.skipped[reason, default: 0] > 0 {
                        let count = activity.skipped[reason, default: 0]
                        row("skip.\(reason.rawValue)", suppression.allows(count)
                            ? String(count) : t("staff.sms.fewer", ["n": String(suppression.minimumN)]))
                    }
                }
            }
        }
    }

    private func row(_ key: String, _ value: String) -> HTMLNode {
        .tr(.data("figure", key)) {
            HTMLNode.th(.scope("row")) { t("staff.sms.figure.\(key)") }
            HTMLNode.td(.class("number")) { value }
        }
    }

    private var chosenUnits: Set<String> { Set(form?.units ?? settings.units) }

    private func settingsList() -> HTMLNode {
        .section(.ariaLabelledBy("settings-title")) {
            HTMLNode.h2(.id("settings-title")) { t("staff.sms.settings") }
            HTMLNode.dl(.id("settings")) {
                HTMLNode.dt { t("staff.sms.delay") }
                HTMLNode.dd { String(settings.delayMinutes) }
                HTMLNode.dt { t("staff.sms.quiet") }
                HTMLNode.dd { "\(settings.quietFrom)–\(settings.quietTo)" }
                HTMLNode.dt { t("staff.sms.oncePer") }
                HTMLNode.dd { String(settings.oncePerDays) }
                HTMLNode.dt { t("staff.sms.units") }
                HTMLNode.dd { chosen.isEmpty ? t("staff.sms.noUnits") : chosen.joined(separator: ", ") }
            }
            HTMLNode.p { t("staff.sms.adminOnly") }
        }
    }

    private func settingsForm() -> HTMLNode {
        .form(.method(.post), .action("/staff/sms-survey"), .id("settings-form"), .novalidate) {
            HTMLNode.h2 { t("staff.sms.settings") }
            StaffForm.csrf(session)
            HTMLNode.div(.class("option")) {
                HTMLNode.input([.type("checkbox"), .id("f-enabled"), .name("enabled"), .value("on")]
                            + ((form.map { $0.enabled != nil } ?? settings.enabled) ? [.checked] : []))
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
                for unit in units {
                    HTMLNode.div(.class("option depth-\(min(unit.depth, 6))")) {
                        HTMLNode.input([.type("checkbox"), .id("u-\(unit.code)"), .name("units[]"), .value(unit.code)]
                                    + (chosenUnits.contains(unit.code) ? [.checked] : []))
                        HTMLNode.label(.for("u-\(unit.code)")) { unit.name }
                    }
                }
            }
            HTMLNode.button(.type("submit"), .class("button")) { t("staff.sms.save") }
        }
    }

    private func input(_ name: String, type: String, label: String, value: String, extra: [HTMLAttribute] = []) -> HTMLNode {
        StaffForm.input(name, type: type, label: label, value: value, invalid: error.map { inputID($0.field) == "f-\(name)" } ?? false,
                        extra: extra)
    }

    /// The input a field's error links to; for the units, the first box to tick.
    func inputID(_ field: String) -> String {
        field == "units" ? units.first.map { "u-\($0.code)" } ?? "f-units" : "f-\(field)"
    }
}
