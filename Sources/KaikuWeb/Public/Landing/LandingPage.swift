import Foundation
import KaikuCore

/// Where a customer finds the place they visited by typing part of its name.
struct LandingPage {
    var context: PageContext
    var model: LandingModel

    func render() -> String {
        let t = context.t
        let query = model.query
        return PageLayout(context, title: t("landing.title")).render {
            HTMLNode.h1 { t("landing.title") }
            HTMLNode.p(.class("lead")) { t("landing.intro") }
            HTMLNode.form(.method(.get), .action(.home), .role("search"), .class("search")) {
                HTMLNode.input(.type("hidden"), .name("lang"), .value(context.language.rawValue))
                HTMLNode.label(.for("q"), .class("label")) { t("landing.search.label") }
                HTMLNode.p(.id("q-hint"), .class("hint")) { t("landing.search.hint") }
                HTMLNode.div(.class("search-row")) {
                    HTMLNode.input(.type("search"), .id("q"), .name("q"), .value(query), .ariaDescribedBy("q-hint"), .autocomplete("off"))
                    HTMLNode.button(.type("submit"), .class("button")) { t("landing.search.button") }
                }
            }
            // The templates let the type-ahead script (search.js) say the same in the page's language.
            HTMLNode.div(.id("results"), .data("all", t("landing.all", ["count": "{count}"])),
                         .data("found", t("landing.results", ["count": "{count}", "query": "{query}"])),
                         .data("none", t("landing.none"))) {
                HTMLNode.h2(.id("results-heading")) {
                    query.isEmpty ? t("landing.all", ["count": String(model.matches.count)])
                        : t("landing.results", ["count": String(model.matches.count), "query": query])
                }
                if model.matches.isEmpty {
                    HTMLNode.p { t("landing.none") }
                }
                for (index, group) in model.groups.enumerated() {
                    HTMLNode.section(.ariaLabelledBy("area-\(index)"), .class("target-group")) {
                        HTMLNode.h3(.id("area-\(index)")) { group.title }
                        HTMLNode.ul(.class("targets")) {
                            for match in group.matches {
                                HTMLNode.li { HTMLNode.a(.href(match.href)) { match.name } }
                            }
                        }
                    }
                }
            }
            HTMLNode.p(.id("results-status"), .class("visually-hidden"), .role("status")) { "" }
            HTMLNode.script(.src(SiteURL.landingScript.path), .defer)
        }
    }
}
