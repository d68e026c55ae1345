import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The scheduled monthly report: one job per organisation and month, queued
/// for 07:00 on the first working day of the next month in the
/// organisation's time zone, with a unique key so that every instance may
/// schedule it and it still runs once. A failed delivery fails the job, and
/// the job table retries it with back-off; reports already sent are skipped.
enum MonthlyReportJob {
    static let kind = "reports.monthly"
    /// With the job table's back-off (30 s doubling, at most an hour) this keeps trying for about seven hours.
    static let maxAttempts = 12

    struct Payload: Codable, Sendable {
        var organisationID: UUID
        /// yyyymm
        var month: Int
    }

    struct DeliveryFailed: Error, CustomStringConvertible {
        var failed: Int
        var description: String { "\(failed) monthly report(s) could not be sent; the job tries again later" }
    }

    static func run(_ job: JobQueue.Claimed, app: Application) async throws {
        let payload = try JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8))
        try await schedule(app, after: app.kaiku.clock.now)
        guard let organisation = try await Organisation.find(payload.organisationID, on: app.db),
              let month = ReportMonth(key: payload.month) else { return }
        let outcome = try await MonthlyReportSender.send(organisation: organisation, month: month, app: app,
                                                         worker: "job-\(job.id.uuidString.prefix(8))-\(UUID().uuidString.prefix(8))")
        app.logger.info("monthly reports \(month) of \(organisation.code): \(outcome.sent) sent, \(outcome.failed) failed")
        if outcome.failed > 0 { throw DeliveryFailed(failed: outcome.failed) }
    }

    /// Queues each organisation's next monthly report; asking again changes nothing.
    static func schedule(_ app: Application, after now: Date) async throws {
        for organisation in try await Organisation.query(on: app.db).all() {
            let (month, runAt) = next(after: now, timeZone: organisation.timeZone)
            let payload = Payload(organisationID: try organisation.requireID(), month: month.key)
            try await JobQueue.enqueue(kind: kind, payload: String(decoding: try JSONEncoder().encode(payload), as: UTF8.self), runAt: runAt,
                                       uniqueKey: "\(kind):\(payload.organisationID.uuidString):\(month)", maxAttempts: maxAttempts, on: app.db)
        }
    }

    /// The month whose report is due next after `now`, and when: the month
    /// that ended, until its report time this month has passed.
    static func next(after now: Date, timeZone: TimeZone) -> (month: ReportMonth, runAt: Date) {
        let ended = ReportMonth.ended(before: CalendarDay(date: now, timeZone: timeZone))
        let due = ended.reportDay.sendAt(in: timeZone)
        if now < due { return (ended, due) }
        let current = ended.adding(months: 1)
        return (current, current.reportDay.sendAt(in: timeZone))
    }
}
