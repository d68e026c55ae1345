import Foundation
import KaikuCore

/// A paper form or oral feedback as staff type it in: which target, which
/// channel, when it was given and in which language, then the answers under
/// the same field names as the public form (`FormFields`).
struct EntryForm {
    static let channels: [KaikuCore.Channel] = [.paper, .oral]

    /// A problem with one of the fields only this page has.
    struct Problem: Error, Equatable {
        var field: String
        var key: String
    }

    var values: [String: String]

    var target: String { values["target"] ?? "" }
    var channel: KaikuCore.Channel? { values["channel"].flatMap(KaikuCore.Channel.init(rawValue:)).flatMap { Self.channels.contains($0) ? $0 : nil } }
    var language: Language { values["language"].flatMap(Language.init(rawValue:)) ?? .fi }

    /// When the feedback was given, in the organisation's time zone. A
    /// paper form often has a date but no time; noon then keeps it on its
    /// day, or the present moment for a form given this morning.
    func givenAt(in zone: TimeZone, now: Date) throws(Problem) -> Date {
        guard let day = CalendarDay(accepting: values["date"] ?? "") else { throw Problem(field: "date", key: "staff.entry.error.date") }
        var hour = 12, minute = 0
        let timeGiven = !(values["time"] ?? "").isEmpty
        if let raw = values["time"], timeGiven {
            let parts = raw.split(separator: ":").map { Int($0) }
            guard parts.count == 2, let h = parts[0], let m = parts[1], (0..<24).contains(h), (0..<60).contains(m) else {
                throw Problem(field: "time", key: "staff.entry.error.time")
            }
            (hour, minute) = (h, m)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)) else {
            throw Problem(field: "date", key: "staff.entry.error.date")
        }
        if !timeGiven, date > now, CalendarDay(date: now, timeZone: zone) == day { return now }
        return date
    }

    /// The submission for the validator every channel shares. Statements
    /// are typed as 1–5, or x for "cannot say".
    func input(channel: KaikuCore.Channel, answeredAt: Date) -> SubmissionInput {
        // Fields left empty were not answered; the public form simply does not send them.
        var form = values.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        for (name, value) in form where name.hasPrefix("q_") || name == "nps" {
            form[name] = value.trimmingCharacters(in: .whitespaces).lowercased()
        }
        var input = FormFields.input(from: form, language: language, channel: channel)
        input.contact = nil
        input.wantsAnswer = nil
        input.answeredAt = answeredAt
        return input
    }
}
