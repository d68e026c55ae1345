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
        let layout = PageLayout(PageContext(language: language, catalogue: catalogue, path: model.pagePath, query: model.query),
                                title: t("figures.title", ["name": model.title]), bodyClass: "figures-page")
        return layout.render {
            HTMLNode.p(.class("organisation")) { model.organisationName }
            HTMLNode.h1 { t("figures.title", ["name": model.title]) }
            HTMLNode.p(.class("lead")) { t("figures.lead", ["n": String(model.minimumN)]) }
            if model.target != nil {
                HTMLNode.p {
                    t("figures.targetUnit") + " "
                    HTMLNode.a(.href(PublicFiguresModel.unitAddress(model.unitCode, organisation: model.organisationCode, language: language))) {
                        model.unitName
                    }
                }
            }
            for period in model.periods {
                PublicPeriodSection(period: period, unitName: model.unitName, organisationCode: model.organisationCode, minimumN: model.minimumN,
                                    language: language, catalogue: catalogue).render()
            }
            feedbackLinks()
            HTMLNode.section(.class("figures-about"), .ariaLabelledBy("about")) {
                HTMLNode.h2(.id("about")) { t("figures.about.title") }
                HTMLNode.p { t("figures.about.nps") }
                HTMLNode.p { t("figures.about.statements") }
                HTMLNode.p { t("figures.about.source", ["n": String(model.minimumN)]) }
                HTMLNode.p { t("figures.about.suppression", ["n": String(model.minimumN)]) }
            }
            embed()
        }
    }

    private func feedbackLinks() -> HTMLNode {
        let targets = model.target.map { [$0] } ?? model.targets
        return .section(.ariaLabelledBy("give-feedback")) {
            HTMLNode.h2(.id("give-feedback")) { t("figures.feedback.title") }
            if targets.isEmpty {
                HTMLNode.p { HTMLNode.a(.href("/?\(lang)")) { t("figures.feedback.search") } }
            } else {
                HTMLNode.ul {
                    for target in targets {
                        HTMLNode.li { HTMLNode.a(.href("/f/\(target.code)?\(lang)")) { target.name } }
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
        return .section(.class("figures-embed"), .ariaLabelledBy("embed")) {
            HTMLNode.h2(.id("embed")) { t("figures.embed.title") }
            HTMLNode.p { t("figures.embed.iframe") }
            HTMLNode.pre(.tabindex(0)) { HTMLNode.code { snippet } }
            HTMLNode.p { t("figures.embed.json") }
            HTMLNode.pre(.tabindex(0)) {
                HTMLNode.code { "\(base)\(model.address(model.jsonPath))" }
            }
        }
    }
}
