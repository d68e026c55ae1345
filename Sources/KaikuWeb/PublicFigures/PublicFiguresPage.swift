import Foundation
import KaikuCore

/// `/figures/units/{code}` and `/figures/targets/{code}`: a unit's figures
/// for two periods, its child units, how to read them, and the snippet a
/// county's web editor copies to show them on their own site. Every number
/// is in text; the bars only repeat it for the eye.
struct PublicFiguresPage {
    var model: PublicFiguresModel
    var catalogue: Catalogue
    /// Scheme and host the snippet points to, e.g. `https://palaute.example.fi`.
    var baseURL: String

    private var language: Language { model.language }
    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalogue.text(key, language, arguments) }
    private var lang: String { "lang=\(language.rawValue)" }

    func render() -> String {
        let layout = PageLayout(language: language, title: t("figures.title", ["name": model.title]), catalogue: catalogue,
                                path: model.pagePath, query: model.query, bodyClass: "figures-page")
        return layout.render {
            HTMLNode.el("p", .class("organisation")) { model.organisationName }
            HTMLNode.el("h1") { t("figures.title", ["name": model.title]) }
            HTMLNode.el("p", .class("lead")) { t("figures.lead", ["n": String(model.minimumN)]) }
            if model.target != nil {
                HTMLNode.el("p") {
                    t("figures.targetUnit") + " "
                    HTMLNode.el("a", .href(PublicFiguresModel.unitAddress(model.unitCode, organisation: model.organisationCode, language: language))) {
                        model.unitName
                    }
                }
            }
            for period in model.periods {
                PublicPeriodSection(period: period, unitName: model.unitName, organisationCode: model.organisationCode, minimumN: model.minimumN,
                                    language: language, catalogue: catalogue).render()
            }
            feedbackLinks()
            HTMLNode.el("section", .class("figures-about"), .attr("aria-labelledby", "about")) {
                HTMLNode.el("h2", .id("about")) { t("figures.about.title") }
                HTMLNode.el("p") { t("figures.about.nps") }
                HTMLNode.el("p") { t("figures.about.statements") }
                HTMLNode.el("p") { t("figures.about.source", ["n": String(model.minimumN)]) }
                HTMLNode.el("p") { t("figures.about.suppression", ["n": String(model.minimumN)]) }
            }
            embed()
        }
    }

    private func feedbackLinks() -> HTMLNode {
        let targets = model.target.map { [$0] } ?? model.targets
        return .el("section", .attr("aria-labelledby", "give-feedback")) {
            HTMLNode.el("h2", .id("give-feedback")) { t("figures.feedback.title") }
            if targets.isEmpty {
                HTMLNode.el("p") { HTMLNode.el("a", .href("/?\(lang)")) { t("figures.feedback.search") } }
            } else {
                HTMLNode.el("ul") {
                    for target in targets {
                        HTMLNode.el("li") { HTMLNode.el("a", .href("/f/\(target.code)?\(lang)")) { target.name } }
                    }
                }
            }
        }
    }

    /// The iframe snippet and the JSON address, escaped, ready to copy.
    private func embed() -> HTMLNode {
        let base = baseURL.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let title = catalogue.text("widget.title", language, ["name": model.title])
        let snippet = "<iframe src=\"\(HTMLNode.escape(base + model.address(model.widgetPath)))\" title=\"\(HTMLNode.escape(title))\" "
            + "width=\"320\" height=\"260\" style=\"border:0\" loading=\"lazy\"></iframe>"
        return .el("section", .class("figures-embed"), .attr("aria-labelledby", "embed")) {
            HTMLNode.el("h2", .id("embed")) { t("figures.embed.title") }
            HTMLNode.el("p") { t("figures.embed.iframe") }
            HTMLNode.el("pre", .attr("tabindex", "0")) { HTMLNode.el("code") { snippet } }
            HTMLNode.el("p") { t("figures.embed.json") }
            HTMLNode.el("pre", .attr("tabindex", "0")) {
                HTMLNode.el("code") { "\(base)\(model.address(model.jsonPath))" }
            }
        }
    }
}
