/// Which rollup periods make up a span of days. Reports sum whole years and
/// months where they can, whole ISO weeks in what is left, and single days
/// only at the edges, so a calendar year is one row per unit, and any twelve
/// months about a dozen, instead of 365.
public enum PeriodCover {
    /// Disjoint pieces that together stand for exactly the days `from...to`.
    public static func pieces(from: CalendarDay, to: CalendarDay) -> [PeriodPiece] {
        guard from <= to else { return [] }
        var firstFullYear = from.month == 1 && from.day == 1 ? from.year : from.year + 1
        if CalendarDay(year: firstFullYear, month: 12, day: 31)! <= to {
            var pieces = monthsWeeksAndDays(from: from, to: CalendarDay(year: firstFullYear, month: 1, day: 1)!.adding(days: -1))
            while CalendarDay(year: firstFullYear, month: 12, day: 31)! <= to {
                pieces.append(PeriodPiece(.year, firstFullYear))
                firstFullYear += 1
            }
            return pieces + monthsWeeksAndDays(from: CalendarDay(year: firstFullYear, month: 1, day: 1)!, to: to)
        }
        return monthsWeeksAndDays(from: from, to: to)
    }

    /// The fewest pieces that count exactly the answers of `from...to` when
    /// no answer is dated after `latest`: a period that reaches today may be
    /// covered as if it ran to the end of its week, month or year, because
    /// those days hold nothing yet. The last twelve months are then about
    /// three rows per unit instead of about twenty.
    public static func pieces(from: CalendarDay, to: CalendarDay, noAnswersAfter latest: CalendarDay?) -> [PeriodPiece] {
        let exact = pieces(from: from, to: to)
        guard let latest, to >= latest else { return exact }
        let candidates = [to.adding(days: 7 - to.isoWeekday), to.lastOfMonth, CalendarDay(year: to.year, month: 12, day: 31)!]
        return candidates.map { pieces(from: from, to: $0) }.reduce(exact) { $1.count < $0.count ? $1 : $0 }
    }

    static func monthsWeeksAndDays(from: CalendarDay, to: CalendarDay) -> [PeriodPiece] {
        guard from <= to else { return [] }
        var firstFull = from.day == 1 ? from : from.lastOfMonth.adding(days: 1)
        var pieces: [PeriodPiece] = []
        guard firstFull.lastOfMonth <= to else { return weeksAndDays(from: from, to: to) }
        pieces += weeksAndDays(from: from, to: firstFull.adding(days: -1))
        while firstFull.lastOfMonth <= to {
            pieces.append(PeriodPiece(.month, firstFull.monthKey))
            firstFull = firstFull.lastOfMonth.adding(days: 1)
        }
        pieces += weeksAndDays(from: firstFull, to: to)
        return pieces
    }

    /// Whole ISO weeks inside `from...to`, and the days around them.
    static func weeksAndDays(from: CalendarDay, to: CalendarDay) -> [PeriodPiece] {
        var pieces: [PeriodPiece] = []
        var day = from
        while day <= to {
            if day.isoWeekday == 1, day.adding(days: 6) <= to {
                pieces.append(PeriodPiece(.week, day.isoWeekKey))
                day = day.adding(days: 7)
            } else {
                pieces.append(PeriodPiece(.day, day.rawValue))
                day = day.adding(days: 1)
            }
        }
        return pieces
    }

    public enum Bucket: Sendable {
        case month, week
    }

    /// The span cut into months (`yyyymm`) or ISO weeks (`yyyyww`), each with
    /// the pieces that cover its part of the span, in order.
    public static func buckets(from: CalendarDay, to: CalendarDay, by bucket: Bucket, noAnswersAfter latest: CalendarDay? = nil) -> [(key: Int, pieces: [PeriodPiece])] {
        var result: [(key: Int, pieces: [PeriodPiece])] = []
        var start = from
        while start <= to {
            let end: CalendarDay
            let key: Int
            switch bucket {
            case .month:
                end = min(start.lastOfMonth, to)
                key = start.monthKey
            case .week:
                end = min(start.adding(days: 7 - start.isoWeekday), to)
                key = start.isoWeekKey
            }
            result.append((key, pieces(from: start, to: end, noAnswersAfter: latest)))
            start = end.adding(days: 1)
        }
        return result
    }

    /// The days a piece stands for.
    public static func days(of piece: PeriodPiece) -> [CalendarDay] {
        switch piece.grain {
        case .day:
            return [CalendarDay(rawValue: piece.period)!]
        case .month:
            let first = CalendarDay(year: piece.period / 100, month: piece.period % 100, day: 1)!
            return (0..<first.daysInMonth).map { first.adding(days: $0) }
        case .year:
            let first = CalendarDay(year: piece.period, month: 1, day: 1)!
            let count = CalendarDay(year: piece.period, month: 12, day: 31)!.dayNumber - first.dayNumber + 1
            return (0..<count).map { first.adding(days: $0) }
        case .week:
            // The Monday of ISO week 1 is the Monday of the week holding 4 January.
            let fourth = CalendarDay(year: piece.period / 100, month: 1, day: 4)!
            let monday = fourth.adding(days: 1 - fourth.isoWeekday + 7 * (piece.period % 100 - 1))
            return (0..<7).map { monday.adding(days: $0) }
        }
    }
}
