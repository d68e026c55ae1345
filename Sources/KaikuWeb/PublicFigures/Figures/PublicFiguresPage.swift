import Foundation
import KaikuCore

/// `/figures/units/{code}` and `/figures/targets/{code}`: a unit's figures
/// for two periods, its child units, how to read them, and the snippet a
/// county's web editor copies to show them on their own site. Every number
/// is in text; the bars only repeat it for the eye.
struct PublicFiguresPage {
    var context: PageContext
    var model: PublicFiguresModel

    private var language: Language { context.language }

    func render() -> String {
        let t = context.t
        return PageLayout(context, title: t("figures.title", ["name": model.title]), bodyClass: "figures-page").render {
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
                PublicPeriodSection(context: context, period: period, unitName: model.unitName, organisationCode: model.organisationCode,
                                    minimumN: model.minimumN).render()
            }
            PublicTrendSection(context: context, trend: model.trend, minimumN: model.minimumN).render()
            if !model.notes.isEmpty { notes() }
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

    /// "What we did", newest first; a note without a translation shows in Finnish, marked as such for screen readers.
    private func notes() -> HTMLNode {
        let t = context.t
        return .section(.class("figures-notes"), .ariaLabelledBy("notes"), .id("what-we-did")) {
            HTMLNode.h2(.id("notes")) { t("figures.notes.title") }
            HTMLNode.ul(.class("plain-list")) {
                for note in model.notes {
                    HTMLNode.li(.class("note-card")) {
                        HTMLNode.p(.lang(note.language.rawValue)) { note.text }
                        HTMLNode.p(.class("hint")) { t("figures.notes.published", ["date": note.day]) }
                    }
                }
            }
        }
    }

    private func feedbackLinks() -> HTMLNode {
        let t = context.t
        let targets = model.feedbackTargets
        return .section(.ariaLabelledBy("give-feedback")) {
            HTMLNode.h2(.id("give-feedback")) { t("figures.feedback.title") }
            if targets.isEmpty {
                HTMLNode.p { HTMLNode.a(.href(SiteURL.home.url(language: language))) { t("figures.feedback.search") } }
            } else {
                HTMLNode.ul {
                    for target in targets {
                        HTMLNode.li { HTMLNode.a(.href(SiteURL.form(.value(target.code)).url(language: language))) { target.name } }
                    }
                }
            }
        }
    }

    /// The iframe snippet and the JSON address, escaped, ready to copy.
    private func embed() -> HTMLNode {
        let t = context.t
        let snippet = model.embedSnippet(title: t("widget.title", ["name": model.title]))
        return .section(.class("figures-embed"), .ariaLabelledBy("embed")) {
            HTMLNode.h2(.id("embed")) { t("figures.embed.title") }
            HTMLNode.p { t("figures.embed.iframe") }
            HTMLNode.pre(.tabindex(0)) { HTMLNode.code { snippet } }
            HTMLNode.p { t("figures.embed.json") }
            HTMLNode.pre(.tabindex(0)) {
                HTMLNode.code { model.embedJSON }
            }
        }
    }
}
