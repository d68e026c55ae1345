/// The one set of colours for promoters, passives and detractors, wherever
/// they are drawn: the public figures pages, the widget, the dashboard and
/// the annual report. Each keeps at least 4.5:1 against white, so a shape
/// in it passes the 3:1 of WCAG 1.4.11 and white text on it passes 1.4.3.
///
/// The main stylesheet is a static file, so it carries `css` word for word
/// (a test holds it to that); the widget and the annual report, which load
/// no stylesheet, put `css` into their own style blocks.
enum ShareColours {
    static let promoter = "#1e6b34"
    static let passive = "#5c5c5c"
    static let detractor = "#a4262c"

    /// Custom properties and the classes that use them: `s-promoter`, `s-passive`, `s-detractor`.
    static let css = ":root{--promoter:\(promoter);--passive:\(passive);--detractor:\(detractor)}"
        + ".s-promoter{fill:var(--promoter);background:var(--promoter)}"
        + ".s-passive{fill:var(--passive);background:var(--passive)}"
        + ".s-detractor{fill:var(--detractor);background:var(--detractor)}"

    /// The class of one share, by the name the figures use (`promoters`, `passives`, `detractors`).
    static func cssClass(_ share: String) -> String {
        switch share {
        case "promoters": "s-promoter"
        case "passives": "s-passive"
        default: "s-detractor"
        }
    }
}
