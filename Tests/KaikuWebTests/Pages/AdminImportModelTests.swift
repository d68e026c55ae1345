import KaikuCore
import XCTest
@testable import KaikuWeb

final class AdminImportModelTests: XCTestCase {
    private func unit(_ code: String, _ parent: String?, closed: Bool = false, oid: String? = nil, fi: String? = nil) -> UnitState {
        UnitState(code: code, parent: parent, name: LocalizedText(fi: fi ?? "Yksikkö \(code)", sv: "Enhet \(code)", en: "Unit \(code)"), oid: oid, closed: closed)
    }

    func testTheTreeIsListedParentsFirstWithClosuresBelowMarked() {
        let rows = AdminImportModel.unitRows([unit("B1", "B"), unit("ROOT", nil), unit("B", "ROOT", closed: true), unit("A", "ROOT")], language: .sv)

        XCTAssertEqual(rows.map(\.code), ["ROOT", "A", "B", "B1"])
        XCTAssertEqual(rows.map(\.depth), [0, 1, 1, 2])
        XCTAssertEqual(rows.first { $0.code == "B1" }?.closedAbove, true)
        XCTAssertEqual(rows.first { $0.code == "B" }?.closedAbove, false, "closed itself")
        XCTAssertEqual(rows[1].name, "Enhet A")
    }

    func testEachKindOfChangeIsALineWithItsBeforeAndAfter() {
        let change = ImportChange(line: 4, before: unit("A1", "A", fi: "Vanha"), after: unit("A1", "B", oid: "1.2.3", fi: "Uusi"))

        let rows = AdminImportModel.changeRows([change], language: .fi)

        XCTAssertEqual(rows.map(\.kind), [.renamed, .moved])
        XCTAssertEqual(rows[0].from, "Vanha / Enhet A1 / Unit A1")
        XCTAssertEqual(rows[0].to, "Uusi / Enhet A1 / Unit A1 (1.2.3)")
        XCTAssertEqual([rows[1].from, rows[1].to], ["A", "B"])
        XCTAssertEqual(rows[1].line, 4)
    }

    func testTheAppliedCountsSurviveTheRedirect() {
        var counts = ImportCounts()
        counts.added = 3
        counts.unchanged = 12

        XCTAssertEqual(AdminImportModel.applied(from: AdminImportModel.appliedQuery(counts)), counts)
        XCTAssertNil(AdminImportModel.applied(from: "1-2-x"))
        XCTAssertNil(AdminImportModel.applied(from: nil))
    }
}
