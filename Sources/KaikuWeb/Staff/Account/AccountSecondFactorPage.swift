/// `/staff/account/two-factor`: setting up two-factor sign-in from one's own
/// settings, and the recovery codes shown once afterwards (or when renewed).
struct AccountSecondFactorPage {
    enum Mode {
        case setup(SecondFactorEnrolment.Setup, errorKey: String?)
        case recoveryCodes([String])
    }

    var context: PageContext
    var mode: Mode

    func render() -> String {
        let t = context.t
        let title = switch mode {
        case .setup: t("account.secondFactor.setUp")
        case .recoveryCodes: t("account.secondFactor.title")
        }
        return StaffLayout(context.at(.staff(.accountSecondFactor)), title: title).render {
            HTMLNode.p { HTMLNode.a(.href(.staff(.account))) { t("account.backToAccount") } }
            HTMLNode.h1 { title }
            switch mode {
            case .setup(let setup, let errorKey):
                if let errorKey {
                    HTMLNode.errorSummary(title: t("form.error.title"), fieldID: "f-code", message: t(errorKey))
                }
                SecondFactorViews.setup(setup, t: t, action: .staff(.accountSecondFactorAction(.confirm)),
                                        hidden: [context.csrfField].compactMap { $0 }, errorKey: errorKey)
            case .recoveryCodes(let codes):
                SecondFactorViews.recoveryCodes(codes, t: t)
                HTMLNode.p { HTMLNode.a(.href(.staff(.account)), .class("button")) { t("account.backToAccount") } }
            }
        }
    }
}
