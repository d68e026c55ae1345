import Foundation
import KaikuCore
import Vapor

/// The inclusive period a dashboard shows, from the `from` and `to` query
/// parameters; the last twelve months up to today when they are left out.
struct DashboardPeriod: Equatable {
    var from: CalendarDay
    var to: CalendarDay

    /// Ten years of rollups are still quick; longer periods are surely a typing error.
    static let longest = 10 * 366

    init(from: CalendarDay, to: CalendarDay) {
        self.from = from
        self.to = to
    }

    init(query request: Request, today: CalendarDay) throws {
        func day(_ name: String) throws -> CalendarDay? {
            guard let raw = request.query[String.self, at: name], !raw.isEmpty else { return nil }
            guard let day = CalendarDay(iso: raw) else { throw Abort(.badRequest, reason: "\(name) must be a date as YYYY-MM-DD.") }
            return day
        }
        let to = try day("to") ?? today
        let from = try day("from") ?? Self.lastTwelveMonths(to: to).from
        guard from <= to else { throw Abort(.badRequest, reason: "The period must not start after it ends.") }
        guard to.dayNumber - from.dayNumber <= Self.longest else { throw Abort(.badRequest, reason: "The period can be at most ten years.") }
        self.init(from: from, to: to)
    }

    /// The twelve months ending on `to`: from the day after the same date a
    /// year earlier (24.11.2025–23.11.2026); a leap day's year-ago is 28 February.
    static func lastTwelveMonths(to: CalendarDay) -> DashboardPeriod {
        let monthAgo = CalendarDay(year: to.year - 1, month: to.month, day: 1)!
        let yearAgo = monthAgo.adding(days: min(to.day, monthAgo.daysInMonth) - 1)
        return DashboardPeriod(from: yearAgo.adding(days: 1), to: to)
    }

    /// The choices offered as links: the last 30 days, the last twelve months, this year and last year.
    static func presets(today: CalendarDay) -> [(key: String, period: DashboardPeriod)] {
        [("last30", DashboardPeriod(from: today.adding(days: -29), to: today)),
         ("last12", lastTwelveMonths(to: today)),
         ("thisYear", DashboardPeriod(from: CalendarDay(year: today.year, month: 1, day: 1)!, to: today)),
         ("lastYear", DashboardPeriod(from: CalendarDay(year: today.year - 1, month: 1, day: 1)!, to: CalendarDay(year: today.year - 1, month: 12, day: 31)!))]
    }
}
