extension LoginPage {
    /// A plain link, so it works without JavaScript; `next` goes along so the
    /// person lands where they were going, as with a password.
    static func singleSignOn(_ t: Texts, next: String) -> HTMLNode {
        HTMLNode.div(.class("sso")) {
            HTMLNode.p {
                HTMLNode.a(.href(SiteURL.staff(.oidcLogin).url([("next", next)])), .class("button")) { t("staff.oidc.signIn") }
            }
            HTMLNode.p { t("staff.oidc.or") }
        }
    }
}
