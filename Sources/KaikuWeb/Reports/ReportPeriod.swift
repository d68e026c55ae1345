import Foundation
import KaikuCore
import Vapor

/// The inclusive days a report or export covers, in the organisation's time
/// zone: `to` defaults to today and `from` to a year before `to`.
struct ReportPeriod {
    var from: CalendarDay
    var to: CalendarDay

    init(from: CalendarDay, to: CalendarDay) {
        self.from = from
        self.to = to
    }

    init(_ request: Request, timeZone: TimeZone) throws {
        try self.init(from: Self.day(request.query[String.self, at: "from"], "from"),
                      to: Self.day(request.query[String.self, at: "to"], "to"),
                      today: CalendarDay(date: request.kaiku.clock.now, timeZone: timeZone), timeZone: timeZone)
    }

    init(from: CalendarDay?, to: CalendarDay?, today: CalendarDay, timeZone: TimeZone) throws {
        let to = to ?? today
        let from = from ?? CalendarDay(date: to.start(in: timeZone).addingTimeInterval(-364 * 86_400), timeZone: timeZone)
        guard from <= to else { throw FieldError(field: "from", message: "from must not be after to.") }
        self.init(from: from, to: to)
    }

    static func day(_ raw: String?, _ name: String) throws -> CalendarDay? {
        guard let raw else { return nil }
        guard let day = CalendarDay(iso: raw) else {
            throw FieldError(field: name, message: "\(name) must be a date as YYYY-MM-DD.")
        }
        return day
    }
}
