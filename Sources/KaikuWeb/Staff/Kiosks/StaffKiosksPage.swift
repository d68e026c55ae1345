import Foundation
import KaikuCore

/// The kiosks page: a table of devices with their status, and for
/// administrators the registration form and the code just issued.
struct StaffKiosksPage {
    var language: Language
    var catalogue: Catalogue
    var session: SessionToken
    var devices: [KiosksController.DeviceDTO]
    var canRegister: Bool
    var units: [UnitOption]
    var targets: [(code: String, name: String)]
    var zone: TimeZone
    var issued: (name: String, code: String, expires: Date)?
    var error: String?
    var form: StaffKiosksController.RegistrationForm?

    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalogue.text(key, language, arguments) }

    func render() -> String {
        let layout = StaffLayout(language: language, catalogue: catalogue, title: t("staff.kiosks.title"), path: "/staff/kiosks", session: session)
        return layout.render {
            HTMLNode.h1 { t("staff.kiosks.title") }
            if let issued {
                HTMLNode.div(.id("notice"), .class("notice"), .role("status")) {
                    HTMLNode.p { t("staff.kiosks.issued", ["kiosk": issued.name, "until": StaffForm.date(issued.expires, in: zone)]) }
                    HTMLNode.p(.class("pairing-code"), .id("pairing-code")) { issued.code }
                    HTMLNode.p { t("staff.kiosks.howToPair") }
                }
            }
            if let error { HTMLNode.p(.id("error"), .class("error"), .role("alert")) { error } }
            table()
            if canRegister { registration() }
        }
    }

    private func table() -> HTMLNode {
        guard !devices.isEmpty else { return .p { t("staff.kiosks.none") } }
        return .table(.id("kiosks")) {
            HTMLNode.caption { t("staff.kiosks.caption") }
            HTMLNode.thead {
                HTMLNode.tr {
                    for key in ["name", "unit", "targets", "status", "lastSeen"] { HTMLNode.th(.scope("col")) { t("staff.kiosks.col.\(key)") } }
                    if canRegister { HTMLNode.th(.scope("col")) { t("staff.kiosks.col.pairing") } }
                }
            }
            HTMLNode.tbody {
                for device in devices {
                    HTMLNode.tr(.data("status", device.status.rawValue)) {
                        HTMLNode.th(.scope("row")) { device.name }
                        HTMLNode.td { device.unit }
                        HTMLNode.td { device.targets.joined(separator: ", ") }
                        HTMLNode.td { t("staff.kiosks.status.\(device.status.rawValue)") }
                        HTMLNode.td { (device.lastSeenAt ?? device.pairedAt).map { StaffForm.date($0, in: zone) } ?? "–" }
                        if canRegister {
                            HTMLNode.td {
                                HTMLNode.form(.method(.post), .action("/staff/kiosks/\(device.id.uuidString)/pairing"), .class("inline")) {
                                    StaffForm.csrf(session)
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
        .form(.method(.post), .action("/staff/kiosks"), .id("register-form")) {
            HTMLNode.h2 { t("staff.kiosks.register") }
            StaffForm.csrf(session)
            HTMLNode.div(.class("field")) {
                HTMLNode.label(.for("f-name")) { t("staff.kiosks.name") }
                HTMLNode.input(.type("text"), .id("f-name"), .name("name"), .maxlength(100), .value(form?.name ?? ""))
            }
            StaffForm.select("unit", label: t("staff.kiosks.unit"),
                             options: units.map { ($0.code, String(repeating: "– ", count: $0.depth) + $0.name) }, selected: form?.unit)
            HTMLNode.fieldset {
                HTMLNode.legend { t("staff.kiosks.targets") }
                for target in targets {
                    HTMLNode.div(.class("option")) {
                        HTMLNode.input([.type("checkbox"), .id("t-\(target.code)"), .name("targets[]"), .value(target.code)]
                                    + ((form?.targets ?? []).contains(target.code) ? [.checked] : []))
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
