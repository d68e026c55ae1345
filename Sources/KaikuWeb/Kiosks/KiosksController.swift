import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// Kiosk devices for administrators and supervisors: an administrator
/// registers a device for a unit and its targets and gets a one-time pairing
/// code; both see which devices have gone silent.
struct KiosksController: RouteCollection {
    struct Registration: Content {
        var name: String
        var unit: String
        var targets: [String]
        var offlineAfterMinutes: Int?
    }

    struct PairingDTO: Content {
        var id: UUID
        var pairingCode: String
        var expiresAt: Date
    }

    struct DeviceDTO: Content {
        var id: UUID
        var name: String
        var unit: String
        var targets: [String]
        var status: KioskStatus
        var pairedAt: Date?
        var lastSeenAt: Date?
        var offlineAfterMinutes: Int
    }

    func boot(routes: any RoutesBuilder) throws {
        let kiosks = routes.grouped("api", "v1", "kiosks").grouped(BearerTokenAuthenticator())
        kiosks.post(use: register)
        kiosks.get(use: list)
        kiosks.post(":id", "pairing", use: newPairing)
    }

    func register(_ request: Request) async throws -> Response {
        let scope = try await administrator(request)
        let body = try request.decodeJSON(Registration.self)
        let (device, code) = try await Self.register(body, scope: scope, request: request)
        let response = Response(status: .created)
        try response.content.encode(PairingDTO(id: try device.requireID(), pairingCode: code, expiresAt: device.pairingExpiresAt!), as: .json)
        return response
    }

    /// Checks a registration against the administrator's units; shared by the API and the staff page.
    static func register(_ body: Registration, scope: StaffScope, request: Request) async throws -> (KioskDevice, String) {
        let name = body.name.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(name.count), !name.containsStrayControlCharacters else {
            throw FieldError(field: "name", message: "name must be 1–100 characters, e.g. \"Aula, Keskustan terveysasema\".")
        }
        guard let unit = scope.unit(code: body.unit), let unitID = unit.id, scope.canSee(unit: unitID) else {
            throw FieldError(field: "unit", message: "No unit with code \(body.unit) in your units.")
        }
        guard !body.targets.isEmpty, body.targets.count <= 20 else {
            throw FieldError(field: "targets", message: "targets must name 1–20 feedback target codes the kiosk offers.")
        }
        var targetIDs: [UUID] = []
        for code in body.targets {
            guard PlainIdentifier.isPlain(code, maxLength: 100),
                  let target = try await Target.query(on: request.db).filter(\.$code == code).filter(\.$active == true).first(),
                  target.organisationID == scope.staff.organisationID, scope.canSee(unit: target.unitID),
                  !scope.closedForCustomers.contains(target.unitID), let id = target.id else {
                throw FieldError(field: "targets", message: "No feedback target with code \(code) in your units.")
            }
            targetIDs.append(id)
        }
        let minutes = body.offlineAfterMinutes ?? 15
        guard (2...10_080).contains(minutes) else {
            throw FieldError(field: "offlineAfterMinutes", message: "offlineAfterMinutes must be from 2 to 10080 (a week).")
        }
        return try await KioskStore.register(name: name, organisationID: scope.staff.organisationID, unitID: unitID,
                                             targetIDs: targetIDs, offlineAfterMinutes: minutes, now: request.kaiku.clock.now, on: request.db)
    }

    func newPairing(_ request: Request) async throws -> PairingDTO {
        let scope = try await administrator(request)
        let (device, code) = try await Self.newPairing(request.parameters.get("id", as: UUID.self), scope: scope, request: request)
        return PairingDTO(id: try device.requireID(), pairingCode: code, expiresAt: device.pairingExpiresAt!)
    }

    static func newPairing(_ id: UUID?, scope: StaffScope, request: Request) async throws -> (KioskDevice, String) {
        guard let id, let device = try await KioskDevice.find(id, on: request.db),
              device.organisationID == scope.staff.organisationID, scope.canSee(unit: device.unitID) else {
            throw Abort(.notFound, reason: "No kiosk with that id in your units.")
        }
        return (device, try await KioskStore.repair(device, now: request.kaiku.clock.now, on: request.db))
    }

    func list(_ request: Request) async throws -> [DeviceDTO] {
        let scope = try await request.requireScope()
        guard [.administrator, .supervisor].contains(scope.staff.role) else {
            throw Abort(.forbidden, reason: "Administrators and supervisors see the kiosks.")
        }
        return try await Self.devices(scope: scope, request: request)
    }

    static func devices(scope: StaffScope, request: Request) async throws -> [DeviceDTO] {
        try await devices(scope: scope, now: request.kaiku.clock.now, on: request.db)
    }

    /// The same without HTTP, for the staff kiosks page's query.
    static func devices(scope: StaffScope, now: Date, on database: any Database) async throws -> [DeviceDTO] {
        let devices = try await KioskDevice.query(on: database).filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ scope.visible).sort(\.$name).all()
        let targets = try await Target.query(on: database).filter(\.$organisationID == scope.staff.organisationID).all()
        let codes = Dictionary(uniqueKeysWithValues: targets.compactMap { target in target.id.map { ($0, target.code) } })
        return try devices.map { device in
            DeviceDTO(id: try device.requireID(), name: device.name, unit: scope.units[device.unitID]?.code ?? "",
                      targets: device.targetIDs.compactMap { codes[$0] }, status: device.status(now: now), pairedAt: device.pairedAt,
                      lastSeenAt: device.lastSeenAt, offlineAfterMinutes: device.offlineAfterMinutes)
        }
    }

    private func administrator(_ request: Request) async throws -> StaffScope {
        let scope = try await request.requireScope()
        guard scope.staff.role == .administrator else { throw Abort(.forbidden, reason: "Only administrators register kiosks.") }
        return scope
    }
}
