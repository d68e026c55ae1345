import FluentKit
import Foundation
import KaikuCore

/// Registering, pairing and hearing from kiosk devices.
public enum KioskStore {
    /// How long a pairing code can be used.
    public static let pairingValidity: TimeInterval = 24 * 3_600

    static func hash(_ secret: String) -> String { SecretHash.hex(secret) }

    /// A new device and its one-time pairing code (shown once, stored as a hash).
    public static func register(name: String, organisationID: UUID, unitID: UUID, targetIDs: [UUID], offlineAfterMinutes: Int,
                                now: Date, on database: any Database) async throws -> (device: KioskDevice, code: String) {
        let device = KioskDevice()
        device.organisationID = organisationID
        device.unitID = unitID
        device.name = name
        device.targets = targetIDs.map(\.uuidString).joined(separator: ",")
        device.offlineAfterMinutes = offlineAfterMinutes
        device.createdAt = now
        let code = try issueCode(device, now: now)
        try await device.create(on: database)
        return (device, code)
    }

    /// A new pairing code for a device, e.g. a replaced tablet; the old token stops working.
    public static func repair(_ device: KioskDevice, now: Date, on database: any Database) async throws -> String {
        let code = try issueCode(device, now: now)
        device.tokenHash = nil
        device.pairedAt = nil
        try await device.save(on: database)
        return code
    }

    private static func issueCode(_ device: KioskDevice, now: Date) throws -> String {
        let code = ReceiptCode.make()
        device.pairingCodeHash = hash(code)
        device.pairingExpiresAt = now.addingTimeInterval(pairingValidity)
        return code
    }

    /// Uses a pairing code once and returns the device with its new token, or nil.
    public static func pair(code: String, token: String, now: Date, on database: any Database) async throws -> KioskDevice? {
        guard let normalised = ReceiptCode.normalise(code),
              let device = try await KioskDevice.query(on: database).filter(\.$pairingCodeHash == hash(normalised)).first(),
              let expires = device.pairingExpiresAt, expires > now else { return nil }
        device.pairingCodeHash = nil
        device.pairingExpiresAt = nil
        device.tokenHash = hash(token)
        device.pairedAt = now
        device.lastSeenAt = now
        device.offlineNotifiedAt = nil
        try await device.save(on: database)
        return device
    }

    public static func device(token: String, on database: any Database) async throws -> KioskDevice? {
        guard !token.isEmpty, token.count < 200 else { return nil }
        return try await KioskDevice.query(on: database).filter(\.$tokenHash == hash(token)).first()
    }

    public static func heartbeat(_ device: KioskDevice, now: Date, on database: any Database) async throws {
        device.lastSeenAt = now
        device.offlineNotifiedAt = nil
        try await device.save(on: database)
    }

    /// Paired devices silent past their period whose silence was not yet told.
    public static func newlySilent(now: Date, on database: any Database) async throws -> [KioskDevice] {
        try await KioskDevice.query(on: database).filter(\.$pairedAt != nil).filter(\.$offlineNotifiedAt == nil).all()
            .filter { $0.status(now: now) == .offline }
    }
}
