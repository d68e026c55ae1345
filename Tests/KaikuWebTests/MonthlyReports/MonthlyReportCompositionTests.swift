import Foundation
import KaikuCore
import XCTest
@testable import KaikuWeb

/// How the monthly report is written: the same content as plain text and
/// as mail-safe HTML, in the recipient's language, with nothing below the
/// minimum n shown as a number.
final class MonthlyReportCompositionTests: XCTestCase {
    private let catalogue = try! Catalogue.load()

    func testPlainTextCarriesTheFiguresOfTheThreeMonths() {
        let text = MonthlyReport.sample().plainText(catalogue: catalogue)

        XCTAssertTrue(text.contains("marraskuu 2026: NPS +42, vastauksia 12"), text)
        XCTAssertTrue(text.contains("lokakuu 2026: NPS +25, vastauksia 8"), text)
        XCTAssertTrue(text.contains("marraskuu 2025: NPS –, vastauksia alle 5"), "the year-ago month had 3 answers: no figure, no count")
        XCTAssertTrue(text.contains("Sain apua: 4,1 (edellinen kuukausi 3,5, vuotta aiemmin –)"), text)
        XCTAssertTrue(text.contains("Vastauslupaus pidetty: 83 %"))
        XCTAssertTrue(text.contains("https://palaute.example.fi/staff/reports/unsubscribe/"))
    }

    func testChildUnitsAreRankedAndASmallOneShowsNoFigure() {
        let report = MonthlyReport.sample()
        XCTAssertEqual(report.children.map(\.code), ["A1", "A2"], "units with a figure first")
        let text = report.plainText(catalogue: catalogue)
        XCTAssertTrue(text.contains("1. Yksikkö A1: NPS +50, n 10"), text)
        XCTAssertTrue(text.contains("- Yksikkö A2: NPS –, n alle 5"), text)
        XCTAssertFalse(text.contains("n 2\n"))
    }

    func testHTMLIsTablesWithInlineStylesAndNoScriptsOrSVG() {
        let html = MonthlyReport.sample().html(catalogue: catalogue)

        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<html lang=\"fi\">"))
        for forbidden in ["<svg", "<script", "<style", "<img", "class=\""] {
            XCTAssertFalse(html.contains(forbidden), forbidden)
        }
        XCTAssertTrue(html.contains("role=\"presentation\""))
        XCTAssertTrue(html.contains("bgcolor=\"#1f5fa8\""), "bars are coloured cells")
        XCTAssertTrue(html.contains("Hyvä &lt;b&gt;palvelu&lt;/b&gt; &amp; ystävällinen"), "comments are escaped")
        XCTAssertTrue(html.contains("href=\"https://palaute.example.fi/staff/dashboard?unit=A&amp;lang=fi\""))
        XCTAssertTrue(html.contains(">+42<"))
        XCTAssertTrue(html.contains("alle 5"))
    }

    func testReportIsWrittenInTheRecipientsLanguage() {
        let swedish = MonthlyReport.sample(language: .sv)
        let text = swedish.plainText(catalogue: catalogue)
        XCTAssertTrue(text.contains("november 2026: NPS +42, svar 12"), text)
        XCTAssertTrue(text.contains("färre än 5"))
        XCTAssertTrue(swedish.html(catalogue: catalogue).contains("<html lang=\"sv\">"))

        let english = MonthlyReport.sample(language: .en).email(to: "a@example.fi", catalogue: catalogue)
        XCTAssertEqual(english.subject, "Yksikkö A: customer feedback, November 2026")
        XCTAssertTrue(english.body.contains("Statements (mean on a scale of 1–5)"))
        XCTAssertTrue(english.body.contains("4.1"))
        XCTAssertNotNil(english.html)
        XCTAssertEqual(english.unsubscribeLink, MonthlyReport.sample().unsubscribeLink)
    }

    func testRisenThemesNeedTheMinimumNAndARise() {
        let figures = ThemeFigures(groups: [
            .init(bucket: 0, themes: ["a"], sentiment: nil, n: 2), .init(bucket: 202611, themes: ["a"], sentiment: nil, n: 7),
            .init(bucket: 0, themes: ["b"], sentiment: nil, n: 9), .init(bucket: 202611, themes: ["b"], sentiment: nil, n: 6),
            .init(bucket: 202611, themes: ["c"], sentiment: nil, n: 3),
        ], codes: ["a", "b", "c"], months: [202611])
        let rows = MonthlyReport.risen(figures, names: ["a": "Aihe A"], minimumN: 5)
        XCTAssertEqual(rows, [MonthlyReport.ThemeRow(code: "a", name: "Aihe A", count: 7, previous: 2)],
                       "b fell; c rose from nothing but has fewer than 5 answers")
    }

    func testCaseSharesNeedEnoughAnsweredCases() {
        let few = MonthlyReport.cases(CaseStatistics(pending: 1, late: 1, dueSoon: 0, finished: 3, keptPromise: 3, handlingBuckets: [1: 3]), minimumN: 5)
        XCTAssertEqual(few.received, 4)
        XCTAssertNil(few.promiseKeptPercent)
        XCTAssertNil(few.medianHandlingHours)
        let enough = MonthlyReport.cases(CaseStatistics(pending: 0, late: 0, dueSoon: 0, finished: 5, keptPromise: 4, handlingBuckets: [1: 5]), minimumN: 5)
        XCTAssertEqual(enough.promiseKeptPercent, 80)
    }

    func testMonthlyScheduleIsTheFirstWorkingDayAtSeven() throws {
        let zone = try XCTUnwrap(TimeZone(identifier: "Europe/Helsinki"))
        // 1 January 2027 is a holiday (Friday): the December report goes on Monday 4 January.
        let newYear = try XCTUnwrap(CalendarDay(year: 2026, month: 12, day: 20)).start(in: zone)
        let next = MonthlyReportJob.next(after: newYear, timeZone: zone)
        XCTAssertEqual(next.month.description, "2026-12")
        XCTAssertEqual(CalendarDay(date: next.runAt, timeZone: zone).description, "2027-01-04")
        // On the day itself, before seven, the month that ended is still due; after seven, the next one.
        let dueDay = try XCTUnwrap(CalendarDay(year: 2026, month: 12, day: 1)).start(in: zone)
        XCTAssertEqual(MonthlyReportJob.next(after: dueDay.addingTimeInterval(6 * 3_600), timeZone: zone).month.description, "2026-11")
        XCTAssertEqual(MonthlyReportJob.next(after: dueDay.addingTimeInterval(8 * 3_600), timeZone: zone).month.description, "2026-12")
    }
}
