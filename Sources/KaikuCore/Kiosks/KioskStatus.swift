import Foundation

/// Whether a kiosk device is reporting in, for administrators and supervisors.
public enum KioskStatus: String, Sendable, Codable {
    /// Registered, the pairing code not yet used.
    case unpaired
    case online
    /// Silent for longer than its configured period.
    case offline

    public static func of(pairedAt: Date?, lastSeenAt: Date?, offlineAfterMinutes: Int, now: Date) -> KioskStatus {
        guard let pairedAt else { return .unpaired }
        let seen = lastSeenAt ?? pairedAt
        return now.timeIntervalSince(seen) > Double(offlineAfterMinutes) * 60 ? .offline : .online
    }
}
