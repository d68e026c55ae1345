/// Two-factor sign-in and personal API tokens on `/staff/account`.
struct AccountSecuritySection {
    var context: PageContext
    var model: AccountSecurityModel

    func render() -> HTMLNode {
        .group([
            model.noticeKey.map { key -> HTMLNode in HTMLNode.p(.id("security-notice"), .class("notice panel"), .role("status")) { context.t(key) } },
            secondFactor(), tokens(),
        ].compactMap { $0 })
    }

    private func secondFactor() -> HTMLNode {
        let t = context.t
        return .section(.class("account-section"), .ariaLabelledBy("two-factor-title")) {
            HTMLNode.h2(.id("two-factor-title")) { t("account.secondFactor.title") }
            if model.secondFactorOn {
                HTMLNode.p(.id("two-factor-state")) { t("account.secondFactor.on", ["count": String(model.unusedRecoveryCodes)]) }
                HTMLNode.h3 { t("account.secondFactor.disable.title") }
                proofForm(.disable, id: "disable", button: t("account.secondFactor.disable"))
                HTMLNode.h3 { t("account.secondFactor.newCodes.title") }
                HTMLNode.p { t("account.secondFactor.newCodes.lead") }
                proofForm(.recoveryCodes, id: "recovery", button: t("account.secondFactor.newCodes"))
            } else {
                HTMLNode.p(.id("two-factor-state")) { t("account.secondFactor.off") }
                HTMLNode.form(.method(.post), .action(.staff(.accountSecondFactorAction(.start)))) {
                    context.csrfField
                    HTMLNode.button(.type("submit"), .class("button")) { t("account.secondFactor.setUp") }
                }
            }
        }
    }

    /// Turning off and new recovery codes both want the password or a current code.
    private func proofForm(_ action: SiteURL.SecondFactorFormAction, id: String, button: String) -> HTMLNode {
        let t = context.t
        return .form(.method(.post), .action(.staff(.accountSecondFactorAction(action))), .novalidate) {
            context.csrfField
            SecondFactorViews.codeField(id: "f-proof-\(id)", name: "proof", label: t("account.secondFactor.proof"),
                                        hint: t("account.secondFactor.proof.hint"), errorKey: model.errorForm == id ? model.errorKey : nil,
                                        t: t, autocomplete: "off")
            HTMLNode.button(.type("submit"), .class("button secondary")) { button }
        }
    }

    private func tokens() -> HTMLNode {
        let t = context.t
        return .section(.class("account-section"), .ariaLabelledBy("tokens-title")) {
            HTMLNode.h2(.id("tokens-title")) { t("account.tokens.title") }
            HTMLNode.p { t("account.tokens.lead") }
            if let token = model.newToken {
                HTMLNode.div(.class("panel"), .role("status"), .id("new-token")) {
                    HTMLNode.p { t("account.tokens.created") }
                    HTMLNode.p { HTMLNode.code(.class("secret")) { token } }
                }
            }
            if model.tokens.isEmpty {
                HTMLNode.p(.class("hint")) { t("account.tokens.none") }
            } else {
                HTMLNode.ul(.class("token-list")) {
                    for token in model.tokens { item(token) }
                }
            }
            HTMLNode.h3 { t("account.tokens.new") }
            HTMLNode.form(.method(.post), .action(.staff(.accountTokens)), .novalidate) {
                context.csrfField
                field("name", type: "text", label: t("account.tokens.name"), hint: t("account.tokens.name.hint"), value: model.tokenName)
                field("expiresAt", type: "date", label: t("account.tokens.expiresAt"), hint: t("account.tokens.expiresAt.hint"), value: model.tokenExpiry)
                HTMLNode.button(.type("submit"), .class("button")) { t("account.tokens.create") }
            }
        }
    }

    private func item(_ token: PersonalTokenDTO) -> HTMLNode {
        let t = context.t
        return .li(.class("token")) {
            HTMLNode.strong { token.name }
            HTMLNode.p(.class("hint")) {
                t("account.tokens.details", ["created": model.format(token.createdAt), "expires": model.format(token.expiresAt),
                                             "used": token.lastUsedAt.map(model.format) ?? t("account.tokens.neverUsed")])
            }
            HTMLNode.form(.method(.post), .action(.staff(.accountTokenRevoke(.value(token.id))))) {
                context.csrfField
                HTMLNode.button(.type("submit"), .class("button secondary small"), .ariaLabel(t("account.tokens.revoke.named", ["name": token.name]))) {
                    t("account.tokens.revoke")
                }
            }
        }
    }

    private func field(_ name: String, type: String, label: String, hint: String, value: String) -> HTMLNode {
        let invalid = model.errorForm == "token" && model.errorField == name
        let id = "f-token-\(name)"
        var attributes: [HTMLAttribute] = [.id(id), .name(name), .type(type), .value(value), .ariaDescribedBy("\(id)-hint" + (invalid ? " \(id)-error" : ""))]
        if name == "name" { attributes.append(.maxlength(100)) }
        if invalid { attributes.append(.ariaInvalid("true")) }
        return .div(.class("field" + (invalid ? " has-error" : ""))) {
            HTMLNode.label(.for(id)) { label }
            HTMLNode.p(.id("\(id)-hint"), .class("hint")) { hint }
            if invalid, let key = model.errorKey {
                HTMLNode.p(.id("\(id)-error"), .class("field-error")) {
                    HTMLNode.span(.class("visually-hidden")) { context.t("form.error.prefix") }
                    context.t(key)
                }
            }
            HTMLNode.input(attributes)
        }
    }
}
