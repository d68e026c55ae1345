import Fluent
import Foundation
import KaikuCore
import KaikuStore
import SQLKit
import Vapor

/// What each kind of job does.
enum JobHandlers {
    static let purge = "contacts.purge"

    static let all: [String: JobRunner.Handler] = SMSSurveyJobs.handlers.merging([
        CaseJobs.reminder: { job, app in try await CaseNotifications.remind(job, app: app) },
        CaseJobs.escalation: { job, app in try await CaseNotifications.escalate(job, app: app) },
        CaseJobs.confirmation: { job, app in try await CaseConfirmationJob.run(job, app: app) },
        CaseAnswerJob.kind: { job, app in try await CaseAnswerJob.run(job, app: app) },
        PasswordMailJob.kind: { job, app in try await PasswordMailJob.run(job, app: app) },
        IdeaNoteJob.kind: { job, app in try await IdeaNoteJob.run(job, app: app) },
        purge: { _, app in
            try await purgeContacts(app)
            // Daily, so that an organisation set up while the server runs has its monthly report queued within a day.
            try await MonthlyReportJob.schedule(app, after: app.kaiku.clock.now)
        },
        KioskWatch.kind: { _, app in try await KioskWatch.run(app) },
        ClassifierJobs.retrain: { job, app in try await ClassifierRetrainJob.run(job, app: app) },
        LanguageModelJob.kind: { job, app in try await LanguageModelJob.run(job, app: app) },
        MonthlyReportJob.kind: { job, app in try await MonthlyReportJob.run(job, app: app) },
    ]) { first, _ in first }

    /// Deletes contact details of cases closed longer ago than each
    /// organisation's retention period; the answers stay, anonymous.
    @discardableResult
    static func purgeContacts(_ app: Application) async throws -> Int {
        let now = app.kaiku.clock.now
        let sql = try app.db.sql
        var purged = 0
        for organisation in try await Organisation.query(on: app.db).all() {
            let cutoff = now.addingTimeInterval(-Double(organisation.retentionDays) * 86_400)
            let closed = try await FeedbackCase.query(on: app.db)
                .filter(\.$organisationID == organisation.requireID())
                .filter(\.$closedAt != nil).filter(\.$closedAt < cutoff)
                .all(\.$responseID)
            for chunk in closed.chunked(into: 500).map(Array.init) {
                let before = try await ResponseContact.query(on: app.db).filter(\.$responseID ~~ chunk).count()
                try await sql.delete(from: ResponseContact.schema).where("response_id", .in, chunk).run()
                purged += before
            }
        }
        let forgotten = try await SMSSurveyStore.forgetPseudonyms(now: now, on: app.db)
        app.logger.info("purged contact details of \(purged) closed cases and \(forgotten) SMS survey pseudonyms")
        try await schedulePurge(app, after: now)
        return purged
    }

    /// The next purge at 03:00 Helsinki time, once per day however many instances ask.
    static func schedulePurge(_ app: Application, after now: Date) async throws {
        let zone = TimeZone(identifier: "Europe/Helsinki")!
        let tomorrow = CalendarDay(date: now.addingTimeInterval(86_400), timeZone: zone)
        try await JobQueue.enqueue(kind: purge, runAt: tomorrow.start(in: zone).addingTimeInterval(3 * 3_600),
                                   uniqueKey: "\(purge):\(tomorrow)", on: app.db)
    }
}
