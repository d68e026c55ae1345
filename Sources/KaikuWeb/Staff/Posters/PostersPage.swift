import Foundation
import KaikuCore

/// The printable sheet of a unit's feedback cards, with the form that
/// chooses them above it (left off the paper).
struct PostersPage {
    var context: PageContext
    var model: PostersModel
    var form: PostersForm

    func render() -> String {
        let t = context.t
        let title = t("staff.posters.title", ["unit": model.unitName])
        var query: [(String, String)] = [("unit", form.target == nil ? model.unitCode : ""), ("target", form.target ?? "")]
        query += [("layout", model.layout == .posters ? "" : model.layout.rawValue), ("bilingual", model.isBilingual ? "on" : "")]
        return StaffLayout(context.at(.staff(.posters), query), title: title).render {
            HTMLNode.div(.class("no-print")) {
                HTMLNode.h1 { title }
                HTMLNode.p(.class("lead")) { t("staff.posters.intro") }
                if form.target == nil { PostersChoices(context: context, model: model).render() }
            }
            if model.cards.isEmpty { HTMLNode.p { t("staff.posters.none") } }
            HTMLNode.div(.class("poster-sheet poster-sheet-\(model.layout.rawValue)")) {
                for card in model.cards { self.card(card) }
            }
        }
    }

    private func card(_ card: PostersModel.Card) -> HTMLNode {
        let languages = model.languages
        let text = { (key: String, language: Language) in context.catalogue.text(key, language) }
        return .section(.class("poster poster-card"), .lang(languages[0].rawValue), .ariaLabel(card.names[0])) {
            if let brand = model.brand { HTMLNode.div(.class("poster-brand")) { BrandMark.mark(brand, language: languages[0], className: "poster-logo") } }
            HTMLNode.h2(.class("poster-heading")) {
                for (index, language) in languages.enumerated() {
                    HTMLNode.span(.lang(language.rawValue), .class(index == 0 ? "poster-first" : "poster-second")) { text("poster.heading", language) }
                }
            }
            for (index, language) in languages.enumerated() {
                HTMLNode.p(.class(index == 0 ? "poster-target" : "poster-target poster-second"), .lang(language.rawValue)) { card.names[index] }
            }
            HTMLNode.p(.class("poster-unit")) { card.unit }
            HTMLNode.div(.class("poster-qr")) { HTMLNode.trusted(card.qrSVG) }
            for (index, language) in languages.enumerated() {
                HTMLNode.p(.class(index == 0 ? "poster-or" : "poster-or poster-second"), .lang(language.rawValue)) { text("poster.or", language) }
            }
            HTMLNode.p(.class("poster-link")) { card.link }
            HTMLNode.p(.class("no-print")) { context.t("staff.posters.remote") + " " }
            HTMLNode.p(.class("poster-link no-print")) { card.remoteLink }
        }
    }
}
