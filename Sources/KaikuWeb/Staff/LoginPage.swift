import Foundation
import KaikuCore

/// The staff sign-in page.
struct LoginPage {
    var language: Language
    var catalogue: Catalogue
    var csrf: String
    var next: String
    var email: String = ""
    /// Catalogue key of the reason the last attempt failed.
    var errorKey: String?
    var errorArguments: [String: String] = [:]

    func render() -> String {
        let t = { (key: String) in catalogue.text(key, language) }
        let layout = StaffLayout(language: language, catalogue: catalogue, title: t("staff.login.title"), path: "/staff/login", query: [("next", next)])
        return layout.render {
            HTMLNode.el("h1") { t("staff.login.title") }
            if let errorKey {
                HTMLNode.el("div", .class("error-summary"), .attr("role", "alert")) {
                    HTMLNode.el("p") { catalogue.text(errorKey, language, errorArguments) }
                }
            }
            HTMLNode.el("form", .attr("method", "post"), .attr("action", "/staff/login"), .class("login")) {
                HTMLNode.el("input", .type("hidden"), .name(StaffSession.csrfField), .value(csrf))
                HTMLNode.el("input", .type("hidden"), .name("next"), .value(next))
                HTMLNode.el("div", .class("text-field")) {
                    HTMLNode.el("label", .for("email"), .class("label")) { t("staff.login.email") }
                    HTMLNode.el("input", .id("email"), .name("email"), .type("email"), .value(email), .attr("autocomplete", "username"), .flag("required"))
                }
                HTMLNode.el("div", .class("text-field")) {
                    HTMLNode.el("label", .for("password"), .class("label")) { t("staff.login.password") }
                    HTMLNode.el("input", .id("password"), .name("password"), .type("password"), .attr("autocomplete", "current-password"), .flag("required"))
                }
                HTMLNode.el("button", .type("submit"), .class("button")) { t("staff.login.submit") }
            }
        }
    }
}
