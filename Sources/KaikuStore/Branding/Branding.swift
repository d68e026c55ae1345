import Crypto
import FluentKit
import Foundation
import KaikuCore

/// Reads and changes an organisation's branding: printed names, colour and
/// logo. Every change is written to the audit log with it.
public enum Branding {
    /// The brand of an organisation, its own names where no printed name is set; nil for no such organisation.
    public static func brand(of organisationID: UUID, on database: any Database) async throws -> OrganisationBrand? {
        guard let organisation = try await Organisation.find(organisationID, on: database) else { return nil }
        return try await brand(of: organisation, on: database)
    }

    /// The brand of the organisation with `code`; nil for no such organisation.
    public static func brand(organisationCode code: String, on database: any Database) async throws -> OrganisationBrand? {
        guard let organisation = try await Organisation.query(on: database).filter(\.$code == code).first() else { return nil }
        return try await brand(of: organisation, on: database)
    }

    public static func brand(of organisation: Organisation, on database: any Database) async throws -> OrganisationBrand {
        let id = try organisation.requireID()
        let row = try await OrganisationBranding.query(on: database).filter(\.$organisationID == id).first()
        // Only the logo's description: its bytes are read by `logo(organisationCode:)` alone.
        let logo = try await OrganisationLogo.query(on: database).filter(\.$organisationID == id)
            .field(\.$id).field(\.$contentType).field(\.$width).field(\.$height).field(\.$digest).first()
        let own = organisation.name
        func printed(_ value: String?, _ fallback: String) -> String { nonEmpty(value ?? "") ?? fallback }
        return OrganisationBrand(
            organisationCode: organisation.code,
            name: LocalizedText(fi: printed(row?.nameFi, own.fi), sv: printed(row?.nameSv, own.sv), en: printed(row?.nameEn, own.en)),
            colour: row?.colour.flatMap { try? BrandColour(validating: $0) },
            logo: logo.map { .init(contentType: $0.contentType, width: $0.width, height: $0.height, digest: $0.digest) })
    }

    /// The printed names (nil or empty: the organisation's own) and colour as set now.
    public struct Settings: Sendable, Equatable, Codable {
        public var name: [String: String]
        public var colour: String?

        public init(name: [String: String], colour: String?) {
            self.name = name
            self.colour = colour
        }
    }

    /// The printed names and colour as an administrator set them (none: empty names, no colour).
    public static func settings(of organisationID: UUID, on database: any Database) async throws -> Settings {
        try await OrganisationBranding.query(on: database).filter(\.$organisationID == organisationID).first().map(Settings.init)
            ?? Settings(name: [:], colour: nil)
    }

    /// Replaces the printed names and colour; the colour was checked by `BrandColour` before.
    public static func save(_ settings: Settings, organisationID: UUID, actor: AuditActor, at now: Date, on database: any Database) async throws {
        try await database.writeTransaction { database in
            let row = try await OrganisationBranding.query(on: database).filter(\.$organisationID == organisationID).first()
                ?? OrganisationBranding(organisationID: organisationID, at: now)
            let before = row.id == nil ? nil : Settings(row)
            row.nameFi = settings.name["fi"].flatMap(nonEmpty)
            row.nameSv = settings.name["sv"].flatMap(nonEmpty)
            row.nameEn = settings.name["en"].flatMap(nonEmpty)
            row.colour = settings.colour.flatMap(nonEmpty)
            row.updatedAt = now
            try await row.save(on: database)
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor, action: "branding.update",
                                        subject: "organisation", before: before, after: Settings(row))
        }
    }

    /// Stores a checked logo in place of any earlier one.
    public static func setLogo(_ image: LogoImage, organisationID: UUID, actor: AuditActor, at now: Date, on database: any Database) async throws {
        let digest = SHA256.hash(data: image.data).prefix(16).map { String(format: "%02x", $0) }.joined()
        try await database.writeTransaction { database in
            let row = try await OrganisationLogo.query(on: database).filter(\.$organisationID == organisationID).first() ?? OrganisationLogo()
            row.organisationID = organisationID
            row.contentType = image.format.contentType
            row.width = image.width
            row.height = image.height
            row.data = Data(image.data)
            row.digest = digest
            row.updatedAt = now
            try await row.save(on: database)
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor, action: "branding.logo.set",
                                        subject: "organisation", before: String?.none,
                                        after: ["contentType": image.format.contentType, "size": "\(image.width)x\(image.height)", "digest": digest])
        }
    }

    /// Removes the logo; false when there was none.
    @discardableResult
    public static func removeLogo(organisationID: UUID, actor: AuditActor, at now: Date, on database: any Database) async throws -> Bool {
        try await database.writeTransaction { database in
            guard let row = try await OrganisationLogo.query(on: database).filter(\.$organisationID == organisationID)
                .field(\.$id).field(\.$digest).first() else { return false }
            try await OrganisationLogo.query(on: database).filter(\.$organisationID == organisationID).delete()
            try await AuditTrail.record(on: database, organisationID: organisationID, at: now, actor: actor, action: "branding.logo.remove",
                                        subject: "organisation", before: ["digest": row.digest], after: String?.none)
            return true
        }
    }

    /// The logo of the organisation with `code`, bytes and all; nil when it has none.
    public static func logo(organisationCode code: String, on database: any Database) async throws -> OrganisationLogo? {
        guard let organisation = try await Organisation.query(on: database).filter(\.$code == code).first() else { return nil }
        return try await OrganisationLogo.query(on: database).filter(\.$organisationID == organisation.requireID()).first()
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension Branding.Settings {
    init(_ row: OrganisationBranding) {
        var names: [String: String] = [:]
        names["fi"] = row.nameFi
        names["sv"] = row.nameSv
        names["en"] = row.nameEn
        self.init(name: names, colour: row.colour)
    }
}
