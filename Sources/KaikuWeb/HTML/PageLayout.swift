import Foundation
import KaikuCore

/// The frame of every public page: language, skip link, language switcher.
struct PageLayout {
    var language: Language
    var title: String
    var catalogue: Catalogue
    /// Path and query of this page without `lang`, so the switcher keeps the customer where they are.
    var path: String
    var query: [(String, String)] = []
    /// Where the name in the header leads: the public start page, or the staff inbox.
    var home: String = "/"
    /// Links and forms in the header after the name, e.g. the staff navigation.
    var navigation: [HTMLNode] = []
    var bodyClass: String?
    var footer: String = "layout.footer"

    func render(@HTMLBuilder main: () -> [HTMLNode]) -> String {
        let t = { (key: String) in catalogue.text(key, language) }
        let document = HTMLNode.el("html", .lang(language.rawValue)) {
            HTMLNode.el("head") {
                HTMLNode.el("meta", .attr("charset", "utf-8"))
                HTMLNode.el("meta", .name("viewport"), .attr("content", "width=device-width, initial-scale=1"))
                HTMLNode.el("title") { "\(title) – \(t("site.name"))" }
                HTMLNode.el("link", .attr("rel", "stylesheet"), .href("/styles.css"))
            }
            HTMLNode.el("body", bodyClass.map { [HTMLAttribute.class($0)] } ?? []) {
                HTMLNode.el("a", .class("skip-link"), .href("#main")) { t("layout.skip") }
                HTMLNode.el("header", .class("site-header")) {
                    HTMLNode.el("a", .class("brand"), .href("\(home)?lang=\(language.rawValue)")) { t("site.name") }
                    navigation
                    languageSwitcher(t)
                }
                HTMLNode.el("main", .id("main"), .attr("tabindex", "-1")) { main() }
                HTMLNode.el("footer", .class("site-footer")) {
                    HTMLNode.el("p") { t(footer) }
                }
            }
        }
        return "<!DOCTYPE html>\n" + document.render()
    }

    private func languageSwitcher(_ t: (String) -> String) -> HTMLNode {
        .el("nav", .attr("aria-label", t("layout.languages"))) {
            HTMLNode.el("ul", .class("languages")) {
                for other in Language.allCases {
                    HTMLNode.el("li") {
                        if other == language {
                            HTMLNode.el("span", .lang(other.rawValue), .attr("aria-current", "true")) { catalogue.text("language.name", other) }
                        } else {
                            HTMLNode.el("a", .href(link(for: other)), .attr("hreflang", other.rawValue), .lang(other.rawValue)) {
                                catalogue.text("language.name", other)
                            }
                        }
                    }
                }
            }
        }
    }

    func link(for other: Language) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } + [URLQueryItem(name: "lang", value: other.rawValue)]
        return components.string ?? path
    }
}
