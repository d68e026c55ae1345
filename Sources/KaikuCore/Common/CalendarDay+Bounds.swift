/// The days Kaiku takes from outside. Feedback, reports and filters are about
/// the present, give or take a century, so a wider window only ever carries a
/// typing error or a probe; keeping it narrow leaves room on both sides for
/// the arithmetic of periods (a year back, a week ahead) to stay inside the
/// calendar the type can hold.
extension CalendarDay {
    public static let earliestAccepted = CalendarDay(year: 1900, month: 1, day: 1)!
    public static let latestAccepted = CalendarDay(year: 2199, month: 12, day: 31)!

    /// The earliest and latest day the type can hold; day arithmetic stops
    /// here instead of trapping.
    public static let earliest = CalendarDay(year: 1, month: 1, day: 1)!
    public static let latest = CalendarDay(year: 9999, month: 12, day: 31)!

    /// `YYYY-MM-DD` within the accepted window, or nil.
    public init?(accepting text: String) {
        guard let day = CalendarDay(iso: text), day.isAccepted else { return nil }
        self = day
    }

    public var isAccepted: Bool { (Self.earliestAccepted...Self.latestAccepted).contains(self) }

    /// What to tell a person whose date was refused.
    public static func acceptedDescription(of name: String) -> String {
        "\(name) must be a date as YYYY-MM-DD between \(earliestAccepted) and \(latestAccepted)."
    }
}
