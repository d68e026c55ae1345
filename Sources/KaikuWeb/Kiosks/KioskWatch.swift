import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Every five minutes: a kiosk silent for longer than its period is told
/// once to the supervisors and administrators nearest its unit, by e-mail;
/// it is told again only after it has reported in and gone silent anew.
enum KioskWatch {
    static let kind = "kiosk.watch"
    static let interval: TimeInterval = 300

    static func schedule(_ app: Application, after now: Date) async throws {
        let slot = Int(now.timeIntervalSince1970 / interval) + 1
        try await JobQueue.enqueue(kind: kind, runAt: Date(timeIntervalSince1970: Double(slot) * interval),
                                   uniqueKey: "\(kind):\(slot)", on: app.db)
    }

    @discardableResult
    static func run(_ app: Application) async throws -> Int {
        let now = app.kaiku.clock.now
        var told = 0
        for device in try await KioskStore.newlySilent(now: now, on: app.db) {
            let recipients = try await CaseNotifications.staff(organisationID: device.organisationID, unitID: device.unitID,
                                                               roles: [.supervisor, .administrator], app: app)
            let unit = try await OrgUnit.find(device.unitID, on: app.db)
            let zone = try await Organisation.find(device.organisationID, on: app.db)?.timeZone ?? TimeZone(identifier: "Europe/Helsinki")!
            let seen = device.lastSeenAt ?? device.pairedAt ?? now
            let arguments = ["kiosk": device.name, "unit": unit?.name[.fi] ?? "", "seen": StaffForm.date(seen, in: zone)]
            for user in recipients {
                try await app.kaiku.mail.send(OutgoingEmail(to: user.email, subject: app.kaiku.catalogue.text("mail.kioskOffline.subject", .fi, arguments),
                                                            body: app.kaiku.catalogue.text("mail.kioskOffline.body", .fi, arguments)))
            }
            device.offlineNotifiedAt = now
            try await device.save(on: app.db)
            told += 1
        }
        try await schedule(app, after: now)
        return told
    }
}
