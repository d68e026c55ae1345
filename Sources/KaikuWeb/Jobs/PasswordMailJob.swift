import Fluent
import Foundation
import KaikuCore
import KaikuSMTP
import KaikuStore
import Vapor

/// The e-mail with a one-time link to set a password: an invitation for a
/// user created without one, or a reset an administrator sent. It waits in
/// the job table like a case answer, so a mail server outage delays it and
/// loses nothing.
///
/// The link is made when the e-mail is sent, not when it is asked for, so
/// that no working link ever sits in the job table; each attempt makes a
/// new one, which supersedes the last. A crash between sending and
/// recording therefore sends a second e-mail whose link is the one that works.
enum PasswordMailJob {
    static let kind = "user.password-mail"
    static let maxAttempts = 8

    struct Payload: Codable, Sendable {
        var userID: UUID
        var purpose: PasswordToken.Purpose
        var language: Language
        /// Where the link points: `KAIKU_PUBLIC_URL`, else the address the administrator used.
        var baseURL: String
    }

    @discardableResult
    static func enqueue(_ payload: Payload, now: Date, on database: any Database) async throws -> UUID {
        let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        return try await JobQueue.enqueue(kind: kind, payload: json, runAt: now,
                                          uniqueKey: "\(kind):\(payload.userID.uuidString):\(UUID().uuidString)",
                                          maxAttempts: maxAttempts, on: database)
    }

    static func run(_ job: JobQueue.Claimed, app: Application) async throws {
        let payload = try JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8))
        // Deactivated, deleted, or the invitation already taken up: nothing is owed.
        guard let user = try await User.find(payload.userID, on: app.db), user.isActive,
              payload.purpose == .reset || user.isInvited,
              let organisation = try await Organisation.find(user.organisationID, on: app.db) else { return }
        let now = app.kaiku.clock.now
        let token = TokenHash.newToken()
        let stored = try await PasswordTokens.issue(userID: user.requireID(), purpose: payload.purpose, tokenHash: TokenHash.of(token),
                                                    now: now, on: app.db)
        do {
            try await app.kaiku.mail.send(message(to: user, organisation: organisation, payload: payload, token: token,
                                                  expiresAt: stored.expiresAt, catalogue: app.kaiku.catalogue))
        } catch let error as SMTPError where !error.isTransient {
            // The mail server refused the address for good: retrying would not help; an administrator sees it in the log.
            app.logger.warning("password e-mail to user \(payload.userID) refused: \(error)")
        }
    }

    static func message(to user: User, organisation: Organisation, payload: Payload, token: String, expiresAt: Date,
                        catalogue: Catalogue) -> OutgoingEmail {
        let language = payload.language
        let link = payload.baseURL + SiteURL.staff(.password(.value(token))).url(language: language)
        let arguments = ["organisation": organisation.name[language], "email": user.email, "link": link,
                         "until": StaffForm.date(expiresAt, in: organisation.timeZone)]
        switch payload.purpose {
        case .invitation:
            return OutgoingEmail(to: user.email, subject: catalogue.text("mail.invitation.subject", language, arguments),
                                 body: catalogue.text("mail.invitation.body", language, arguments))
        case .reset:
            return OutgoingEmail(to: user.email, subject: catalogue.text("mail.passwordReset.subject", language, arguments),
                                 body: catalogue.text("mail.passwordReset.body", language, arguments))
        }
    }
}
