import Foundation
import KaikuCore

/// `/figures`: every organisation's units as a nested list, each linking to
/// its figures page with its NPS and n beside it, so that the pages can be
/// found and compared without knowing a code; a plain GET search narrows
/// the list to the units whose name matches.
struct PublicFiguresIndexPage {
    var context: PageContext
    var model: PublicFiguresIndexModel

    func render() -> String {
        let t = context.t
        return PageLayout(context, title: t("figures.index.title")).render {
            HTMLNode.h1 { t("figures.index.title") }
            HTMLNode.p(.class("lead")) { t("figures.index.lead") }
            HTMLNode.form(.method(.get), .action(.figures), .role("search"), .class("search")) {
                HTMLNode.input(.type("hidden"), .name("lang"), .value(context.language.rawValue))
                HTMLNode.label(.for("q"), .class("label")) { t("figures.index.search.label") }
                HTMLNode.div(.class("search-row")) {
                    HTMLNode.input(.type("search"), .id("q"), .name("q"), .value(model.query), .autocomplete("off"))
                    HTMLNode.button(.type("submit"), .class("button")) { t("figures.index.search.button") }
                }
            }
            HTMLNode.p(.class("hint")) { t("figures.index.period") }
            if model.query.isEmpty {
                for organisation in model.organisations {
                    HTMLNode.h2 { organisation.name }
                    list(organisation, parent: nil)
                }
            } else {
                results()
            }
        }
    }

    private func results() -> HTMLNode {
        let t = context.t
        let count = model.matchCount
        let heading = t(count == 1 ? "figures.index.results.one" : "figures.index.results",
                        ["count": FigureFormat.count(count, context.language), "query": model.query])
        return .div(.class("figures-results")) {
            HTMLNode.h2(.id("results")) { heading }
            if count == 0 {
                HTMLNode.p { t("figures.index.none") }
            }
            HTMLNode.p { HTMLNode.a(.href(SiteURL.figures.url(language: context.language))) { t("figures.index.all") } }
            for organisation in model.organisations where !organisation.matches.isEmpty {
                HTMLNode.h3 { organisation.name }
                HTMLNode.ul(.class("unit-tree")) {
                    for unit in organisation.matches { line(unit, minimumN: organisation.minimumN) }
                }
            }
        }
    }

    private func list(_ organisation: PublicFiguresIndexModel.Organisation, parent: String?) -> HTMLNode? {
        guard let units = organisation.children[parent], !units.isEmpty else { return nil }
        return .ul(.class("unit-tree")) {
            for unit in units {
                line(unit, minimumN: organisation.minimumN) { list(organisation, parent: unit.code) }
            }
        }
    }

    /// A unit's link and its figures in words: "NPS 42 · 120 answers", or why they are hidden.
    private func line(_ unit: PublicFiguresIndexModel.Entry, minimumN: Int, below: () -> HTMLNode? = { nil }) -> HTMLNode {
        let t = context.t
        let language = context.language
        return .li {
            HTMLNode.a(.href(unit.href)) { unit.name }
            " "
            HTMLNode.span(.class(unit.n == nil ? "unit-figures suppressed" : "unit-figures")) {
                if let n = unit.n {
                    if let nps = unit.nps { "\(t("widget.nps")) \(FigureFormat.nps(nps)) · " }
                    t(n == 1 ? "widget.answers.one" : "widget.answers", ["n": FigureFormat.count(n, language)])
                } else if unit.hidden == .complementary {
                    t("figures.suppressed.complementary")
                } else {
                    t("widget.fewerThan", ["n": FigureFormat.count(minimumN, language)])
                }
            }
            below()
        }
    }
}
