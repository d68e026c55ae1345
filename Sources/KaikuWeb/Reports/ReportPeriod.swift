import Foundation
import KaikuCore
import Vapor

/// The inclusive days a report, dashboard or export covers, in the
/// organisation's time zone, from the `from` and `to` query parameters: `to`
/// defaults to today and `from` to twelve months before `to`.
struct ReportPeriod: Equatable {
    var from: CalendarDay
    var to: CalendarDay

    /// Ten years of rollups are still quick; longer periods are surely a typing error.
    static let longest = 10 * 366

    init(from: CalendarDay, to: CalendarDay) {
        self.from = from
        self.to = to
    }

    init(_ request: Request, timeZone: TimeZone) throws {
        try self.init(request, today: CalendarDay(date: request.kaiku.clock.now, timeZone: timeZone))
    }

    init(_ request: Request, today: CalendarDay) throws {
        try self.init(from: Self.day(request.queryStrings["from"], "from"),
                      to: Self.day(request.queryStrings["to"], "to"), today: today)
    }

    init(from: CalendarDay?, to: CalendarDay?, today: CalendarDay) throws {
        let to = to ?? today
        let from = from ?? Self.lastTwelveMonths(to: to).from
        guard from <= to else { throw FieldError(field: "from", message: "from must not be after to.") }
        guard to.dayNumber - from.dayNumber <= Self.longest else {
            throw FieldError(field: "from", message: "The period can be at most ten years.")
        }
        self.init(from: from, to: to)
    }

    /// An empty parameter counts as left out: an HTML form sends its empty fields.
    static func day(_ raw: String?, _ name: String) throws -> CalendarDay? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let day = CalendarDay(accepting: raw) else {
            throw FieldError(field: name, message: CalendarDay.acceptedDescription(of: name))
        }
        return day
    }

    /// The twelve months ending on `to`: from the day after the same date a
    /// year earlier (24.11.2025–23.11.2026); a leap day's year-ago is 28 February.
    static func lastTwelveMonths(to: CalendarDay) -> ReportPeriod {
        let monthAgo = CalendarDay(year: to.year - 1, month: to.month, day: 1) ?? .earliest
        let yearAgo = monthAgo.adding(days: min(to.day, monthAgo.daysInMonth) - 1)
        return ReportPeriod(from: yearAgo.adding(days: 1), to: to)
    }

    /// The choices a dashboard offers as links: the last 30 days, the last twelve months, this year and last year.
    static func presets(today: CalendarDay) -> [(key: String, period: ReportPeriod)] {
        [("last30", ReportPeriod(from: today.adding(days: -29), to: today)),
         ("last12", lastTwelveMonths(to: today)),
         ("thisYear", ReportPeriod(from: CalendarDay(year: today.year, month: 1, day: 1) ?? today, to: today)),
         ("lastYear", ReportPeriod(from: CalendarDay(year: today.year - 1, month: 1, day: 1) ?? .earliest,
                                   to: CalendarDay(year: today.year - 1, month: 12, day: 31) ?? .earliest))]
    }
}
