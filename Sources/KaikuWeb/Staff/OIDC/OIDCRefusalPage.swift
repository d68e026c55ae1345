/// Why a single sign-on was refused, with the way back to the sign-in page.
struct OIDCRefusalPage {
    var context: PageContext
    /// Catalogue key of the reason.
    var reasonKey: String

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.login)), title: t("staff.oidc.refused.title")).render {
            HTMLNode.h1 { t("staff.oidc.refused.title") }
            HTMLNode.div(.class("error-summary"), .role("alert")) {
                HTMLNode.p { t(reasonKey) }
            }
            HTMLNode.p { HTMLNode.a(.href(.staff(.login)), .class("button")) { t("staff.oidc.refused.again") } }
        }
    }
}
