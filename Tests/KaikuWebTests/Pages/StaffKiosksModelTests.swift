import Foundation
import KaikuCore
@testable import KaikuWeb
import XCTest

/// The staff kiosks page's model as values.
final class StaffKiosksModelTests: XCTestCase {
    let zone = TimeZone(identifier: "Europe/Helsinki")!

    func dto(paired: Date?, seen: Date?) -> KiosksController.DeviceDTO {
        KiosksController.DeviceDTO(id: UUID(), name: "Lobby", unit: "A", targets: ["T1", "T2"], status: .online, pairedAt: paired,
                                   lastSeenAt: seen, offlineAfterMinutes: 15)
    }

    func testADeviceIsLastSeenWhenItReportedOrElseWhenItWasPaired() {
        let paired = Date(timeIntervalSince1970: 1_780_000_000)
        let seen = paired.addingTimeInterval(3_600)
        XCTAssertEqual(StaffKiosksModel.device(dto(paired: paired, seen: seen), zone: zone).lastSeen, StaffForm.date(seen, in: zone))
        XCTAssertEqual(StaffKiosksModel.device(dto(paired: paired, seen: nil), zone: zone).lastSeen, StaffForm.date(paired, in: zone))
        XCTAssertEqual(StaffKiosksModel.device(dto(paired: nil, seen: nil), zone: zone).lastSeen, "–", "never paired")
        XCTAssertEqual(StaffKiosksModel.device(dto(paired: nil, seen: nil), zone: zone).targets, "T1, T2")
    }

    func testAPairingCodeExpiresInTheOrganisationsTime() {
        let expires = Date(timeIntervalSince1970: 1_780_000_000)
        XCTAssertEqual(StaffKiosksModel.issued(name: "Lobby", code: "123456", expires: expires, zone: zone).until, "28.5.2026 23:26")
    }

    func testUnitsAreIndentedByDepthAndARefusedFormKeepsItsTargets() {
        var model = StaffKiosksModel(devices: [], canRegister: true,
                                     units: [UnitOption(code: "ROOT", name: "County", depth: 0), UnitOption(code: "A", name: "Ward", depth: 2)],
                                     targets: [], zone: zone)
        XCTAssertEqual(model.unitChoices.map(\.1), ["County", "– – Ward"])
        XCTAssertFalse(model.isChosen(target: "T1"))
        model.form = StaffKiosksForm(targets: ["T1"])
        XCTAssertTrue(model.isChosen(target: "T1"))
    }
}
