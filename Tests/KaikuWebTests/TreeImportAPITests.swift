import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The org tree and targets imported as CSV through the API: all or
/// nothing, counted, audited; and what a closed unit means for customers.
final class TreeImportAPITests: XCTestCase {
    /// TestWorld's tree with OIDs, and a new area C with unit C1 under it.
    static let units = """
        code,parent,name_fi,name_sv,name_en,oid
        ROOT,,Yksikkö ROOT,Enhet ROOT,Unit ROOT,1.2.246.10.1
        A,ROOT,Yksikkö A,Enhet A,Unit A,
        A1,A,Yksikkö A1,Enhet A1,Unit A1,
        A2,A,Yksikkö A2,Enhet A2,Unit A2,
        B,ROOT,Yksikkö B,Enhet B,Unit B,
        B1,B,Yksikkö B1,Enhet B1,Unit B1,
        C,ROOT,Saamelaisalue,Sameområdet,Sámi area,
        C1,C,Sámi dearvvašvuođa guovddáš,Samiska hälsocentralen,Sámi health centre,1.2.246.10.1.7
        """

    static let targets = """
        code;unit;name_fi;name_sv;name_en;keywords;active
        t-c1;C1;Terveysasema, Saamelaisalue;Hälsostation, Sameområdet;Health centre, Sámi area;lääkäri läkare doctor dearvvašvuohta;
        """

    static func post(_ app: Application, _ path: String, _ csv: String, token: String, type: String = "text/csv") async throws -> XCTHTTPResponse {
        try await app.send(.POST, path, token: token, headers: ["Content-Type": type], body: csv)
    }

    static func counts(_ response: XCTHTTPResponse) -> [Int] {
        let body = response.object
        return ["added", "renamed", "moved", "closed", "reopened", "unchanged"].map { body[$0] as? Int ?? -1 }
    }

    func testAnImportAddsRenamesAndIsIdempotent() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")

            let first = try await Self.post(app, "/api/v1/units/import", Self.units, token: admin)
            let again = try await Self.post(app, "/api/v1/units/import", Self.units, token: admin)

            XCTAssertEqual(first.status, .ok, first.text)
            XCTAssertEqual(Self.counts(first), [2, 1, 0, 0, 0, 5], "C and C1 added; ROOT renamed by its new OID")
            XCTAssertEqual((first.object["errors"] as? [Any])?.count, 0)
            XCTAssertEqual(Self.counts(again), [0, 0, 0, 0, 0, 8])
            let listed = try await app.send(.GET, "/api/v1/units?lang=en", token: admin)
            let items = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(buffer: listed.body))) as? [[String: Any]])
            let c1 = try XCTUnwrap(items.first { $0["code"] as? String == "C1" })
            XCTAssertEqual(c1["oid"] as? String, "1.2.246.10.1.7")
            XCTAssertEqual(c1["closed"] as? Bool, false)
            XCTAssertEqual(c1["parent"] as? String, "C")
            XCTAssertTrue(items.first { $0["code"] as? String == "A" }?.keys.contains("oid") == true, "oid is given as null")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "unit.add").all()
            XCTAssertEqual(Set(audit.map(\.subject)), ["C", "C1"])
        }
    }

    func testARefusedFileChangesNothingAndNamesItsLines() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let broken = Self.units + "\nD,NOWHERE,Kadonnut,,,\nE,ROOT,,,,\nROOT2,,Toinen juuri,,,\nC,ROOT,Kahdesti,,,\n"

            let response = try await Self.post(app, "/api/v1/units/import", broken, token: admin)

            XCTAssertEqual(response.status, .badRequest)
            XCTAssertEqual(response.object["field"] as? String, "body")
            XCTAssertNotNil(response.object["error"] as? String)
            let errors = try XCTUnwrap(response.object["errors"] as? [[String: Any]])
            XCTAssertEqual(errors.compactMap { $0["line"] as? Int }, [11, 13], "empty Finnish name, duplicate code; the tree is checked once rows are well formed")
            let count = try await OrgUnit.query(on: app.db).count()
            XCTAssertEqual(count, 7, "nothing applied")
            let tree = try await Self.post(app, "/api/v1/units/import", Self.units + "\nD,NOWHERE,Kadonnut,,,\nROOT2,,Toinen juuri,,,\n", token: admin)
            XCTAssertEqual(try XCTUnwrap(tree.object["errors"] as? [[String: Any]]).compactMap { $0["line"] as? Int }, [10, 11])
        }
    }

    func testDryRunCountsButAppliesNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")

            let response = try await Self.post(app, "/api/v1/units/import?dryRun=true", Self.units, token: admin)

            XCTAssertEqual(Self.counts(response), [2, 1, 0, 0, 0, 5])
            let count = try await OrgUnit.query(on: app.db).count()
            XCTAssertEqual(count, 7)
            let audit = try await AuditEntry.query(on: app.db).count()
            XCTAssertEqual(audit, 0)
        }
    }

    func testOnlyAnAdministratorOfTheWholeOrganisationImports() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let subtree = try await world.signIn(app, role: .administrator, unit: "A")
            let supervisor = try await world.signIn(app, role: .supervisor, unit: "ROOT")

            for token in [subtree, supervisor] {
                for path in ["/api/v1/units/import", "/api/v1/targets/import"] {
                    let response = try await Self.post(app, path, Self.units, token: token)
                    XCTAssertEqual(response.status, .forbidden, path)
                }
            }
            let anonymous = try await app.send(.POST, "/api/v1/units/import", headers: ["Content-Type": "text/csv"], body: Self.units)
            XCTAssertEqual(anonymous.status, .unauthorized)
        }
    }

    func testBadParametersTypesAndSizesAreRefused() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")

            let flag = try await Self.post(app, "/api/v1/units/import?dryRun=maybe", Self.units, token: admin)
            let type = try await Self.post(app, "/api/v1/targets/import", Self.targets, token: admin, type: "application/json")
            let huge = try await Self.post(app, "/api/v1/units/import", String(repeating: "x", count: 5 * 1024 * 1024 + 1), token: admin)
            let empty = try await Self.post(app, "/api/v1/targets/import", "", token: admin)

            XCTAssertEqual(flag.status, .badRequest)
            XCTAssertEqual(flag.object["field"] as? String, "dryRun")
            XCTAssertEqual(type.status, .unsupportedMediaType)
            XCTAssertEqual(huge.status, .payloadTooLarge)
            XCTAssertTrue(huge.text.contains("5 MiB"), huge.text)
            XCTAssertEqual(empty.status, .badRequest)
        }
    }

    func testCloseMissingClosesTheUnitsLeftOutAndTheirTargetsLeave() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            let withoutB = Self.units.split(separator: "\n").filter { !$0.hasPrefix("B") }.joined(separator: "\n")

            let kept = try await Self.post(app, "/api/v1/units/import", withoutB, token: admin)
            let closed = try await Self.post(app, "/api/v1/units/import?closeMissing=true", withoutB, token: admin)

            XCTAssertEqual(Self.counts(kept)[3], 0)
            XCTAssertEqual(Self.counts(closed)[3], 2, "B and B1 closed, never deleted")
            let count = try await OrgUnit.query(on: app.db).count()
            XCTAssertEqual(count, 9)
            let listed = try await app.send(.GET, "/api/v1/targets").json([TargetsController.TargetDTO].self)
            XCTAssertFalse(listed.contains { $0.code == "t-b1" })
            XCTAssertTrue(listed.contains { $0.code == "t-a1" })
        }
    }

    func testTargetsImportAddsMovesDeactivatesAndRefusesUnknownUnits() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            let admin = try await world.signIn(app, role: .administrator, unit: "ROOT")
            _ = try await Self.post(app, "/api/v1/units/import", Self.units, token: admin)
            let changes = Self.targets + "\nt-a1;B1;Hammashoitola, Keskusta;Hammashoitola, Keskusta (sv);Hammashoitola, Keskusta (en);;\nt-a2b;A2;Perhekeskus;Perhekeskus (sv);Perhekeskus (en);;0\n"

            let applied = try await Self.post(app, "/api/v1/targets/import", changes, token: admin)
            let again = try await Self.post(app, "/api/v1/targets/import", changes, token: admin)
            let unknown = try await Self.post(app, "/api/v1/targets/import", Self.targets + "\nt-z;NOPE;Nimi;;;;\n", token: admin)
            let foreign = try await Self.post(app, "/api/v1/targets/import", Self.targets + "\nt-x;A1;Vieras;;;;\n", token: admin)

            XCTAssertEqual(applied.status, .ok, applied.text)
            XCTAssertEqual(Self.counts(applied), [1, 0, 1, 1, 0, 0])
            XCTAssertEqual(Self.counts(again), [0, 0, 0, 0, 0, 3])
            XCTAssertEqual(unknown.status, .badRequest)
            XCTAssertEqual((unknown.object["errors"] as? [[String: Any]])?.first?["line"] as? Int, 3)
            XCTAssertEqual(foreign.status, .badRequest, "another organisation's target code")
            let listed = try await app.send(.GET, "/api/v1/targets").json([TargetsController.TargetDTO].self)
            XCTAssertEqual(listed.first { $0.code == "t-a1" }?.unit, "B1")
            XCTAssertFalse(listed.contains { $0.code == "t-a2b" })
            let actions = try await AuditEntry.query(on: app.db).filter(\.$subject == "t-a2b").all().map(\.action)
            XCTAssertEqual(actions, ["target.close"])
        }
    }

    func testTheExampleFilesImportIntoANewOrganisation() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            _ = world
            let survey = try await SurveyStore.ensureNational(app.kaiku.nationalSurvey, on: app.db)
            let organisation = Organisation(code: "esimerkki", name: LocalizedText(fi: "Esimerkki", sv: "Exempel", en: "Example"))
            organisation.surveyID = try survey.requireID()
            try await organisation.create(on: app.db)
            try await OrgUnit(organisationID: try organisation.requireID(), code: "esimerkki", parentID: nil, name: organisation.name).create(on: app.db)
            let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/examples")
            let units = try String(contentsOf: examples.appendingPathComponent("units.csv"), encoding: .utf8)
            let targets = try String(contentsOf: examples.appendingPathComponent("targets.csv"), encoding: .utf8)

            let (unitPlan, unitsApplied) = try await TreeImportRun.units(units, organisation: organisation, closeMissing: false, dryRun: false, actor: .commandLine, app: app)
            let (targetPlan, targetsApplied) = try await TreeImportRun.targets(targets, organisation: organisation, dryRun: false, actor: .commandLine, app: app)

            XCTAssertEqual(unitPlan.errors, [])
            XCTAssertTrue(unitsApplied && targetsApplied)
            XCTAssertEqual(unitPlan.counts.added, 7)
            XCTAssertEqual(targetPlan.errors, [])
            XCTAssertEqual(targetPlan.counts.added, 4)
            let listed = try await app.send(.GET, "/api/v1/targets?lang=sv").json([TargetsController.TargetDTO].self)
            XCTAssertTrue(listed.contains { $0.code == "saamen-palvelut" && $0.name == "Samiskspråkiga tjänster" })
            XCTAssertFalse(listed.contains { $0.code == "vanha-palvelukeskus" }, "inactive and in a closed unit")
        }
    }
}
