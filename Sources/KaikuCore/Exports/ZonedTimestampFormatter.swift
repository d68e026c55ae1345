import Foundation

/// Writes instants as ISO 8601 local times with the zone's offset
/// (`2026-03-29T04:30:00+03:00`). Foundation's formatters cost microseconds
/// a call; here the offset is looked up once per stretch between daylight
/// saving transitions and the rest is integer arithmetic.
public struct ZonedTimestampFormatter: Sendable {
    public let timeZone: TimeZone
    private var validFrom = Double.infinity
    private var validUntil = -Double.infinity
    private var offset = 0

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    public mutating func append(_ seconds: Double, to out: inout String) {
        if seconds < validFrom || seconds >= validUntil { learnOffset(at: seconds) }
        let local = Int((seconds + Double(offset)).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let time = local - days * 86_400
        let date = CalendarDay(dayNumber: days)
        Self.pad(date.year, 4, &out)
        out += "-"
        Self.pad(date.month, 2, &out)
        out += "-"
        Self.pad(date.day, 2, &out)
        out += "T"
        Self.pad(time / 3600, 2, &out)
        out += ":"
        Self.pad(time / 60 % 60, 2, &out)
        out += ":"
        Self.pad(time % 60, 2, &out)
        out += offset < 0 ? "-" : "+"
        Self.pad(abs(offset) / 3600, 2, &out)
        out += ":"
        Self.pad(abs(offset) / 60 % 60, 2, &out)
    }

    public mutating func string(_ date: Date) -> String {
        var out = ""
        append(date.timeIntervalSince1970, to: &out)
        return out
    }

    /// The offset at `seconds` and the stretch around it where it holds.
    private mutating func learnOffset(at seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        offset = timeZone.secondsFromGMT(for: date)
        validUntil = timeZone.nextDaylightSavingTimeTransition(after: date)?.timeIntervalSince1970 ?? .infinity
        // Zones change their offset at most a few times a year, so the last change is within a year back.
        var start = seconds - 366 * 86_400
        while let next = timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: start)),
              next.timeIntervalSince1970 <= seconds {
            start = next.timeIntervalSince1970
        }
        validFrom = start
    }

    static func pad(_ value: Int, _ width: Int, _ out: inout String) {
        let digits = String(value)
        if digits.count < width { out += String(repeating: "0", count: width - digits.count) }
        out += digits
    }
}
