import Foundation

/// A rollup row's identity.
public struct RollupKey: Sendable, Hashable {
    public var organisationID: UUID
    public var unitID: UUID
    public var surveyID: UUID
    public var piece: PeriodPiece
    public var dimension: RollupDimension
    public var value: String

    public init(organisationID: UUID, unitID: UUID, surveyID: UUID, piece: PeriodPiece, dimension: RollupDimension, value: String) {
        self.organisationID = organisationID
        self.unitID = unitID
        self.surveyID = surveyID
        self.piece = piece
        self.dimension = dimension
        self.value = value
    }
}

/// Adds answers into rollup rows. Answers are counted per day; weeks,
/// months and years are sums of their days, so `addingCoarserGrains()` derives them
/// exactly, and a writer that already has them in hand can count all grains at once.
public struct RollupAccumulator: Sendable {
    public private(set) var rows: [RollupKey: RollupCounts] = [:]

    public init() {}

    public var isEmpty: Bool { rows.isEmpty }

    public mutating func add(_ answer: RollupAnswer, grains: [RollupGrain] = RollupGrain.allCases) {
        for grain in grains {
            let piece = PeriodPiece(grain, grain.period(of: answer.day))
            for dimension in RollupDimension.allCases {
                guard let value = answer.value(of: dimension) else { continue }
                let key = RollupKey(organisationID: answer.organisationID, unitID: answer.unitID, surveyID: answer.surveyID, piece: piece, dimension: dimension, value: value)
                rows[key, default: RollupCounts()].add(answer)
            }
        }
    }

    /// Adds week, month and year rows summed from the day rows.
    public mutating func addingCoarserGrains() {
        var coarser: [RollupKey: RollupCounts] = [:]
        for (key, counts) in rows where key.piece.grain == .day {
            let day = CalendarDay(rawValue: key.piece.period)!
            for grain in [RollupGrain.week, .month, .year] {
                var target = key
                target.piece = PeriodPiece(grain, grain.period(of: day))
                coarser[target, default: RollupCounts()].add(counts)
            }
        }
        for (key, counts) in coarser { rows[key, default: RollupCounts()].add(counts) }
    }

    /// Adds rows counted elsewhere.
    public mutating func add(_ other: [RollupKey: RollupCounts]) {
        for (key, counts) in other { rows[key, default: RollupCounts()].add(counts) }
    }

    /// Removes and returns the rows whose key matches.
    public mutating func take(where matches: (RollupKey) -> Bool) -> [RollupKey: RollupCounts] {
        let taken = rows.filter { matches($0.key) }
        for key in taken.keys { rows[key] = nil }
        return taken
    }

    public mutating func removeAll() { rows.removeAll(keepingCapacity: true) }
}
