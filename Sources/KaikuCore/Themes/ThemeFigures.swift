/// Themes of a period's open-text answers, counted once per answer and
/// theme: how many, how many negative or mixed, how many by month, how many
/// in the period of the same length just before, and which rose most.
/// Built from counted groups, so that the database sends one row per month,
/// theme set and sentiment rather than one per answer.
public struct ThemeFigures: Sendable, Equatable {
    /// Answers counted together: `bucket` is 0 for the previous period, else the month as yyyymm.
    public struct Group: Sendable, Equatable {
        public var bucket: Int
        public var themes: [String]
        public var sentiment: Sentiment?
        public var n: Int

        public init(bucket: Int, themes: [String], sentiment: Sentiment?, n: Int) {
            self.bucket = bucket
            self.themes = themes
            self.sentiment = sentiment
            self.n = n
        }
    }

    public struct Entry: Sendable, Equatable {
        public var code: String
        public var count: Int
        /// Answers felt as negative or mixed: a mixed answer carries a complaint too.
        public var negativeOrMixed: Int
        public var previous: Int
        /// Counts in the order of `ThemeFigures.months`.
        public var byMonth: [Int]

        public var change: Int { count - previous }

        /// The change as a share of the previous count; nil when there was none to compare with.
        public var relativeChange: Double? {
            previous > 0 ? Double(change) / Double(previous) : nil
        }
    }

    /// A rise counts only from this many answers in the period, so that 1 → 3 is not called a trend.
    public static let minimumCountForRise = 10
    /// ...and by at least this many answers.
    public static let minimumRise = 5

    /// The period's months as yyyymm, oldest first.
    public var months: [Int]
    /// One entry per theme of the catalogue, in its order, answered or not.
    public var entries: [Entry]

    public init(groups: [Group], codes: [String], months: [Int]) {
        self.months = months
        let monthIndex = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($0.element, $0.offset) })
        var entries = Dictionary(uniqueKeysWithValues: codes.map {
            ($0, Entry(code: $0, count: 0, negativeOrMixed: 0, previous: 0, byMonth: Array(repeating: 0, count: months.count)))
        })
        for group in groups {
            // A theme stored twice in one answer still counts once; unknown codes (a removed theme) are left out.
            for code in Set(group.themes) where entries[code] != nil {
                if group.bucket == 0 {
                    entries[code]?.previous += group.n
                    continue
                }
                guard let index = monthIndex[group.bucket] else { continue }
                entries[code]?.count += group.n
                entries[code]?.byMonth[index] += group.n
                if group.sentiment == .negative || group.sentiment == .mixed { entries[code]?.negativeOrMixed += group.n }
            }
        }
        self.entries = codes.compactMap { entries[$0] }
    }

    /// The theme that rose most in answers against the previous period, among
    /// those with enough answers to speak of a rise; nil when none did.
    public var rise: Entry? {
        // On a tie the catalogue's order decides, so the answer does not depend on a sort's whim.
        var best: Entry?
        for entry in entries where entry.count >= Self.minimumCountForRise && entry.change >= Self.minimumRise {
            if best.map({ entry.change > $0.change }) ?? true { best = entry }
        }
        return best
    }

    /// The months from `from` to `to` as yyyymm (days are yyyymmdd).
    public static func months(from: CalendarDay, to: CalendarDay) -> [Int] {
        var months: [Int] = []
        var year = from.rawValue / 10_000, month = from.rawValue / 100 % 100
        let last = to.rawValue / 100
        while year * 100 + month <= last {
            months.append(year * 100 + month)
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return months
    }
}
