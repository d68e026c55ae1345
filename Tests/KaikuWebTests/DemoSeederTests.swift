import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import XCTVapor
@testable import KaikuWeb

/// The demo a newcomer opens: the county, its answers, and a month of the
/// channels' own records.
final class DemoSeederTests: XCTestCase {
    func testTheDemoHasAMonthOfTheSMSSurveyAndThreeKiosksOneOfThemSilent() async throws {
        try await withApp { app in
            let stored = try await DemoSeeder.seedIfEmpty(app, answers: 300)
            let again = try await DemoSeeder.seedIfEmpty(app, answers: 300)

            XCTAssertEqual(stored, 300)
            XCTAssertNil(again, "a database with data is left as it is")
            let organisation = try await Organisation.query(on: app.db).first()
            let organisationID = try XCTUnwrap(organisation).requireID()
            let settings = try await SMSSurveyStore.settings(for: organisationID, on: app.db)
            XCTAssertTrue(settings.enabled)
            let now = Date()
            let units = try await OrgUnit.all(in: organisationID, on: app.db).compactMap(\.id)
            let activity = try await SMSSurveyStore.activity(organisationID: organisationID, units: units,
                                                             since: now.addingTimeInterval(-30 * 86_400), on: app.db)
            XCTAssertEqual(activity.visits, DemoSeeder.smsSurveyVisits)
            XCTAssertGreaterThan(activity.answered, 0)
            let linked = try await Visit.query(on: app.db).filter(\.$responseID != nil).all().compactMap(\.responseID)
            let smsAnswers = try await FeedbackResponse.query(on: app.db).filter(\.$id ~~ linked).all()
            XCTAssertEqual(smsAnswers.count, activity.answered, "every answered visit is one of the demo's answers")
            XCTAssertTrue(smsAnswers.allSatisfy { $0.channel == "sms" })
            XCTAssertEqual(activity.waiting, 0, "no visit waits for a question that no job would send")
            let visits = try await Visit.query(on: app.db).all()
            XCTAssertTrue(visits.allSatisfy { $0.phone == nil && $0.phoneHash == nil }, "no number is kept")
            let context = try await SMSSurveyStore.intakeContext(organisationID: organisationID, on: app.db)
            XCTAssertTrue(visits.allSatisfy { context.takesPart($0.unitID) }, "visits come from the units taking part")
            let kiosks = try await KioskDevice.query(on: app.db).all()
            XCTAssertEqual(kiosks.map { $0.status(now: now) }.sorted { $0.rawValue < $1.rawValue }, [.offline, .online, .online])
        }
    }

    func testTheDemoHandlersUnitHasAPublishedWhatWeDidNoteAndADraftInThreeLanguages() async throws {
        try await withApp { app in
            _ = try await DemoSeeder.seedIfEmpty(app, answers: 50)
            let unit = try await XCTUnwrapAsync(try await OrgUnit.query(on: app.db).filter(\.$code == "JH-TER-VAST-KESK").first())

            let notes = try await UnitNotes.all(unitID: try unit.requireID(), organisationID: unit.organisationID, on: app.db)
            let published = try await UnitNotes.published(unitID: try unit.requireID(), on: app.db)

            XCTAssertEqual(notes.count, 2)
            XCTAssertEqual(published.count, 1, "one note is on the unit's public page, the other a draft")
            XCTAssertTrue(notes.allSatisfy { $0.text.sv != nil && $0.text.en != nil })
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "note.publish").count()
            XCTAssertEqual(audit, 1, "the demo's notes are written the way a supervisor's are, audited")
        }
    }
}
