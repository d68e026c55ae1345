/// The staff sign-in page.
struct LoginPage {
    var context: PageContext
    var model: LoginModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.login), [("next", model.next)]), title: t("staff.login.title")).render {
            HTMLNode.h1 { t("staff.login.title") }
            if let errorKey = model.errorKey {
                HTMLNode.div(.class("error-summary"), .role("alert")) {
                    HTMLNode.p { t(errorKey, model.errorArguments) }
                }
            }
            if !model.singleSignOn.isEmpty {
                LoginPage.singleSignOn(t, choices: model.singleSignOn, next: model.next)
            }
            HTMLNode.form(.method(.post), .action(.staff(.login)), .class("login")) {
                HTMLNode.input(.type("hidden"), .name(StaffSession.csrfField), .value(model.csrf))
                HTMLNode.input(.type("hidden"), .name("next"), .value(model.next))
                HTMLNode.div(.class("text-field")) {
                    HTMLNode.label(.for("email"), .class("label")) { t("staff.login.email") }
                    HTMLNode.input(.id("email"), .name("email"), .type("email"), .value(model.email), .autocomplete("username"), .required)
                }
                HTMLNode.div(.class("text-field")) {
                    HTMLNode.label(.for("password"), .class("label")) { t("staff.login.password") }
                    HTMLNode.input(.id("password"), .name("password"), .type("password"), .autocomplete("current-password"), .required)
                }
                HTMLNode.button(.type("submit"), .class("button")) { t("staff.login.submit") }
            }
        }
    }
}
