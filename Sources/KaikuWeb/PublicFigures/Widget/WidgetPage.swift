import Crypto
import Foundation
import KaikuCore

/// `/widget/{units|targets}/{code}`: a self-contained page for an iframe on
/// a county's web site. It loads nothing else (no stylesheet, no script,
/// no font), so that it costs the host page one request; its one inline
/// style block is allowed by hash in the Content-Security-Policy.
struct WidgetPage {
    var context: PageContext
    var model: WidgetModel

    /// Small on purpose; colours meet WCAG AA on white as the main stylesheet's do.
    static let style = """
    body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#fff;line-height:1.4}\
    main{padding:.75rem;border:1px solid #767676;border-top:4px solid #0b4f8a}\
    h1{font-size:1.1rem;margin:0 0 .25rem}.org{margin:0;color:#4a4a4a;font-size:.9rem}\
    dl{margin:.5rem 0}dl div{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem;padding:.35rem 0;border-top:1px solid #c8c8c8}\
    dt{font-weight:600}dd{margin:0}.nps{font-size:1.25rem;font-weight:700}\
    p.links{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:.5rem 0 0}a{color:#0b4f8a}\
    a:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}\
    h2{font-size:1rem;margin:.5rem 0 .25rem}ul{margin:0;padding-left:1.1rem}li{margin:.25rem 0}.day{color:#4a4a4a;font-size:.85rem}\
    .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\
    p.what{margin:.25rem 0;font-size:.85rem;color:#4a4a4a}svg.shares{display:block;width:100%;height:.6rem;margin-top:.25rem}\
    \(ShareColours.css)
    """

    /// The CSP source that allows exactly `style`.
    static let styleSource: String = {
        let digest = SHA256.hash(data: Data(style.utf8))
        return "'sha256-\(Data(digest).base64EncodedString())'"
    }()

    func render() -> String {
        let t = context.t
        let language = context.language
        let title = t("widget.title", ["name": model.title])
        let document = HTMLNode.html(.lang(language.rawValue)) {
            HTMLNode.head {
                HTMLNode.meta(.charset("utf-8"))
                HTMLNode.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
                HTMLNode.title { title }
                HTMLNode.trusted("<style>\(Self.style)</style>")
            }
            HTMLNode.body {
                HTMLNode.main {
                    HTMLNode.p(.class("org")) { model.organisationName }
                    HTMLNode.h1 { model.title }
                    HTMLNode.dl {
                        for line in model.lines { self.line(line) }
                    }
                    HTMLNode.p(.class("what")) { t("widget.whatIsNPS") }
                    if !model.notes.isEmpty {
                        HTMLNode.h2 { t("figures.notes.title") }
                        HTMLNode.ul {
                            for note in model.notes {
                                HTMLNode.li {
                                    HTMLNode.span(.lang(note.language.rawValue)) { note.text }
                                    " "
                                    HTMLNode.span(.class("day")) { "(" + t("figures.notes.published", ["date": note.day]) + ")" }
                                }
                            }
                        }
                    }
                    HTMLNode.p(.class("links")) {
                        newTabLink(model.feedbackHref, t("widget.feedback"))
                        newTabLink(model.pageHref, t("widget.all"))
                    }
                }
            }
        }
        return "<!DOCTYPE html>\n" + document.render()
    }

    private func line(_ line: WidgetModel.Line) -> HTMLNode {
        let t = context.t
        return .div {
            HTMLNode.dt { t("figures.period.\(line.period.rawValue)") }
            HTMLNode.dd {
                switch line.value {
                case .figures(let nps, let answers, let one):
                    if let nps {
                        HTMLNode.span(.class("nps")) { "\(t("widget.nps")) \(nps)" }
                        " · "
                    }
                    t(one ? "widget.answers.one" : "widget.answers", ["n": answers])
                    if let shares = line.shares { HTMLNode.trusted(Self.shareBar(shares)) }
                case .complementary:
                    t("figures.suppressed.complementary")
                case .fewerThan(let minimum):
                    t("widget.fewerThan", ["n": minimum])
                }
            }
        }
    }

    /// Promoters, passives and detractors in the colours every page uses;
    /// hidden from screen readers, as the full page writes the shares out.
    static func shareBar(_ shares: [Int]) -> String {
        var bar = #"<svg class="shares" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">"#
        var x = 0
        for (name, value) in zip(["promoters", "passives", "detractors"], shares) where value > 0 {
            bar += #"<rect class="\#(ShareColours.cssClass(name))" x="\#(x)" y="0" width="\#(value)" height="6"></rect>"#
            x += value
        }
        return bar + "</svg>"
    }

    /// Links leave the iframe: the form and the full page need the whole window.
    private func newTabLink(_ href: String, _ text: String) -> HTMLNode {
        .a(.href(href), .target("_blank"), .rel("noopener")) {
            text
            HTMLNode.span(.class("vh")) { " " + context.t("widget.newTab") }
        }
    }
}
