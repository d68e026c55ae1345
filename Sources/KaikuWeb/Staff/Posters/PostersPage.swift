import Foundation
import KaikuCore

/// The printable sheet of a unit's feedback cards.
struct PostersPage {
    var context: PageContext
    var model: PostersModel

    func render() -> String {
        let t = context.t
        let title = t("staff.posters.title", ["unit": model.unitName])
        return StaffLayout(context.at(.staff(.posters), [("unit", model.unitCode)]), title: title).render {
            HTMLNode.div(.class("no-print")) {
                HTMLNode.h1 { title }
                HTMLNode.p(.class("lead")) { t("staff.posters.intro") }
            }
            if model.cards.isEmpty { HTMLNode.p { t("staff.posters.none") } }
            for card in model.cards {
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
