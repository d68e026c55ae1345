import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Visits, settings and opt-outs of the SMS survey.
public enum SMSSurveyStore {
    public static func settings(for organisationID: UUID, on database: any Database) async throws -> SMSSurveySettings {
        try await SMSSurveySettingsRow.query(on: database).filter(\.$organisationID == organisationID).first()?.settings ?? .defaults
    }

    public static func save(_ settings: SMSSurveySettings, for organisationID: UUID, on database: any Database) async throws {
        let row = try await SMSSurveySettingsRow.query(on: database).filter(\.$organisationID == organisationID).first() ?? {
            let row = SMSSurveySettingsRow()
            row.organisationID = organisationID
            return row
        }()
        row.apply(settings)
        try await row.save(on: database)
    }

    /// What deciding about a visit needs from the organisation, read once
    /// for a whole import rather than for every row.
    public struct IntakeContext: Sendable {
        public var settings: SMSSurveySettings
        public var tree: OrgTree<UUID>
        public var zone: TimeZone

        /// A unit takes part when it or a unit above it was chosen.
        public func takesPart(_ unitID: UUID) -> Bool {
            ([unitID] + tree.ancestors(of: unitID)).contains { settings.units.contains($0) }
        }
    }

    public static func intakeContext(organisationID: UUID, on database: any Database) async throws -> IntakeContext {
        let units = try await OrgUnit.all(in: organisationID, on: database)
        let zone = try await Organisation.find(organisationID, on: database)?.timeZone ?? TimeZone(identifier: "Europe/Helsinki")!
        return IntakeContext(settings: try await settings(for: organisationID, on: database),
                             tree: OrgTree(units.compactMap { unit in unit.id.map { (id: $0, parent: unit.parentID) } }), zone: zone)
    }

    /// Stores a visit once; a repeat of its external id returns the first
    /// record unchanged. A visit that may not be asked about keeps no number.
    public static func receive(_ intake: VisitIntake, organisationID: UUID, context: IntakeContext, cipher: ContactCipher, now: Date,
                               on database: any Database) async throws -> (visit: Visit, isNew: Bool) {
        if let existing = try await Visit.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$externalID == intake.externalID).first() {
            return (existing, false)
        }
        let settings = context.settings
        let skip = settings.skipAtIntake(consent: intake.consent, nonDisclosure: intake.nonDisclosure,
                                         unitTakesPart: context.takesPart(intake.unitID), hasPhone: intake.phone != nil)
        let visit = Visit()
        visit.id = UUID()
        visit.organisationID = organisationID
        visit.externalID = intake.externalID
        visit.unitID = intake.unitID
        visit.targetID = intake.targetID
        visit.visitedAt = intake.visitedAt
        visit.language = intake.language.rawValue
        visit.retried = false
        visit.createdAt = now
        if let skip {
            visit.status = Visit.Status.skipped.rawValue
            visit.skipReason = skip.rawValue
        } else if let phone = intake.phone {
            visit.status = Visit.Status.scheduled.rawValue
            visit.phone = try cipher.seal(phone)
            visit.phoneHash = cipher.pseudonym(of: phone)
            visit.sendAt = settings.sendTime(visitAt: intake.visitedAt, zone: context.zone)
        }
        try await visit.create(on: database)
        return (visit, true)
    }

    /// Whether the number answered a stop word to this organisation.
    public static func optedOut(_ phoneHash: String, organisationID: UUID, on database: any Database) async throws -> Bool {
        try await SMSOptOut.query(on: database).filter(\.$organisationID == organisationID).filter(\.$phoneHash == phoneHash).count() > 0
    }

    /// Whether another visit's question went to the number since `since`.
    public static func askedSince(_ since: Date, phoneHash: String, except visitID: UUID, organisationID: UUID,
                                  on database: any Database) async throws -> Bool {
        try await Visit.query(on: database).filter(\.$organisationID == organisationID).filter(\.$phoneHash == phoneHash)
            .filter(\.$askedAt >= since).filter(\.$id != visitID).count() > 0
    }

    /// The visit whose question a reply from this number answers: the latest one still waiting.
    public static func awaitingReply(phoneHash: String, on database: any Database) async throws -> Visit? {
        try await Visit.query(on: database).filter(\.$phoneHash == phoneHash)
            .filter(\.$status ~~ [Visit.Status.asked.rawValue, Visit.Status.commentAsked.rawValue])
            .sort(\.$askedAt, .descending).first()
    }

    /// LOPETA, STOPP or STOP: no more messages to the number from this
    /// organisation, and every number of it still kept is deleted.
    public static func optOut(phoneHash: String, organisationID: UUID, now: Date, on database: any Database) async throws {
        if try await !optedOut(phoneHash, organisationID: organisationID, on: database) {
            try await SMSOptOut(organisationID: organisationID, phoneHash: phoneHash, at: now).create(on: database)
        }
        let pending = [Visit.Status.scheduled, .asked, .commentAsked].map(\.rawValue)
        for visit in try await Visit.query(on: database).filter(\.$organisationID == organisationID)
            .filter(\.$phoneHash == phoneHash).filter(\.$status ~~ pending).all() {
            visit.status = Visit.Status.optedOut.rawValue
            visit.phone = nil
            try await visit.save(on: database)
        }
    }

    /// Ends a visit's survey: the number is deleted, its pseudonym stays for the once-per-period rule.
    public static func finish(_ visit: Visit, as status: Visit.Status, skip: VisitSkip? = nil, on database: any Database) async throws {
        visit.status = status.rawValue
        visit.skipReason = skip?.rawValue
        visit.phone = nil
        try await visit.save(on: database)
    }

    /// Forgets pseudonyms older than each organisation's period: they are
    /// kept for nothing else. Returns how many were forgotten.
    @discardableResult
    public static func forgetPseudonyms(now: Date, on database: any Database) async throws -> Int {
        var forgotten = 0
        let finished = [Visit.Status.skipped, .done, .optedOut, .expired].map(\.rawValue)
        for organisation in try await Organisation.query(on: database).all() {
            let settings = try await settings(for: organisation.requireID(), on: database)
            let cutoff = now.addingTimeInterval(-Double(settings.oncePerDays) * 86_400)
            let old = try await Visit.query(on: database).filter(\.$organisationID == organisation.requireID())
                .filter(\.$status ~~ finished).filter(\.$phoneHash != nil).filter(\.$createdAt < cutoff)
                .group(.or) { $0.filter(\.$askedAt == nil).filter(\.$askedAt < cutoff) }.all()
            for visit in old {
                visit.phoneHash = nil
                try await visit.save(on: database)
                forgotten += 1
            }
        }
        return forgotten
    }
}
