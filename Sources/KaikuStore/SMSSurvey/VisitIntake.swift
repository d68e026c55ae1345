import Foundation
import KaikuCore

/// A visit as a patient system reports it, checked and normalised.
public struct VisitIntake: Sendable {
    public var externalID: String
    public var visitedAt: Date
    public var unitID: UUID
    public var targetID: UUID?
    /// E.164, or nil when none was given.
    public var phone: String?
    public var language: Language
    public var consent: Bool
    public var nonDisclosure: Bool

    public init(externalID: String, visitedAt: Date, unitID: UUID, targetID: UUID?, phone: String?, language: Language,
                consent: Bool, nonDisclosure: Bool) {
        self.externalID = externalID
        self.visitedAt = visitedAt
        self.unitID = unitID
        self.targetID = targetID
        self.phone = phone
        self.language = language
        self.consent = consent
        self.nonDisclosure = nonDisclosure
    }
}
