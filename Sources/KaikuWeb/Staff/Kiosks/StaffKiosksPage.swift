import Foundation
import KaikuCore

/// The kiosks page: a table of devices with their status, and for
/// administrators the registration form and the code just issued.
struct StaffKiosksPage {
    var context: PageContext
    var model: StaffKiosksModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.kiosks)), title: t("staff.kiosks.title")).render {
            HTMLNode.h1 { t("staff.kiosks.title") }
            if let issued = model.issued {
                HTMLNode.div(.id("notice"), .class("notice"), .role("status")) {
                    HTMLNode.p { t("staff.kiosks.issued", ["kiosk": issued.name, "until": issued.until]) }
                    HTMLNode.p(.class("pairing-code"), .id("pairing-code")) { issued.code }
                    HTMLNode.p { t("staff.kiosks.howToPair") }
                }
            }
            if let error = model.error { HTMLNode.p(.id("error"), .class("error"), .role("alert")) { error } }
            table()
            if model.canRegister { registration() }
        }
    }

    private func table() -> HTMLNode {
        let t = context.t
        guard !model.devices.isEmpty else { return .p { t("staff.kiosks.none") } }
        return .table(.id("kiosks")) {
            HTMLNode.caption { t("staff.kiosks.caption") }
            HTMLNode.thead {
                HTMLNode.tr {
                    for key in ["name", "unit", "targets", "status", "lastSeen"] { HTMLNode.th(.scope("col")) { t("staff.kiosks.col.\(key)") } }
                    if model.canRegister { HTMLNode.th(.scope("col")) { t("staff.kiosks.col.pairing") } }
                }
            }
            HTMLNode.tbody {
                for device in model.devices {
                    HTMLNode.tr(.data("status", device.status.rawValue)) {
                        HTMLNode.th(.scope("row")) { device.name }
                        HTMLNode.td { device.unit }
                        HTMLNode.td { device.targets }
                        HTMLNode.td { t("staff.kiosks.status.\(device.status.rawValue)") }
                        HTMLNode.td { device.lastSeen }
                        if model.canRegister {
                            HTMLNode.td {
                                HTMLNode.form(.method(.post), .action(.staff(.kioskPairing(.value(device.id)))), .class("inline")) {
                                    context.csrfField
                                    HTMLNode.button(.type("submit"), .class("link-button"), .ariaLabel(t("staff.kiosks.newCodeFor", ["kiosk": device.name]))) {
                                        t("staff.kiosks.newCode")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func registration() -> HTMLNode {
        let t = context.t
        let form = model.form
        return .form(.method(.post), .action(.staff(.kiosks)), .id("register-form")) {
            HTMLNode.h2 { t("staff.kiosks.register") }
            context.csrfField
            HTMLNode.div(.class("field")) {
                HTMLNode.label(.for("f-name")) { t("staff.kiosks.name") }
                HTMLNode.input(.type("text"), .id("f-name"), .name("name"), .maxlength(100), .value(form?.name ?? ""))
            }
            StaffForm.select("unit", label: t("staff.kiosks.unit"),
                             options: model.unitChoices, selected: form?.unit)
            HTMLNode.fieldset {
                HTMLNode.legend { t("staff.kiosks.targets") }
                for target in model.targets {
                    HTMLNode.div(.class("option")) {
                        HTMLNode.input([.type("checkbox"), .id("t-\(target.code)"), .name("targets[]"), .value(target.code)]
                                    + (model.isChosen(target: target.code) ? [.checked] : []))
                        HTMLNode.label(.for("t-\(target.code)")) { target.name }
                    }
                }
            }
            HTMLNode.div(.class("field")) {
                HTMLNode.label(.for("f-offline")) { t("staff.kiosks.offlineAfter") }
                HTMLNode.input(.type("number"), .id("f-offline"), .name("offlineAfterMinutes"), .min("2"), .max("10080"),
                            .value(form?.offlineAfterMinutes ?? "15"))
            }
            HTMLNode.button(.type("submit"), .class("button")) { t("staff.kiosks.registerButton") }
        }
    }
}
