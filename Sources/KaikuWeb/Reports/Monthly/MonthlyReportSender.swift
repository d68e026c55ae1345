import Fluent
import Foundation
import KaikuCore
import KaikuSMTP
import KaikuStore
import Vapor

/// Sends an organisation's monthly reports of one month to everyone who
/// receives them and has not had it yet. Each report is claimed in the
/// deliveries table before it is composed and sent, so the scheduled job
/// on several instances and `kaiku reports send-monthly` never send one twice.
/// Only a crash between the mail server's acceptance and the record could
/// (the next attempt would send again): e-mail gives no way to ask whether
/// a message already arrived.
enum MonthlyReportSender {
    struct Outcome: Sendable, Equatable {
        var sent = 0
        var failed = 0
        /// `.eml` files a dry run wrote.
        var written = 0

        static func + (a: Outcome, b: Outcome) -> Outcome {
            Outcome(sent: a.sent + b.sent, failed: a.failed + b.failed, written: a.written + b.written)
        }
    }

    static func send(organisation: Organisation, month: ReportMonth, app: Application, worker: String,
                     dryRunInto directory: URL? = nil) async throws -> Outcome {
        let database = app.db
        let now = app.kaiku.clock.now
        let catalogue = app.kaiku.catalogue
        let organisationID = try organisation.requireID()
        let shared = try await MonthlyReportQuery.Shared.load(organisation: organisation, now: now, baseURL: baseURL(app), on: database)
        let units = Dictionary(uniqueKeysWithValues: shared.units.map { ($0.id!, $0) })
        let fallback = organisation.offeredLanguages.first ?? .fi
        var outcome = Outcome()
        for (user, choice) in try await ReportSubscriptions.recipients(organisationID: organisationID, on: database) {
            let userID = try user.requireID()
            guard let root = units[user.unitID] else { continue }
            if let directory {
                guard try await !ReportDeliveries.wasSent(userID: userID, month: month.key, on: database) else { continue }
                let language = choice.flatMap { Language(rawValue: $0.language) } ?? fallback
                let report = try await MonthlyReportQuery.load(root: root, month: month, language: language, unsubscribeToken: choice?.token ?? "dry-run",
                                                               shared: shared, catalogue: catalogue, on: database)
                try write(report.email(to: user.email, catalogue: catalogue), app: app, now: now,
                          into: directory.appendingPathComponent("\(month)-\(organisation.code)-\(userID.uuidString.lowercased()).eml"))
                outcome.written += 1
                continue
            }
            let subscription = try await ReportSubscriptions.ensure(for: user, language: fallback, now: now, on: database)
            guard try await ReportDeliveries.claim(organisationID: organisationID, userID: userID, email: user.email, month: month.key,
                                                   worker: worker, now: now, on: database) else { continue }
            do {
                let report = try await MonthlyReportQuery.load(root: root, month: month, language: Language(rawValue: subscription.language) ?? fallback,
                                                               unsubscribeToken: subscription.token, shared: shared, catalogue: catalogue, on: database)
                try await app.kaiku.mail.send(report.email(to: user.email, catalogue: catalogue))
                try await ReportDeliveries.markSent(userID: userID, month: month.key, worker: worker, now: app.kaiku.clock.now, on: database)
                outcome.sent += 1
            } catch {
                app.logger.warning("monthly report \(month) to user \(userID) not sent: \(error)")
                try await ReportDeliveries.markFailed(userID: userID, month: month.key, worker: worker, error: String(describing: error), on: database)
                outcome.failed += 1
            }
        }
        return outcome
    }

    /// Where the links in the report point: `KAIKU_PUBLIC_URL`, else the address this instance serves on.
    static func baseURL(_ app: Application) -> String {
        if let configured = app.kaiku.settings.publicBaseURL, !configured.isEmpty { return configured }
        let server = app.http.server.configuration
        return "http://\(server.hostname):\(server.port)"
    }

    private static func write(_ email: OutgoingEmail, app: Application, now: Date, into file: URL) throws {
        let smtp = app.kaiku.settings.smtp
        let text = try SMTPMessage.eml(email, fromAddress: smtp?.fromAddress ?? "kaiku@localhost", fromName: smtp?.fromName, date: now)
        try Data(text.utf8).write(to: file, options: .atomic)
    }
}
