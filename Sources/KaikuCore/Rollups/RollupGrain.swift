/// How long a rollup row's period is. Periods are integers: `yyyymmdd` for a
/// day, `yyyyww` for an ISO week, `yyyymm` for a month, `yyyy` for a year.
public enum RollupGrain: Int, Sendable, CaseIterable, Hashable, Codable {
    case day = 1
    case week = 2
    case month = 3
    case year = 4

    public func period(of day: CalendarDay) -> Int {
        switch self {
        case .day: day.rawValue
        case .week: day.isoWeekKey
        case .month: day.monthKey
        case .year: day.year
        }
    }
}

/// One rollup period: a day, an ISO week or a month.
public struct PeriodPiece: Sendable, Hashable, Codable, CustomStringConvertible {
    public var grain: RollupGrain
    public var period: Int

    public init(_ grain: RollupGrain, _ period: Int) {
        self.grain = grain
        self.period = period
    }

    public var description: String { "\(grain)-\(period)" }
}
