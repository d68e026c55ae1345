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
            HTMLNode.h2(.id("results-heading")) {
                query.isEmpty ? t("landing.all", ["count": String(model.matches.count)])
                    : t("landing.results", ["count": String(model.matches.count), "query": query])
            }
            if model.matches.isEmpty {
                HTMLNode.p { t("landing.none") }
            } else {
                HTMLNode.ul(.class("targets"), .ariaLabelledBy("results-heading")) {
                    for match in model.matches {
                        HTMLNode.li {
                            HTMLNode.a(.href(match.href)) { match.name }
                        }
                    }
                }
            }
        }
    }
}
