import KaikuCore
import XCTest
@testable import KaikuWeb

/// The themes section's values: the most answered theme first, a share only
/// from the minimum n, themes with no answers in either period left out, and
/// the previous period of the same length.
final class DashboardThemesModelTests: XCTestCase {
    func testRowsAreOrderedByAnswersAndSmallSharesAreHidden() {
        let figures = ThemeFigures(groups: [
            .init(bucket: 202603, themes: ["care"], sentiment: .negative, n: 2),
            .init(bucket: 202603, themes: ["thanks"], sentiment: .positive, n: 4),
            .init(bucket: 0, themes: ["premises"], sentiment: .neutral, n: 1),
        ], codes: ["care", "premises", "thanks", "guidance"], months: [202603])

        let themes = DashboardThemes(figures: figures, names: ["thanks": "Kiitos"], previous: (CalendarDay(year: 2026, month: 2, day: 1)!, CalendarDay(year: 2026, month: 2, day: 28)!),
                                     minimumN: 3) { "/feed?theme=\($0)" }

        XCTAssertEqual(themes.rows.map(\.code), ["thanks", "care", "premises"], "guidance had no answers in either period")
        XCTAssertEqual(themes.rows[0].name, "Kiitos")
        XCTAssertEqual(themes.rows[0].negativeShare, 0)
        XCTAssertNil(themes.rows[1].negativeShare, "two answers are below the minimum of three")
        XCTAssertEqual(themes.rows[2].feed, "/feed?theme=premises")
        XCTAssertEqual(themes.months, ["2026-03"])
    }

    func testThePreviousPeriodHasTheSameLengthAndEndsTheDayBefore() {
        let previous = DashboardThemes.previous(of: ReportPeriod(from: CalendarDay(year: 2026, month: 3, day: 1)!, to: CalendarDay(year: 2026, month: 3, day: 31)!))
        XCTAssertEqual(previous.from, CalendarDay(year: 2026, month: 1, day: 29))
        XCTAssertEqual(previous.to, CalendarDay(year: 2026, month: 2, day: 28))
    }

    func testNotesNoticesAndErrorsNameWhatHappened() {
        XCTAssertEqual(NotesModel.notice(done: "published"), "staff.notes.done.published")
        XCTAssertNil(NotesModel.notice(done: "<script>"))
        XCTAssertEqual(NotesModel.message(.tooLong(.en)).arguments["max"], String(UnitNoteText.maxLength))
    }
}
