/// The parts of two-factor sign-in that the account page and the sign-in's
/// second step share: the set-up (QR code, the secret as text, the first
/// code), the recovery codes shown once, and a code field.
enum SecondFactorViews {
    /// The QR code and the secret, then a form posting the first code to `action`.
    static func setup(_ setup: SecondFactorEnrolment.Setup, t: Texts, action: SiteURL, hidden: [HTMLNode], errorKey: String?) -> HTMLNode {
        .group([
            .p { t("secondFactor.setup.scan") },
            .div(.class("qr-code")) { HTMLNode.trusted(setup.qrSVG) },
            .p(.id("secret-hint")) { t("secondFactor.setup.manual") },
            .p { HTMLNode.code(.id("secret"), .class("secret")) { setup.secret } },
            .form(.method(.post), .action(action), .novalidate) {
                hidden
                codeField(label: t("secondFactor.setup.code"), hint: t("secondFactor.code.hint"), errorKey: errorKey, t: t)
                HTMLNode.button(.type("submit"), .class("button")) { t("secondFactor.setup.confirm") }
            },
        ])
    }

    /// The ten codes, said to be shown this once.
    static func recoveryCodes(_ codes: [String], t: Texts) -> HTMLNode {
        .section(.class("panel"), .ariaLabelledBy("recovery-title")) {
            HTMLNode.h2(.id("recovery-title")) { t("secondFactor.recovery.title") }
            HTMLNode.p { t("secondFactor.recovery.lead") }
            HTMLNode.ol(.class("recovery-codes")) {
                for code in codes { HTMLNode.li { HTMLNode.code { code } } }
            }
        }
    }

    /// A one-time code input; `errorKey` marks it invalid with its message.
    static func codeField(id: String = "f-code", name: String = "code", label: String, hint: String, errorKey: String?, t: Texts,
                          autocomplete: String = "one-time-code") -> HTMLNode {
        let describedBy = "\(id)-hint" + (errorKey == nil ? "" : " \(id)-error")
        var attributes: [HTMLAttribute] = [.id(id), .name(name), .type("text"), .autocomplete(autocomplete), .attr("spellcheck", "false"),
                                           .maxlength(64), .ariaDescribedBy(describedBy)]
        if errorKey != nil { attributes.append(.ariaInvalid("true")) }
        return .div(.class("field" + (errorKey == nil ? "" : " has-error"))) {
            HTMLNode.label(.for(id)) { label }
            HTMLNode.p(.id("\(id)-hint"), .class("hint")) { hint }
            if let errorKey {
                HTMLNode.p(.id("\(id)-error"), .class("field-error")) {
                    HTMLNode.span(.class("visually-hidden")) { t("form.error.prefix") }
                    t(errorKey)
                }
            }
            HTMLNode.input(attributes)
        }
    }
}
