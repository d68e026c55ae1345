import Foundation
import KaikuCore

/// The confirmation a customer gets when they asked for an answer and left
/// an e-mail address: the receipt, where to follow it, which service and
/// unit have it, and by when the organisation promised to answer. In the
/// language of the form they filled in.
struct CaseConfirmationMail {
    var language: Language
    var receipt: String
    var target: String
    var unit: String
    var organisation: String
    var promiseDays: Int
    var counting: PromiseCounting
    var due: CalendarDay
    /// Absolute: the public address and the status lookup with the receipt filled in.
    var statusLink: String

    func email(to address: String, catalogue: Catalogue) -> OutgoingEmail {
        OutgoingEmail(to: address, subject: t("mail.confirmation.subject", catalogue), body: plainText(catalogue),
                      html: html(catalogue))
    }

    private var arguments: [String: String] {
        ["receipt": receipt, "target": target, "unit": unit, "organisation": organisation,
         "days": String(promiseDays), "due": StatusModel.day(due)]
    }

    private func t(_ key: String, _ catalogue: Catalogue) -> String {
        catalogue.text(key, language, arguments)
    }

    private func promise(_ catalogue: Catalogue) -> String {
        let one = promiseDays == 1
        return counting == .workingDays
            ? t(one ? "mail.confirmation.promiseWorkingDays.one" : "mail.confirmation.promiseWorkingDays", catalogue)
            : t(one ? "mail.confirmation.promise.one" : "mail.confirmation.promise", catalogue)
    }

    /// Label and value pairs, the same in both parts.
    private func facts(_ catalogue: Catalogue) -> [(String, String)] {
        [(t("mail.confirmation.receipt", catalogue), receipt), (t("mail.confirmation.target", catalogue), target),
         (t("mail.confirmation.unit", catalogue), unit), (t("mail.confirmation.due", catalogue), StatusModel.day(due))]
    }

    func plainText(_ catalogue: Catalogue) -> String {
        let lines = facts(catalogue).map { "\($0.0): \($0.1)" }.joined(separator: "\n")
        return [t("mail.confirmation.greeting", catalogue), t("mail.confirmation.intro", catalogue), lines,
                promise(catalogue), t("mail.confirmation.statusLink", catalogue) + "\n" + statusLink,
                t("mail.confirmation.why", catalogue), organisation]
            .joined(separator: "\n\n") + "\n"
    }

    /// Inline styles and tables only, like the monthly report, so that every mail client shows the same.
    func html(_ catalogue: Catalogue) -> String {
        // A data table, not layout: the labels are row headers for screen readers.
        let factRows: HTMLNode = .table(.attr("cellpadding", "0"), .attr("cellspacing", "0"), .attr("border", "0")) {
            for (label, value) in facts(catalogue) {
                HTMLNode.tr {
                    HTMLNode.th(.attr("scope", "row"), .attr("align", "left"),
                                .attr("style", "padding:4px 12px 4px 0;font-weight:normal;color:#4a5865;vertical-align:top;" + MailStyle.font)) {
                        HTMLNode.text(label)
                    }
                    HTMLNode.td(.attr("style", "padding:4px 0;font-weight:bold;color:#14212b;" + MailStyle.font)) { HTMLNode.text(value) }
                }
            }
        }
        let paragraph = "margin:0 0 14px 0;font-size:15px;line-height:21px;color:#14212b;" + MailStyle.font
        let content: HTMLNode = .group([
            .h1(.attr("style", "margin:0 0 12px 0;font-size:22px;line-height:28px;color:#14212b;" + MailStyle.font)) {
                HTMLNode.text(t("mail.confirmation.title", catalogue))
            },
            .p(.attr("style", paragraph)) { HTMLNode.text(t("mail.confirmation.intro", catalogue)) },
            factRows,
            .p(.attr("style", "margin:14px 0;font-size:15px;line-height:21px;color:#14212b;" + MailStyle.font)) {
                HTMLNode.text(promise(catalogue))
            },
            MailStyle.button(t("mail.confirmation.statusButton", catalogue), href: statusLink),
            .p(.attr("style", "margin:12px 0 0 0;" + MailStyle.small)) {
                HTMLNode.a(.href(statusLink), .attr("style", MailStyle.link)) { HTMLNode.text(statusLink) }
            },
        ])
        let footer: HTMLNode = .group([
            .p(.attr("style", "margin:0 0 6px 0;")) { HTMLNode.text(t("mail.confirmation.why", catalogue)) },
            .p(.attr("style", "margin:0;")) { HTMLNode.text(organisation) },
        ])
        return MailStyle.document(language: language, title: t("mail.confirmation.subject", catalogue), content: content, footer: footer)
    }
}
