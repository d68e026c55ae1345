import KaikuCore
import Vapor

/// A plain error page for browsers, in the page's language.
struct ErrorPage {
    var status: HTTPResponseStatus
    var message: String
    var language: Language
    var catalogue: Catalogue

    func render() -> String {
        let key = status == .notFound ? "error.page.notFound" : "error.page.generic"
        let layout = PageLayout(language: language, title: catalogue.text(key, language), catalogue: catalogue, path: "/")
        return layout.render {
            HTMLNode.el("h1") { catalogue.text(key, language) }
            HTMLNode.el("p") { HTMLNode.el("a", .href("/?lang=\(language.rawValue)")) { catalogue.text("error.page.home", language) } }
        }
    }
}
