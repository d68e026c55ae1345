import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The idea bank's rules, shared by the API and the pages: every staff member
/// of the organisation sends and reads ideas and comments on them; only
/// administrators and an idea's owner move it on, give it another owner or
/// category. A status step queues a note to the submitter.
struct IdeaDesk {
    var scope: StaffScope
    var request: Request
    var now: Date

    static func of(_ request: Request) async throws -> IdeaDesk {
        IdeaDesk(scope: try await request.requireScope(), request: request, now: request.kaiku.clock.now)
    }

    var organisationID: UUID { scope.staff.organisationID }
    var userID: UUID { scope.staff.userID }

    /// An idea as the form or the JSON body sends it, unchecked.
    struct Submission: Sendable, Equatable {
        var title: String?
        var description: String?
        var unit: String?
        var category: String?
        var anonymous = false
        var language: Language = .fi
    }

    func submit(_ submission: Submission) async throws -> Idea {
        let text: IdeaText
        do throws(IdeaText.Problem) { text = try IdeaText.checked(title: submission.title, description: submission.description) } catch { throw IdeaProblem.text(error) }
        let unitID = try unit(submission.unit)
        let category = try await category(submission.category.flatMap { $0.isEmpty ? nil : $0 } ?? IdeaCategoryDefaults.fallback)
        let idea = Idea(organisationID: organisationID, unitID: unitID, category: category, text: text, anonymous: submission.anonymous,
                        submitterID: userID, language: submission.language, at: now)
        try await Ideas.add(idea, actor: scope.staff.auditActor, on: request.db)
        return idea
    }

    func find(_ id: UUID?) async throws -> Idea {
        guard let idea = try await Ideas.find(id, organisationID: organisationID, on: request.db) else {
            throw Abort(.notFound, reason: "No such idea in your organisation.")
        }
        return idea
    }

    func mayHandle(_ idea: Idea) -> Bool { scope.staff.role == .administrator || idea.ownerID == userID }

    /// Checks and applies a change of status, owner or category; a status
    /// step queues the note to the submitter and sends it at once.
    func change(_ idea: Idea, status: String?, owner: String?, category: String?) async throws {
        guard mayHandle(idea) else { throw IdeaProblem.notHandler }
        var change = Ideas.Change()
        if let status {
            guard let next = IdeaStatus(rawValue: status) else { throw IdeaProblem.unknownStatus }
            if next != idea.statusValue {
                guard idea.statusValue.canMove(to: next) else { throw IdeaProblem.transition(from: idea.statusValue, to: next) }
                change.status = next
            }
        }
        if let owner, !owner.isEmpty { change.ownerID = try await self.owner(owner) }
        if let category { change.category = try await self.category(category) }
        let moved = try await Ideas.apply(change, to: idea, actor: scope.staff.auditActor, at: now, on: request.db)
        if moved, let job = try await IdeaNoteJob.enqueue(idea, baseURL: request.publicBaseURL, now: now, on: request.db) {
            do {
                try await JobRunner().runNow(job, app: request.application)
            } catch {
                request.logger.warning("idea note \(job) stays queued: \(error)")
            }
        }
    }

    func comment(on idea: Idea, text raw: String?) async throws {
        let text: String
        do throws(IdeaText.Problem) { text = try IdeaText.checkedComment(raw) } catch { throw IdeaProblem.text(error) }
        try await Ideas.comment(on: idea, text: text, by: userID, at: now, on: request.db)
    }

    /// The list's filters from a query string's values; an unknown value is refused, not ignored.
    func filter(status: String?, category: String?, unit: String?, year: String?) async throws -> IdeaFilter {
        var filter = IdeaFilter()
        if let status = status.flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let value = IdeaStatus(rawValue: status) else { throw IdeaProblem.unknownStatus }
            filter.status = value
        }
        if let category = category.flatMap({ $0.isEmpty ? nil : $0 }) { filter.category = try await self.category(category) }
        if let unit = unit.flatMap({ $0.isEmpty ? nil : $0 }) { filter.unitIDs = scope.tree.subtree(of: try self.unit(unit)) }
        if let year = year.flatMap({ $0.isEmpty ? nil : $0 }) {
            guard year.count == 4, let value = Int(year), (2000...2100).contains(value) else { throw IdeaProblem.badYear }
            let zone = try await timeZone()
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            filter.from = calendar.date(from: DateComponents(year: value, month: 1, day: 1))
            filter.until = calendar.date(from: DateComponents(year: value + 1, month: 1, day: 1))
        }
        return filter
    }

    func timeZone() async throws -> TimeZone {
        try await Organisation.find(organisationID, on: request.db)?.timeZone ?? TimeZone(identifier: "Europe/Helsinki") ?? .current
    }

    /// A unit of the organisation (ideas are the whole organisation's, not the sender's subtree).
    func unit(_ code: String?) throws -> UUID {
        guard let code, PlainIdentifier.isPlain(code), let unit = scope.unit(code: code), let id = unit.id else { throw IdeaProblem.unknownUnit }
        return id
    }

    func category(_ code: String) async throws -> String {
        guard code.count <= 40, try await IdeaCategories.codes(organisationID: organisationID, on: request.db).contains(code) else {
            throw IdeaProblem.unknownCategory
        }
        return code
    }

    private func owner(_ raw: String) async throws -> UUID {
        guard let id = UUID(uuidString: raw), let user = try await User.find(id, on: request.db),
              user.organisationID == organisationID, user.isActive else { throw IdeaProblem.unknownOwner }
        return id
    }
}
