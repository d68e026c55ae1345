import Foundation
import KaikuCore

extension MonthlyReport {
    /// The report as an e-mail: plain text and HTML alternatives, and the
    /// unsubscribe link in the header that mail clients offer as a button.
    func email(to address: String, catalogue: Catalogue) -> OutgoingEmail {
        OutgoingEmail(to: address, subject: MonthlyReportFormat(report: self, catalogue: catalogue).subject,
                      body: plainText(catalogue: catalogue), html: html(catalogue: catalogue), unsubscribeLink: unsubscribeLink)
    }
}
