/// The two periods the public figures cover, both ending today in the
/// organisation's time zone.
public enum PublicPeriod: String, Sendable, CaseIterable, Codable {
    case last30days, last12months

    /// Days in the period, today included.
    public var days: Int { self == .last30days ? 30 : 365 }

    /// The first day of the period that ends on `today`.
    public func from(today: CalendarDay) -> CalendarDay { today.adding(days: 1 - days) }
}
