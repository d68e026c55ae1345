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
    var units: [(code: String, name: String, depth: Int)]
    var targets: [(code: String, name: String)]
    var zone: TimeZone
    var issued: (name: String, code: String, expires: Date)?
    var error: String?
    var form: StaffKiosksController.RegistrationForm?

    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalogue.text(key, language, arguments) }

    func render() -> String {
        let layout = StaffLayout(language: language, catalogue: catalogue, title: t("staff.kiosks.title"), path: "/staff/kiosks", session: session)
        return layout.render {
            HTMLNode.el("h1") { t("staff.kiosks.title") }
            if let issued {
                HTMLNode.el("div", .id("notice"), .class("notice"), .attr("role", "status")) {
                    HTMLNode.el("p") { t("staff.kiosks.issued", ["kiosk": issued.name, "until": StaffForm.date(issued.expires, in: zone)]) }
                    HTMLNode.el("p", .class("pairing-code"), .id("pairing-code")) { issued.code }
                    HTMLNode.el("p") { t("staff.kiosks.howToPair") }
                }
            }
            if let error { HTMLNode.el("p", .id("error"), .class("error"), .attr("role", "alert")) { error } }
            table()
            if canRegister { registration() }
        }
    }

    private func table() -> HTMLNode {
        guard !devices.isEmpty else { return .el("p") { t("staff.kiosks.none") } }
        return .el("table", .id("kiosks")) {
            HTMLNode.el("caption") { t("staff.kiosks.caption") }
            HTMLNode.el("thead") {
                HTMLNode.el("tr") {
                    for key in ["name", "unit", "targets", "status", "lastSeen"] { HTMLNode.el("th", .attr("scope", "col")) { t("staff.kiosks.col.\(key)") } }
                    if canRegister { HTMLNode.el("th", .attr("scope", "col")) { t("staff.kiosks.col.pairing") } }
                }
            }
            HTMLNode.el("tbody") {
                for device in devices {
                    HTMLNode.el("tr", .attr("data-status", device.status.rawValue)) {
                        HTMLNode.el("th", .attr("scope", "row")) { device.name }
                        HTMLNode.el("td") { device.unit }
                        HTMLNode.el("td") { device.targets.joined(separator: ", ") }
                        HTMLNode.el("td") { t("staff.kiosks.status.\(device.status.rawValue)") }
                        HTMLNode.el("td") { (device.lastSeenAt ?? device.pairedAt).map { StaffForm.date($0, in: zone) } ?? "–" }
                        if canRegister {
                            HTMLNode.el("td") {
                                HTMLNode.el("form", .attr("method", "post"), .attr("action", "/staff/kiosks/\(device.id.uuidString)/pairing"), .class("inline")) {
                                    StaffForm.csrf(session)
                                    HTMLNode.el("button", .type("submit"), .class("link-button"), .attr("aria-label", t("staff.kiosks.newCodeFor", ["kiosk": device.name]))) {
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
        .el("form", .attr("method", "post"), .attr("action", "/staff/kiosks"), .id("register-form")) {
            HTMLNode.el("h2") { t("staff.kiosks.register") }
            StaffForm.csrf(session)
            HTMLNode.el("div", .class("field")) {
                HTMLNode.el("label", .for("f-name")) { t("staff.kiosks.name") }
                HTMLNode.el("input", .type("text"), .id("f-name"), .name("name"), .attr("maxlength", "100"), .value(form?.name ?? ""))
            }
            StaffForm.select("unit", label: t("staff.kiosks.unit"),
                             options: units.map { ($0.code, String(repeating: "– ", count: $0.depth) + $0.name) }, selected: form?.unit)
            HTMLNode.el("fieldset") {
                HTMLNode.el("legend") { t("staff.kiosks.targets") }
                for target in targets {
                    HTMLNode.el("div", .class("option")) {
                        HTMLNode.el("input", [.type("checkbox"), .id("t-\(target.code)"), .name("targets[]"), .value(target.code)]
                                    + ((form?.targets ?? []).contains(target.code) ? [.flag("checked")] : []))
                        HTMLNode.el("label", .for("t-\(target.code)")) { target.name }
                    }
                }
            }
            HTMLNode.el("div", .class("field")) {
                HTMLNode.el("label", .for("f-offline")) { t("staff.kiosks.offlineAfter") }
                HTMLNode.el("input", .type("number"), .id("f-offline"), .name("offlineAfterMinutes"), .attr("min", "2"), .attr("max", "10080"),
                            .value(form?.offlineAfterMinutes ?? "15"))
            }
            HTMLNode.el("button", .type("submit"), .class("button")) { t("staff.kiosks.registerButton") }
        }
    }
}
