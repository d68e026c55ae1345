import KaikuCore

/// A plain error page for browsers, in the page's language, leading back to the start page.
struct ErrorPage {
    var context: PageContext
    var model: ErrorModel

    func render() -> String {
        let t = context.t
        let title = switch model.kind {
        case .notFound: t("error.page.notFound")
        case .tooMany: t("error.page.tooMany")
        case .gone: t("error.page.gone")
        case .generic: t("error.page.generic")
        }
        // The language links lead to the start page: the address that failed may fail again.
        return PageLayout(context.at(.home), title: title).render {
            HTMLNode.h1 { title }
            HTMLNode.p { HTMLNode.a(.href(SiteURL.home.url(language: context.language))) { t("error.page.home") } }
        }
    }
}
