import FluentKit
import Foundation
import KaikuCore

/// A touch-screen kiosk at a unit. The pairing code and the device token are
/// stored only as hashes.
public final class KioskDevice: Model, @unchecked Sendable {
    public static let schema = "kiosk_devices"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "name") public var name: String
    /// The targets it offers, as a comma list of ids in the order shown.
    @Field(key: "targets") public var targets: String
    @OptionalField(key: "pairing_code_hash") public var pairingCodeHash: String?
    @OptionalField(key: "pairing_expires_at") public var pairingExpiresAt: Date?
    @OptionalField(key: "token_hash") public var tokenHash: String?
    @OptionalField(key: "paired_at") public var pairedAt: Date?
    @OptionalField(key: "last_seen_at") public var lastSeenAt: Date?
    @Field(key: "offline_after_minutes") public var offlineAfterMinutes: Int
    /// Set when its silence was told, cleared when it reports in again: one notice per silence.
    @OptionalField(key: "offline_notified_at") public var offlineNotifiedAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var targetIDs: [UUID] { targets.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }

    public func status(now: Date) -> KioskStatus {
        KioskStatus.of(pairedAt: pairedAt, lastSeenAt: lastSeenAt, offlineAfterMinutes: offlineAfterMinutes, now: now)
    }
}
