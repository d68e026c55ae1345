import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// Checks a reported visit, from the API or a CSV file, and turns it into a
/// `VisitIntake`: every problem is a `FieldError` naming the field.
enum VisitIntakeParser {
    static func parse(visitID: String, time: String, unit: String, target: String?, phone: String?, language: String?,
                      consent: Bool, nonDisclosure: Bool, directory: VisitDirectory, on database: any Database) async throws -> VisitIntake {
        let id = visitID.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(id.count), !id.containsStrayControlCharacters else {
            throw FieldError(field: "visitId", message: "visitId must be 1–100 characters: the visit's id in your system.")
        }
        guard let visitedAt = ISO8601.parse(time.trimmingCharacters(in: .whitespaces)) else {
            throw FieldError(field: "time", message: "time must be an ISO 8601 date-time with a zone, e.g. 2026-11-24T09:30:00+02:00.")
        }
        let unitCode = unit.trimmingCharacters(in: .whitespaces)
        guard PlainIdentifier.isPlain(unitCode, maxLength: 100), let unitID = try await directory.unit(code: unitCode, on: database) else {
            throw FieldError(field: "unit", message: "No unit with code \(unit) in your organisation.")
        }
        var targetID: UUID?
        if let target, !target.isEmpty {
            guard PlainIdentifier.isPlain(target, maxLength: 100), let id = try await directory.target(code: target, on: database) else {
                throw FieldError(field: "target", message: "No feedback target with code \(target) in your organisation.")
            }
            targetID = id
        } else {
            targetID = try await directory.defaultTarget(of: unitID, on: database)
        }
        guard targetID != nil else {
            throw FieldError(field: "target", message: "Unit \(unit) has no feedback target of its own: name one with target.")
        }
        var normalised: String?
        if let phone, !phone.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let valid = ContactDetails.normalisedPhone(phone) else {
                throw FieldError(field: "phone", message: "phone must be a phone number such as +358401234567 or 040 123 4567.")
            }
            normalised = ContactDetails.international(valid)
        }
        guard let language = language?.trimmingCharacters(in: .whitespaces), !language.isEmpty else {
            throw FieldError(field: "language", message: "language is required: the visit's language as a code such as fi, sv or en.")
        }
        // The question is asked in Finnish or Swedish when the visit was, in English otherwise.
        let spoken = Language(loose: language).flatMap { $0 == .en ? nil : $0 } ?? .en
        return VisitIntake(externalID: id, visitedAt: visitedAt, unitID: unitID, targetID: targetID, phone: nonDisclosure ? nil : normalised,
                           language: spoken, consent: consent, nonDisclosure: nonDisclosure)
    }
}
