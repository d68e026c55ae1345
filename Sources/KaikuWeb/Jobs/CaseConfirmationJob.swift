import Fluent
import Foundation
import KaikuCore
import KaikuSMTP
import KaikuStore
import Vapor

/// Sends the confirmation queued with a case that has an e-mail address
/// (`CaseJobs.confirm`, in the same transaction as the answer, so the
/// answer's 201 never waits for the mail server and a failed send is
/// retried from the job table). One job per case; a crash between sending
/// and recording can send it twice, as with every mail from the job table.
enum CaseConfirmationJob {
    static func run(_ job: JobQueue.Claimed, app: Application) async throws {
        let payload = try JSONDecoder().decode(CaseJobs.Payload.self, from: Data(job.payload.utf8))
        // Answered or closed before the mail went out: a promise to answer would only confuse.
        guard let item = try await FeedbackCase.find(payload.caseID, on: app.db), item.statusValue.isPending,
              let response = try await FeedbackResponse.find(item.responseID, on: app.db),
              let contact = try await ResponseContact.query(on: app.db).filter(\.$responseID == item.responseID).first(),
              let address = try app.kaiku.cipher.open(contact.email),
              let organisation = try await Organisation.find(item.organisationID, on: app.db),
              let target = try await Target.find(response.targetID, on: app.db),
              let unit = try await OrgUnit.find(item.unitID, on: app.db) else { return }
        let mail = confirmation(response: response, item: item, target: target, unit: unit, organisation: organisation,
                                baseURL: MonthlyReportSender.baseURL(app))
        do {
            try await app.kaiku.mail.send(mail.email(to: address, catalogue: app.kaiku.catalogue))
        } catch let error as SMTPError where !error.isTransient {
            // The mail server refused the address for good; retrying cannot help. The address stays out of the log.
            app.logger.warning("confirmation of case \(payload.caseID) refused: \(TextMasker().mask(String(describing: error)).text)")
        }
    }

    static func confirmation(response: FeedbackResponse, item: FeedbackCase, target: Target, unit: OrgUnit,
                             organisation: Organisation, baseURL: String) -> CaseConfirmationMail {
        let language = Language(rawValue: response.language) ?? .fi
        let base = baseURL.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return CaseConfirmationMail(
            language: language, receipt: item.receipt, target: target.name[language], unit: unit.name[language],
            organisation: organisation.name[language], promiseDays: organisation.promiseDays, counting: organisation.promiseCounting,
            due: CalendarDay(date: item.dueAt, timeZone: organisation.timeZone),
            statusLink: base + SiteURL.statusLookup.url(language: language, [("receipt", item.receipt)]))
    }
}
