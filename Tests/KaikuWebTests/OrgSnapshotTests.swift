import FluentKit
import Foundation
import KaikuCore
import XCTVapor
@testable import KaikuStore
@testable import KaikuWeb

/// What staff requests share between them: the organisation's units as read
/// once (`OrgSnapshot`, kept by `OrgTreeCache`) and decoded survey versions.
final class OrgSnapshotTests: XCTestCase {
    func testASnapshotGivesEveryUnitsSubtreeAsTheTreeDoesAndAddedUnitsShowAtOnce() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let orgID = try world.organisation.requireID()
            let units = try await OrgUnit.all(in: orgID, on: app.db)
            let snapshot = try await app.kaiku.orgTrees.snapshot(of: orgID, now: Date(), on: app.db)
            let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
            for unit in units {
                XCTAssertEqual(snapshot.subtree(of: unit.id!), Set(tree.subtree(of: unit.id!)), unit.code)
                // Asked again, from the kept sets.
                XCTAssertEqual(snapshot.subtree(of: unit.id!), Set(tree.subtree(of: unit.id!)), unit.code)
            }
            XCTAssertEqual(snapshot.codes.count, units.count)

            // A unit added under the root is in the next request's snapshot, not 30 s later.
            let root = try XCTUnwrap(units.first { $0.parentID == nil })
            let added = OrgUnit(organisationID: orgID, code: "added-unit", parentID: root.id, name: LocalizedText(fi: "Uusi", sv: "Ny", en: "New"))
            try await added.create(on: app.db)
            let next = try await app.kaiku.orgTrees.snapshot(of: orgID, now: Date(), on: app.db)
            XCTAssertTrue(next.subtree(of: root.id!).contains(try added.requireID()))
            XCTAssertEqual(next.codes[try added.requireID()], "added-unit")
        }
    }

    func testEachSurveyVersionDecodesToItsOwnDefinitionFromTheKeptOnes() throws {
        let national = try JSONDecoder().decode(SurveyDefinition.self, from: ResourceFile.data("Surveys/thl-core.json"))
        var later = national
        later.version = national.version + 1
        let first = try Survey(organisationID: nil, definition: national)
        let second = try Survey(organisationID: nil, definition: later)
        for _ in 0..<2 {
            XCTAssertEqual(try first.definition().version, national.version)
            XCTAssertEqual(try second.definition().version, national.version + 1)
        }
        XCTAssertEqual(try first.definition().statements.map(\.id), national.statements.map(\.id))
    }
}
