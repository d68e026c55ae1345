import Foundation
import KaikuCore

/// `/status`: where a customer types the code on their receipt to follow their feedback.
struct StatusLookupPage {
    var context: PageContext
    /// What was typed, shown back with the problem when it cannot be a code.
    var typed: String = ""
    var refused = false

    func render() -> String {
        let t = context.t
        let title = (refused ? t("form.error.prefix") : "") + t("status.title")
        return PageLayout(context, title: title).render {
            HTMLNode.h1 { t("status.title") }
            HTMLNode.p(.class("lead")) { t("status.lookup.lead") }
            if refused {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: "receipt", message: t("status.lookup.error"))
            }
            HTMLNode.form(.method(.get), .action(.statusLookup), .class("search")) {
                HTMLNode.input(.type("hidden"), .name("lang"), .value(context.language.rawValue))
                HTMLNode.div(.class(refused ? "field has-error" : "field")) {
                    HTMLNode.label(.for("receipt"), .class("label")) { t("status.lookup.label") }
                    HTMLNode.p(.id("receipt-hint"), .class("hint")) { t("status.lookup.hint") }
                    if refused {
                        HTMLNode.p(.id("receipt-error"), .class("field-error")) {
                            HTMLNode.span(.class("visually-hidden")) { t("form.error.prefix") }
                            t("status.lookup.error")
                        }
                    }
                    HTMLNode.div(.class("search-row")) {
                        HTMLNode.input([.type("text"), .id("receipt"), .name("receipt"), .value(typed), .maxlength(40),
                                        .autocomplete("off"), .ariaDescribedBy(refused ? "receipt-hint receipt-error" : "receipt-hint")]
                                       + (refused ? [.ariaInvalid("true")] : []))
                        HTMLNode.button(.type("submit"), .class("button")) { t("status.lookup.button") }
                    }
                }
            }
        }
    }
}
