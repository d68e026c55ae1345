import KaikuCore

/// `/t/{code}/print`: a card to print and put up at the unit — the
/// target's name, its QR code and the short address to type.
struct PrintCardPage {
    var context: PageContext
    var model: PrintCardModel

    func render() -> String {
        let t = context.t
        return PageLayout(context, title: model.name).render {
            HTMLNode.div(.class("poster")) {
                HTMLNode.h1 { t("poster.heading") }
                HTMLNode.p(.class("poster-target")) { model.name }
                HTMLNode.div(.class("poster-qr")) { HTMLNode.trusted(model.qr.svg(moduleSize: 8, border: 4, title: t("poster.qrAlt"))) }
                HTMLNode.p { t("poster.or") + " " }
                HTMLNode.p(.class("poster-link")) { model.link }
            }
        }
    }
}
