import Fluent
import Foundation
import KaikuCore
import KaikuStore

/// Reads what the kiosks page shows: the devices of the user's units and,
/// for registering, the units and active targets they may choose.
enum StaffKiosksQuery {
    static func load(scope: StaffScope, now: Date, context: PageContext, on database: any Database) async throws -> StaffKiosksModel {
        let language = context.language
        let organisation = try await Organisation.find(scope.staff.organisationID, on: database)
        let zone = organisation?.timeZone ?? TimeZone(identifier: "Europe/Helsinki") ?? .current
        let targets = try await Target.query(on: database).filter(\.$organisationID == scope.staff.organisationID)
            .filter(\.$unitID ~~ scope.visible).filter(\.$active == true).offered(closedUnits: scope.closedForCustomers).sort(\.$code).all()
        let devices = try await KiosksController.devices(scope: scope, now: now, on: database)
        return StaffKiosksModel(
            devices: devices.map { StaffKiosksModel.device($0, zone: zone) }, canRegister: scope.staff.role == .administrator,
            units: scope.unitOptions(under: scope.staff.unitID, language: language),
            targets: targets.map { StaffKiosksModel.Target(code: $0.code, name: $0.name[language]) }, zone: zone)
    }
}
