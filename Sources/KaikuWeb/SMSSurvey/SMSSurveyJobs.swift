import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The SMS survey's messages go out through the job table, so that a
/// gateway outage delays a question instead of losing it, and a question
/// waits for its time (the delay after the visit, outside quiet hours).
enum SMSSurveyJobs {
    static let ask = "sms.survey.ask"
    static let send = "sms.survey.send"
    static let expire = "sms.survey.expire"
    /// How long a question waits for its reply before the number is deleted.
    static let replyWindow: TimeInterval = 48 * 3_600
    /// A question more than a day late (a late import, a long outage) is not sent at all.
    static let lateness: TimeInterval = 24 * 3_600

    struct Payload: Codable, Sendable {
        var visitID: UUID
        /// For `send`: the catalogue key of the text.
        var text: String?
    }

    static let handlers: [String: JobRunner.Handler] = [
        ask: { job, app in try await runAsk(job, app) },
        send: { job, app in try await runSend(job, app) },
        expire: { job, app in try await runExpire(job, app) },
    ]

    static func schedule(_ visit: Visit, on database: any Database) async throws {
        guard visit.statusValue == .scheduled, let at = visit.sendAt else { return }
        try await enqueue(ask, Payload(visitID: try visit.requireID()), at: at, key: "\(ask):\(try visit.requireID())", on: database)
    }

    /// Queues a follow-up or retry text and returns the job's id, to be run at once.
    static func queueText(_ key: String, for visit: Visit, now: Date, on database: any Database) async throws -> UUID {
        try await enqueue(send, Payload(visitID: try visit.requireID(), text: key), at: now,
                          key: "\(send):\(try visit.requireID()):\(key)", on: database)
    }

    @discardableResult
    private static func enqueue(_ kind: String, _ payload: Payload, at: Date, key: String, on database: any Database) async throws -> UUID {
        let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        return try await JobQueue.enqueue(kind: kind, payload: json, runAt: at, uniqueKey: key, maxAttempts: 8, on: database)
    }

    private static func visit(_ job: JobQueue.Claimed, _ app: Application) async throws -> (Visit, Payload)? {
        let payload = try JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8))
        return try await Visit.find(payload.visitID, on: app.db).map { ($0, payload) }
    }

    private static func runAsk(_ job: JobQueue.Claimed, _ app: Application) async throws {
        guard let (visit, _) = try await visit(job, app), visit.statusValue == .scheduled,
              let phoneHash = visit.phoneHash, let sendAt = visit.sendAt else { return }
        let now = app.kaiku.clock.now
        let settings = try await SMSSurveyStore.settings(for: visit.organisationID, on: app.db)
        let zone = try await Organisation.find(visit.organisationID, on: app.db)?.timeZone ?? TimeZone(identifier: "Europe/Helsinki")!
        let skip: VisitSkip? = if !settings.enabled { .notEnabled }
            else if now.timeIntervalSince(sendAt) > lateness { .tooLate }
            else if try await SMSSurveyStore.optedOut(phoneHash, organisationID: visit.organisationID, on: app.db) { .optedOut }
            else if try await SMSSurveyStore.askedSince(now.addingTimeInterval(-Double(settings.oncePerDays) * 86_400), phoneHash: phoneHash,
                                                        except: visit.requireID(), organisationID: visit.organisationID, on: app.db) { .askedRecently }
            else { nil }
        if let skip {
            try await SMSSurveyStore.finish(visit, as: .skipped, skip: skip, on: app.db)
            return
        }
        // A backlog can carry a question into the quiet hours: it then waits for their end.
        let allowed = settings.sendTime(visitAt: now.addingTimeInterval(-Double(settings.delayMinutes) * 60), zone: zone)
        if allowed.timeIntervalSince(now) > 60 {
            try await enqueue(ask, Payload(visitID: try visit.requireID()), at: allowed, key: "\(ask):\(try visit.requireID()):\(allowed.timeIntervalSince1970)", on: app.db)
            return
        }
        try await deliver("sms.survey.question", visit: visit, reference: "survey-\(try visit.requireID())", app: app)
        visit.status = Visit.Status.asked.rawValue
        visit.askedAt = now
        try await visit.save(on: app.db)
        try await enqueue(expire, Payload(visitID: try visit.requireID()), at: now.addingTimeInterval(replyWindow),
                          key: "\(expire):\(try visit.requireID())", on: app.db)
    }

    private static func runSend(_ job: JobQueue.Claimed, _ app: Application) async throws {
        guard let (visit, payload) = try await visit(job, app), let key = payload.text,
              [.asked, .commentAsked].contains(visit.statusValue) else { return }
        try await deliver(key, visit: visit, reference: "survey-\(try visit.requireID())-\(job.id.uuidString.prefix(8))", app: app)
    }

    /// No usable reply in time: the number is deleted; a score already given stays.
    private static func runExpire(_ job: JobQueue.Claimed, _ app: Application) async throws {
        guard let (visit, _) = try await visit(job, app) else { return }
        switch visit.statusValue {
        case .asked: try await SMSSurveyStore.finish(visit, as: .expired, on: app.db)
        case .commentAsked: try await SMSSurveyStore.finish(visit, as: .done, on: app.db)
        default: return
        }
    }

    private static func deliver(_ key: String, visit: Visit, reference: String, app: Application) async throws {
        guard let phone = try app.kaiku.cipher.open(visit.phone) else { return }
        let language = Language(rawValue: visit.language) ?? .en
        let place = try await placeName(visit, language: language, on: app.db)
        let text = app.kaiku.catalogue.text(key, language, ["place": place])
        let acceptance = try await app.kaiku.sms.send(OutgoingSMS(to: phone, text: text, reference: reference))
        try await SMSMessage(organisationID: visit.organisationID, caseID: nil, reference: reference, gatewayID: acceptance.gatewayID,
                             sentAt: app.kaiku.clock.now).create(on: app.db)
    }

    private static func placeName(_ visit: Visit, language: Language, on database: any Database) async throws -> String {
        if let id = visit.targetID, let target = try await Target.find(id, on: database) { return target.name[language] }
        return try await OrgUnit.find(visit.unitID, on: database)?.name[language] ?? ""
    }
}
