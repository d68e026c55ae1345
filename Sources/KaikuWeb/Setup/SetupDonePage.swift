/// After the setup: the organisation exists, and its administrator signs in.
struct SetupDonePage {
    var context: PageContext

    func render() -> String {
        let t = context.t
        return PageLayout(context.at(.setupDone), title: t("setup.done.title"), bodyClass: "setup", footer: "setup.footer").render {
            HTMLNode.h1 { t("setup.done.title") }
            HTMLNode.div(.class("panel")) {
                HTMLNode.p { t("setup.done.created") }
            }
            HTMLNode.p { t("setup.done.next") }
            HTMLNode.p { HTMLNode.a(.class("button"), .href(SiteURL.staff(.login).url(language: context.language))) { t("setup.done.signIn") } }
        }
    }
}
