import Fluent
import Foundation
import KaikuCore
import KaikuSMTP
import KaikuStore
import Vapor

/// The note to an idea's submitter when it moves on (under review, accepted,
/// declined, implemented), in the language they sent it in. It waits in the
/// job table, so a mail server outage delays it and loses nothing; the unique
/// key makes it one note per idea and step however often the step is saved.
enum IdeaNoteJob {
    static let kind = "idea.note"
    static let maxAttempts = 8

    struct Payload: Codable, Sendable {
        var ideaID: UUID
        var status: IdeaStatus
        /// Where the link points: `KAIKU_PUBLIC_URL`, else the address the change came from.
        var baseURL: String
    }

    /// Queues the note of the idea's present status; nil when it has no submitter to tell.
    static func enqueue(_ idea: Idea, baseURL: String, now: Date, on database: any Database) async throws -> UUID? {
        guard idea.submitterID != nil, let id = idea.id else { return nil }
        let payload = Payload(ideaID: id, status: idea.statusValue, baseURL: baseURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")))
        let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        return try await JobQueue.enqueue(kind: kind, payload: json, runAt: now, uniqueKey: "\(kind):\(id.uuidString):\(payload.status.rawValue)",
                                          maxAttempts: maxAttempts, on: database)
    }

    static func run(_ job: JobQueue.Claimed, app: Application) async throws {
        let payload = try JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8))
        // Deleted, or the submitter gone or deactivated: nobody to tell.
        guard let idea = try await Idea.find(payload.ideaID, on: app.db), let submitterID = idea.submitterID,
              let user = try await User.find(submitterID, on: app.db), user.isActive,
              let organisation = try await Organisation.find(idea.organisationID, on: app.db) else { return }
        do {
            try await app.kaiku.mail.send(message(idea, status: payload.status, to: user, organisation: organisation,
                                                  baseURL: payload.baseURL, catalogue: app.kaiku.catalogue))
        } catch let error as SMTPError where !error.isTransient {
            app.logger.warning("idea note to user \(submitterID) refused: \(error)")
        }
    }

    static func message(_ idea: Idea, status: IdeaStatus, to user: User, organisation: Organisation, baseURL: String,
                        catalogue: Catalogue) -> OutgoingEmail {
        let language = idea.languageValue
        let link = baseURL + SiteURL.staff(.idea(.value(idea.id ?? UUID()))).url(language: language)
        let arguments = ["organisation": organisation.name[language], "title": idea.title, "link": link,
                         "status": catalogue.text("staff.ideas.status.\(status.rawValue)", language),
                         "step": catalogue.text("mail.idea.step.\(status.rawValue)", language)]
        return OutgoingEmail(to: user.email, subject: catalogue.text("mail.idea.subject", language, arguments),
                             body: catalogue.text("mail.idea.body", language, arguments))
    }
}
