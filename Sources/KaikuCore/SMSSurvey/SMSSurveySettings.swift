import Foundation

/// How an organisation runs the SMS survey after visits: how long after the
/// visit the question goes out, the quiet hours when no message is sent,
/// how often one person may be asked, and which units take part (a unit
/// takes part with its whole subtree).
public struct SMSSurveySettings: Sendable, Equatable, Codable {
    public var enabled: Bool
    public var delayMinutes: Int
    /// Minutes after local midnight; quiet from `quietStart` to `quietEnd`, across midnight when start > end.
    public var quietStart: Int
    public var quietEnd: Int
    public var oncePerDays: Int
    public var units: Set<UUID>

    /// Off until an administrator turns it on; then two hours after the
    /// visit, never 21–08, and one question per person in 90 days.
    public static let defaults = SMSSurveySettings(enabled: false, delayMinutes: 120, quietStart: 21 * 60, quietEnd: 8 * 60,
                                                   oncePerDays: 90, units: [])

    public init(enabled: Bool, delayMinutes: Int, quietStart: Int, quietEnd: Int, oncePerDays: Int, units: Set<UUID>) {
        self.enabled = enabled
        self.delayMinutes = delayMinutes
        self.quietStart = quietStart
        self.quietEnd = quietEnd
        self.oncePerDays = oncePerDays
        self.units = units
    }

    /// What an administrator may set, with the reason when a value is out of bounds.
    public func problem() -> (field: String, message: String)? {
        if !(0...(14 * 24 * 60)).contains(delayMinutes) { return ("delayMinutes", "delayMinutes must be from 0 to 20160 (two weeks).") }
        for (field, value) in [("quietStart", quietStart), ("quietEnd", quietEnd)] where !(0..<(24 * 60)).contains(value) {
            return (field, "\(field) must be minutes after midnight, from 0 to 1439.")
        }
        if !(1...3_650).contains(oncePerDays) { return ("oncePerDays", "oncePerDays must be from 1 to 3650.") }
        return nil
    }

    func isQuiet(minuteOfDay minute: Int) -> Bool {
        if quietStart == quietEnd { return false }
        return quietStart < quietEnd ? (quietStart..<quietEnd).contains(minute) : (minute >= quietStart || minute < quietEnd)
    }

    /// When the question about a visit goes out: the delay after the visit,
    /// moved to the end of the quiet hours when it falls inside them.
    public func sendTime(visitAt: Date, zone: TimeZone) -> Date {
        let due = visitAt.addingTimeInterval(Double(delayMinutes) * 60)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: due)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        guard isQuiet(minuteOfDay: minute) else { return due }
        let startOfDay = calendar.startOfDay(for: due)
        let endToday = calendar.date(byAdding: .minute, value: quietEnd, to: startOfDay)!
        return endToday > due ? endToday : calendar.date(byAdding: .day, value: 1, to: endToday)!
    }
}

/// Why no question is sent about a visit.
public enum VisitSkip: String, Sendable, Codable, CaseIterable {
    /// Turvakielto: nothing about the person is kept, not even a pseudonym.
    case nonDisclosure
    case noConsent
    case notEnabled
    case unitNotIncluded
    case noPhone
    case optedOut
    case askedRecently
    /// The question would go out over a day after it was due (a late import).
    case tooLate
}

extension SMSSurveySettings {
    /// Decided when the visit arrives, so that a number that may not be
    /// asked is never stored. Non-disclosure is checked before anything else.
    public func skipAtIntake(consent: Bool, nonDisclosure: Bool, unitTakesPart: Bool, hasPhone: Bool) -> VisitSkip? {
        if nonDisclosure { return .nonDisclosure }
        if !consent { return .noConsent }
        if !enabled { return .notEnabled }
        if !unitTakesPart { return .unitNotIncluded }
        if !hasPhone { return .noPhone }
        return nil
    }
}
