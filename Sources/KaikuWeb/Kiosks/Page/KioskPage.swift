import KaikuCore

/// The kiosk's page: an empty stage the script fills, a live status line,
/// and the texts the script reads. Not `PageLayout`: a kiosk has no header,
/// no footer and nowhere else to go.
struct KioskPage {
    var context: PageContext
    var model: KioskPageModel

    func render() -> String {
        let t = context.t
        let document = HTMLNode.html(.lang(context.language.rawValue)) {
            HTMLNode.head {
                HTMLNode.meta(.charset("utf-8"))
                HTMLNode.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
                HTMLNode.title { t("kiosk.title") }
                HTMLNode.link(.rel("stylesheet"), .href(.kioskStyle))
                HTMLNode.script(.src(SiteURL.kioskScript.path), .defer)
            }
            HTMLNode.body {
                HTMLNode.main(.id("kiosk")) { HTMLNode.noscript { HTMLNode.p { t("kiosk.noscript") } } }
                HTMLNode.p(.id("kiosk-status"), .class("status"), .role("status"), .ariaLive("polite"))
                HTMLNode.script(.type("application/json"), .id("kiosk-texts")) { HTMLNode.scriptJSON(model.textsJSON) }
            }
        }
        return "<!doctype html>\n" + document.render()
    }
}
