/// A setup address that is used, unknown, or no longer needed (an
/// organisation exists): what happened and how to get a new one.
struct SetupUnavailablePage {
    var context: PageContext

    func render() -> String {
        let t = context.t
        // The language links lead to the start page: the address itself says nothing more.
        return PageLayout(context.at(.home), title: t("setup.unavailable.title"), bodyClass: "setup", footer: "setup.footer").render {
            HTMLNode.h1 { t("setup.unavailable.title") }
            HTMLNode.p { t("setup.unavailable.text") }
            HTMLNode.p { t("setup.unavailable.restart") }
            HTMLNode.p { HTMLNode.a(.href(SiteURL.staff(.login).url(language: context.language))) { t("setup.unavailable.signIn") } }
        }
    }
}
