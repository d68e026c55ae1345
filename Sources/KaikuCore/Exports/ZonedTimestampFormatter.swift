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

    public mutating func append(_ seconds: Double, to out: inout ExportBytes) {
        if seconds < validFrom || seconds >= validUntil { learnOffset(at: seconds) }
        let local = Int((seconds + Double(offset)).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let time = local - days * 86_400
        let date = CalendarDay(dayNumber: days)
        out.append(number: date.year, width: 4)
        out.append(UInt8(ascii: "-"))
        out.append(number: date.month, width: 2)
        out.append(UInt8(ascii: "-"))
        out.append(number: date.day, width: 2)
        out.append(UInt8(ascii: "T"))
        out.append(number: time / 3600, width: 2)
        out.append(UInt8(ascii: ":"))
        out.append(number: time / 60 % 60, width: 2)
        out.append(UInt8(ascii: ":"))
        out.append(number: time % 60, width: 2)
        out.append(UInt8(ascii: offset < 0 ? "-" : "+"))
        out.append(number: abs(offset) / 3600, width: 2)
        out.append(UInt8(ascii: ":"))
        out.append(number: abs(offset) / 60 % 60, width: 2)
    }

    public mutating func string(_ date: Date) -> String {
        var out = ExportBytes()
        append(date.timeIntervalSince1970, to: &out)
        return out.text
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
}
