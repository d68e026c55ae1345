/// The sign-in's second step: a code from the app (or a recovery code), or
/// setting one up when the organisation requires it.
struct SecondStepPage {
    var context: PageContext
    var model: SecondStepModel

    func render() -> String {
        let t = context.t
        let (url, title): (SiteURL, String) = switch model.mode {
        case .code: (.staff(.loginCode), t("secondStep.title"))
        case .enrol, .recoveryCodes: (.staff(.loginEnrol), t("secondStep.enrol.title"))
        }
        return StaffLayout(context.at(url, [("next", model.next)]), title: title).render {
            HTMLNode.h1 { title }
            if let errorKey = model.errorKey {
                HTMLNode.div(.class("error-summary"), .role("alert")) {
                    HTMLNode.p { t(errorKey, model.errorArguments) }
                }
            }
            switch model.mode {
            case .code:
                HTMLNode.p(.class("lead")) { t("secondStep.lead") }
                HTMLNode.form(.method(.post), .action(url), .class("login"), .novalidate) {
                    hidden
                    SecondFactorViews.codeField(label: t("secondStep.code"), hint: t("secondStep.code.hint"),
                                                errorKey: model.errorKey == "secondStep.error.wrong" ? "secondStep.error.wrong" : nil, t: t)
                    HTMLNode.button(.type("submit"), .class("button")) { t("secondStep.submit") }
                }
                HTMLNode.p { HTMLNode.a(.href(.staff(.login))) { t("secondStep.restart") } }
            case .enrol(let setup):
                HTMLNode.p(.class("lead")) { t("secondStep.enrol.lead") }
                SecondFactorViews.setup(setup, t: t, action: url, hidden: hidden,
                                        errorKey: model.errorKey == "secondStep.error.wrong" ? "secondStep.error.wrong" : nil)
            case .recoveryCodes(let codes):
                SecondFactorViews.recoveryCodes(codes, t: t)
                HTMLNode.p { HTMLNode.a(.href(model.next), .class("button")) { t("secondStep.continue") } }
            }
        }
    }

    private var hidden: [HTMLNode] {
        [.input(.type("hidden"), .name(StaffSession.csrfField), .value(model.csrf)),
         .input(.type("hidden"), .name("next"), .value(model.next))]
    }
}
