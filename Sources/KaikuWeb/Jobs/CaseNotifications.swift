import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Reminders to handlers before a case is due and escalations to
/// supervisors when it is late. A case answered in the meantime gets neither.
enum CaseNotifications {
    static func remind(_ job: JobQueue.Claimed, app: Application) async throws {
        guard let (item, organisation) = try await pendingCase(job, app: app) else { return }
        var recipients = try await staff(for: item, roles: [.handler], app: app)
        if let assignee = item.assigneeID, let user = try await User.find(assignee, on: app.db), user.mayUseSessions {
            recipients = [user]
        }
        if recipients.isEmpty { recipients = try await staff(for: item, roles: [.supervisor], app: app) }
        try await notify(recipients, item: item, organisation: organisation, kind: "reminder", event: .reminded, app: app)
    }

    static func escalate(_ job: JobQueue.Claimed, app: Application) async throws {
        guard let (item, organisation) = try await pendingCase(job, app: app) else { return }
        var recipients = try await staff(for: item, roles: [.supervisor], app: app)
        if recipients.isEmpty { recipients = try await staff(for: item, roles: [.administrator], app: app) }
        try await notify(recipients, item: item, organisation: organisation, kind: "escalation", event: .escalated, app: app)
    }

    private static func pendingCase(_ job: JobQueue.Claimed, app: Application) async throws -> (FeedbackCase, Organisation)? {
        let payload = try JSONDecoder().decode(CaseJobs.Payload.self, from: Data(job.payload.utf8))
        guard let item = try await FeedbackCase.find(payload.caseID, on: app.db), item.statusValue.isPending,
              let organisation = try await Organisation.find(item.organisationID, on: app.db) else { return nil }
        return (item, organisation)
    }

    /// Staff with one of `roles` whose scope covers the case's unit, nearest
    /// to the unit first: the unit's own supervisor before the county's.
    static func staff(for item: FeedbackCase, roles: Set<User.Role>, app: Application) async throws -> [User] {
        try await staff(organisationID: item.organisationID, unitID: item.unitID, roles: roles, app: app)
    }

    /// Staff with one of `roles` whose scope covers the unit, nearest to it first.
    static func staff(organisationID: UUID, unitID: UUID, roles: Set<User.Role>, app: Application) async throws -> [User] {
        let units = try await OrgUnit.query(on: app.db).filter(\.$organisationID == organisationID).all()
        let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
        let chain = [unitID] + tree.ancestors(of: unitID)
        let users = try await User.query(on: app.db)
            .filter(\.$organisationID == organisationID)
            .filter(\.$unitID ~~ chain)
            .filter(\.$lockedAt == nil)
            .filter(\.$deactivatedAt == nil)
            .all()
            .filter { $0.roleValue.map(roles.contains) ?? false }
        guard let nearest = chain.first(where: { unit in users.contains { $0.unitID == unit } }) else { return [] }
        return users.filter { $0.unitID == nearest }.sorted { $0.email < $1.email }
    }

    private static func notify(_ recipients: [User], item: FeedbackCase, organisation: Organisation, kind: String,
                               event: CaseEventKind, app: Application) async throws {
        let catalogue = app.kaiku.catalogue
        let due = CalendarDay(date: item.dueAt, timeZone: organisation.timeZone)
        let arguments = ["receipt": item.receipt, "due": "\(due.day).\(due.month).\(due.year)", "organisation": organisation.name[.fi]]
        for user in recipients {
            try await app.kaiku.mail.send(OutgoingEmail(
                to: user.email,
                subject: catalogue.text("mail.\(kind).subject", .fi, arguments),
                body: catalogue.text("mail.\(kind).body", .fi, arguments)))
        }
        try await CaseEvent(caseID: item.requireID(), at: app.kaiku.clock.now, kind: event,
                            detail: recipients.map(\.email).joined(separator: ", ")).create(on: app.db)
    }
}
