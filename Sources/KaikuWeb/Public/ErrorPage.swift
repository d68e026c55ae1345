import KaikuCore
import Vapor

/// A plain error page for browsers, in the page's language.
struct ErrorPage {
    var status: HTTPResponseStatus
    var message: String
    var language: Language
    var catalogue: Catalogue

    func render() -> String {
        let key = switch status {
        case .notFound: "error.page.notFound"
        // The one refusal a customer can do something about: wait and send again.
        case .tooManyRequests: "error.page.tooMany"
        default: "error.page.generic"
        }
        let layout = PageLayout(language: language, title: catalogue.text(key, language), catalogue: catalogue, path: "/")
        return layout.render {
            HTMLNode.h1 { catalogue.text(key, language) }
            HTMLNode.p { HTMLNode.a(.href("/?lang=\(language.rawValue)")) { catalogue.text("error.page.home", language) } }
        }
    }
}
