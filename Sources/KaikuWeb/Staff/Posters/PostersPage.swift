import Foundation
import KaikuCore

/// The printable sheet of a unit's feedback cards.
struct PostersPage {
    struct Card {
        var target: String
        var unit: String
        var link: String
        var remoteLink: String
        var qrSVG: String
    }

    var language: Language
    var catalogue: Catalogue
    var session: SessionToken
    var unitName: String
    var unitCode: String
    var cards: [Card]

    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalogue.text(key, language, arguments) }

    func render() -> String {
        let layout = StaffLayout(language: language, catalogue: catalogue, title: t("staff.posters.title", ["unit": unitName]),
                                 path: "/staff/posters", query: [("unit", unitCode)], session: session)
        return layout.render {
            HTMLNode.div(.class("no-print")) {
                HTMLNode.h1 { t("staff.posters.title", ["unit": unitName]) }
                HTMLNode.p(.class("lead")) { t("staff.posters.intro") }
            }
            if cards.isEmpty { HTMLNode.p { t("staff.posters.none") } }
            for card in cards {
                HTMLNode.section(.class("poster poster-card")) {
                    HTMLNode.h2 { t("poster.heading") }
                    HTMLNode.p(.class("poster-target")) { card.target }
                    HTMLNode.p { card.unit }
                    HTMLNode.div(.class("poster-qr")) { HTMLNode.trusted(card.qrSVG) }
                    HTMLNode.p { t("poster.or") }
                    HTMLNode.p(.class("poster-link")) { card.link }
                    HTMLNode.p(.class("no-print")) { t("staff.posters.remote") + " " }
                    HTMLNode.p(.class("poster-link no-print")) { card.remoteLink }
                }
            }
        }
    }
}
