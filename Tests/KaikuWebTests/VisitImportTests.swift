import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// `kaiku visits import`: visits from a patient system's CSV file.
final class VisitImportTests: XCTestCase {
    private func enabled(_ app: Application, _ world: TestWorld) async throws {
        var settings = SMSSurveySettings.defaults
        settings.enabled = true
        settings.units = [try world.units["ROOT"]!.requireID()]
        try await SMSSurveyStore.save(settings, for: try world.organisation.requireID(), on: app.db)
    }

    func testRowsAreScheduledSkippedOrRefusedOneByOne() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await enabled(app, world)
            let now = ISO8601DateFormatter().string(from: Date())
            let csv = """
                visit_id;time;unit;phone;language;consent;non_disclosure
                V-1;\(now);A1;040 123 4567;fi;1;0
                V-2;\(now);B1;+358 50 765 4321;sv-FI;kyllä;ei
                V-3;\(now);A2;0401112223;fi;1;1
                V-4;\(now);A2;0401112224;fi;0;0
                V-5;eilen;A2;0401112225;fi;1;0
                V-6;\(now);NOPE;0401112226;fi;1;0
                V-7;\(now);A1;0401112227;fi;maybe;0
                V-1;\(now);A1;040 123 4567;fi;1;0
                V-8;\(now);A\u{0}1;0401112228;fi;1;0

                """

            let summary = try await VisitImport.run(csv, organisationID: try world.organisation.requireID(), app: app)

            XCTAssertEqual(summary.scheduled, 2)
            XCTAssertEqual(summary.skipped, ["nonDisclosure": 1, "noConsent": 1])
            XCTAssertEqual(summary.known, 1)
            XCTAssertEqual(summary.refused.map(\.line), [6, 7, 8, 10])
            XCTAssertTrue(summary.refused[3].message.contains("unit"), "a NUL in a code is refused, not sent to the database")
            XCTAssertTrue(summary.refused[0].message.contains("time"), summary.refused[0].message)
            let visits = try await Visit.query(on: app.db).sort(\.$externalID).all()
            XCTAssertEqual(visits.map(\.externalID), ["V-1", "V-2", "V-3", "V-4"])
            XCTAssertEqual(visits.map(\.language), ["fi", "sv", "fi", "fi"])
            XCTAssertNil(visits[2].phone, "no number is kept with non-disclosure")
            XCTAssertNil(visits[2].phoneHash)
            XCTAssertNotNil(visits[0].phone)
            let jobs = try await Job.query(on: app.db).filter(\.$kind == SMSSurveyJobs.ask).count()
            XCTAssertEqual(jobs, 2)
        }
    }

    func testAFileWithoutTheColumnsChangesNothing() async throws {
        try await withApp { app in
            let world = try await TestWorld.make(on: app)
            try await enabled(app, world)

            do {
                _ = try await VisitImport.run("visit,when\nV-1,2026-06-16T09:30:00+03:00\n", organisationID: try world.organisation.requireID(), app: app)
                XCTFail("the header lacks the columns")
            } catch let failure as VisitImport.Failure {
                XCTAssertTrue(failure.description.contains("visit_id"), failure.description)
            }
            let visits = try await Visit.query(on: app.db).count()
            XCTAssertEqual(visits, 0)
        }
    }
}
