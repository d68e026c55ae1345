import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// What a kiosk itself calls: it pairs with its one-time code and then
/// identifies with its device token (`Authorization: Bearer`).
struct KioskDeviceController: RouteCollection {
    struct Pairing: Content {
        var code: String
    }

    struct ConfigDTO: Content {
        struct TargetDTO: Content {
            var code: String
            var name: [String: String]
        }

        var name: String
        var targets: [TargetDTO]
        /// The unit the kiosk stands in, by language, for its first screen.
        var unit: [String: String]
        /// The organisation's languages, its default first: the kiosk returns to it for the next person.
        var languages: [String]
    }

    struct PairedDTO: Content {
        var token: String
        var config: ConfigDTO
    }

    func boot(routes: any RoutesBuilder) throws {
        let kiosk = routes.grouped("api", "v1", "kiosk")
        kiosk.post("pair", use: pair)
        kiosk.get("config", use: config)
        kiosk.post("heartbeat", use: heartbeat)
    }

    func pair(_ request: Request) async throws -> PairedDTO {
        let body = try request.decodeJSON(Pairing.self)
        let token = TokenHash.newToken()
        guard let device = try await KioskStore.pair(code: body.code, token: token, now: request.kaiku.clock.now, on: request.db) else {
            throw FieldError(status: .notFound, field: "code", message: "That pairing code is unknown, used or expired; ask an administrator for a new one.")
        }
        return PairedDTO(token: token, config: try await config(for: device, on: request.db))
    }

    func config(_ request: Request) async throws -> ConfigDTO {
        try await config(for: try await device(request), on: request.db)
    }

    func heartbeat(_ request: Request) async throws -> HTTPStatus {
        try await KioskStore.heartbeat(try await device(request), now: request.kaiku.clock.now, on: request.db)
        return .noContent
    }

    private func device(_ request: Request) async throws -> KioskDevice {
        guard let token = request.headers.bearerAuthorization?.token, let device = try await KioskStore.device(token: token, on: request.db) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "This kiosk is not paired: pair it again with a new code.")
        }
        return device
    }

    private func config(for device: KioskDevice, on database: any Database) async throws -> ConfigDTO {
        let closed = try await Directory.closedUnitIDs(in: [device.organisationID], on: database)
        let targets = try await Target.query(on: database).filter(\.$id ~~ device.targetIDs).filter(\.$active == true)
            .offered(closedUnits: closed).all()
        let ordered = device.targetIDs.compactMap { id in targets.first { $0.id == id } }
        let unit = try await OrgUnit.find(device.unitID, on: database)
        let organisation = try await Organisation.find(device.organisationID, on: database)
        return ConfigDTO(name: device.name, targets: ordered.map { target in
            ConfigDTO.TargetDTO(code: target.code, name: Self.byLanguage(target.name))
        }, unit: unit.map { Self.byLanguage($0.name) } ?? [:],
           languages: (organisation?.offeredLanguages ?? [.fi]).map(\.rawValue))
    }

    private static func byLanguage(_ text: LocalizedText) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, text[$0]) })
    }
}
