extension LoginPage {
    /// Plain links, so they work without JavaScript; `next` goes along so the
    /// person lands where they were going, as with a password. Where several
    /// organisations have a provider, each has its own button naming it.
    static func singleSignOn(_ t: Texts, choices: [LoginModel.SingleSignOnChoice], next: String) -> HTMLNode {
        HTMLNode.div(.class("sso")) {
            HTMLNode.ul(.class("plain-list sso-choices")) {
                for choice in choices {
                    HTMLNode.li {
                        HTMLNode.a(.href(address(choice, next: next)), .class("button")) {
                            if let name = choice.name { t("staff.oidc.signInTo", ["organisation": name]) } else { t("staff.oidc.signIn") }
                        }
                    }
                }
            }
            HTMLNode.p { t("staff.oidc.or") }
        }
    }

    private static func address(_ choice: LoginModel.SingleSignOnChoice, next: String) -> String {
        let organisation = choice.code.map { [("org", $0)] } ?? []
        return SiteURL.staff(.oidcLogin).url(organisation + [("next", next)])
    }
}
