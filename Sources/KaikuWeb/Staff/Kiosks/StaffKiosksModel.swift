import Foundation
import KaikuCore

/// What the kiosks page shows, as plain values: the devices with their
/// status, and for administrators the registration form and a code just issued.
struct StaffKiosksModel: Sendable {
    struct Device: Sendable, Equatable {
        var id: UUID
        var name: String
        var unit: String
        var targets: String
        var status: KioskStatus
        var lastSeen: String
    }

    struct Target: Sendable, Equatable {
        var code: String
        var name: String
    }

    /// A pairing code just issued, with the time it expires.
    struct Issued: Sendable, Equatable {
        var name: String
        var code: String
        var until: String
    }

    var devices: [Device]
    var canRegister: Bool
    var units: [UnitOption]
    var targets: [Target]
    var zone: TimeZone
    var issued: Issued?
    var error: String?
    /// What was sent when it was refused, shown again for correcting.
    var form: StaffKiosksForm?

    /// A device as a row: its targets by code, last heard of (or paired) in the organisation's zone.
    static func device(_ device: KiosksController.DeviceDTO, zone: TimeZone) -> Device {
        Device(id: device.id, name: device.name, unit: device.unit, targets: device.targets.joined(separator: ", "), status: device.status,
               lastSeen: (device.lastSeenAt ?? device.pairedAt).map { StaffForm.date($0, in: zone) } ?? "–")
    }

    static func issued(name: String, code: String, expires: Date, zone: TimeZone) -> Issued {
        Issued(name: name, code: code, until: StaffForm.date(expires, in: zone))
    }

    /// The unit choices, indented by depth.
    var unitChoices: [(String, String)] {
        units.map { ($0.code, String(repeating: "– ", count: $0.depth) + $0.name) }
    }

    func isChosen(target code: String) -> Bool {
        (form?.targets ?? []).contains(code)
    }
}
