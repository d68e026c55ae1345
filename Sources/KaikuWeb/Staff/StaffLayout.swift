import Foundation
import KaikuCore

/// The frame of the staff pages: the public layout with the staff
/// navigation and a sign-out button, wider for tables.
struct StaffLayout {
    var language: Language
    var catalogue: Catalogue
    var title: String
    var path: String
    var query: [(String, String)] = []
    /// The signed-in user, or nil on the sign-in page.
    var session: SessionToken?

    func render(@HTMLBuilder main: () -> [HTMLNode]) -> String {
        let t = { (key: String) in catalogue.text(key, language) }
        var navigation: [HTMLNode] = []
        if let session {
            navigation = [.el("nav", .class("staff-nav"), .attr("aria-label", t("staff.nav.label"))) {
                HTMLNode.el("a", .href("/staff")) { t("staff.nav.inbox") }
                HTMLNode.el("a", .href("/staff/dashboard")) { t("staff.nav.dashboard") }
                if session.role != .analyst {
                    HTMLNode.el("a", .href("/staff/review")) { t("staff.nav.review") }
                    HTMLNode.el("a", .href("/staff/entry")) { t("staff.nav.entry") }
                }
                HTMLNode.el("a", .href("/staff/posters")) { t("staff.nav.posters") }
                if [.administrator, .supervisor].contains(session.role) {
                    HTMLNode.el("a", .href("/staff/kiosks")) { t("staff.nav.kiosks") }
                    HTMLNode.el("a", .href("/staff/sms-survey")) { t("staff.nav.smsSurvey") }
                }
                HTMLNode.el("span", .class("staff-user")) { session.email }
                HTMLNode.el("form", .attr("method", "post"), .attr("action", "/staff/logout"), .class("inline")) {
                    StaffForm.csrf(session)
                    HTMLNode.el("button", .type("submit"), .class("link-button")) { t("staff.nav.signOut") }
                }
            }]
        }
        let layout = PageLayout(language: language, title: title, catalogue: catalogue, path: path, query: query,
                                home: "/staff", navigation: navigation, bodyClass: "staff", footer: "staff.footer")
        return layout.render(main: main)
    }
}

/// Small pieces every staff form shares.
enum StaffForm {
    static func csrf(_ session: SessionToken) -> HTMLNode {
        .el("input", .type("hidden"), .name(StaffSession.csrfField), .value(session.csrf))
    }

    /// A labelled input named `name` with the id `f-name`, an optional hint
    /// it is described by, and marked invalid when the form's error is about it.
    static func input(_ name: String, type: String, label: String, value: String, hint: String? = nil, invalid: Bool = false,
                      extra: [HTMLAttribute] = []) -> HTMLNode {
        let id = "f-\(name)"
        var attributes: [HTMLAttribute] = [.type(type), .id(id), .name(name), .value(value)] + extra
        if hint != nil { attributes.append(.attr("aria-describedby", "\(id)-hint")) }
        if invalid { attributes.append(.attr("aria-invalid", "true")) }
        return .el("div", .class("field")) {
            HTMLNode.el("label", .for(id)) { label }
            if let hint { HTMLNode.el("p", .id("\(id)-hint"), .class("hint")) { hint } }
            HTMLNode.el("input", attributes)
        }
    }

    /// A labelled select; `options` are (value, label) pairs.
    static func select(_ name: String, label: String, options: [(String, String)], selected: String?, id: String? = nil) -> HTMLNode {
        let fieldID = id ?? "f-\(name)"
        return .el("div", .class("field")) {
            HTMLNode.el("label", .for(fieldID)) { label }
            HTMLNode.el("select", .id(fieldID), .name(name)) {
                for (value, text) in options {
                    HTMLNode.el("option", value == selected ? [.value(value), .flag("selected")] : [.value(value)]) { text }
                }
            }
        }
    }

    static func textarea(_ name: String, label: String, id: String, required: Bool = false, rows: Int = 4) -> HTMLNode {
        .el("div", .class("field")) {
            HTMLNode.el("label", .for(id)) { label }
            HTMLNode.el("textarea", [.id(id), .name(name), .attr("rows", String(rows)), .attr("maxlength", "4000")] + (required ? [.flag("required")] : []))
        }
    }

    /// Masked personal data shows as words in the page's language, not as tokens.
    static func unmaskTokens(_ text: String, catalogue: Catalogue, language: Language) -> String {
        MaskedKind.allCases.reduce(text) { $0.replacingOccurrences(of: $1.token, with: catalogue.text("mask.\($1.rawValue)", language)) }
    }

    static func date(_ date: Date, in zone: TimeZone, withTime: Bool = true) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = "\(c.day!).\(c.month!).\(c.year!)"
        return withTime ? day + " " + String(format: "%02d:%02d", c.hour!, c.minute!) : day
    }
}
