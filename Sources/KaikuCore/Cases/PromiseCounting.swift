/// How an organisation counts the days of its answer promise.
public enum PromiseCounting: String, Sendable, Hashable, CaseIterable, Codable {
    /// Every day counts: 14 days after Monday 10:00 is Monday two weeks on, 10:00.
    case calendarDays
    /// Only Monday to Friday outside Finnish public holidays count (`FinnishHolidays`).
    case workingDays

    public static let `default` = PromiseCounting.calendarDays
}
