import Foundation
import KaikuCore
import FluentKit
import SQLKit

/// Generates a year of plausible answers: units differ in quality, kiosk and
/// oral feedback run kinder than web forms, Swedish-speaking customers a
/// little more satisfied, and scores drift upward over the year. Used by the
/// demo and by `kaiku generate`.
public struct SyntheticAnswers: Sendable {
    public struct TargetSpec: Sendable {
        public var targetID: UUID
        public var unitID: UUID
        /// Effect of the unit on the recommendation score, about −1.5…+1.
        public var quality: Double
        /// Relative volume of answers.
        public var weight: Double

        public init(targetID: UUID, unitID: UUID, quality: Double, weight: Double) {
            self.targetID = targetID
            self.unitID = unitID
            self.quality = quality
            self.weight = weight
        }
    }

    public var organisationID: UUID
    public var surveyID: UUID
    public var statementIDs: [String]
    public var timeZone: TimeZone
    public var targets: [TargetSpec]
    public var end: Date
    public var days: Int = 365
    public var withOpenText: Bool = true
    /// Whether some commenters leave contact details and ask for an answer
    /// (which opens a case). `load` writes answers only, so it needs this off.
    public var contactRequests: Bool = true
    public var promiseDays: Int = 14
    public var promiseIn: PromiseCounting = .calendarDays

    public init(organisationID: UUID, surveyID: UUID, statementIDs: [String], timeZone: TimeZone, targets: [TargetSpec], end: Date) {
        self.organisationID = organisationID
        self.surveyID = surveyID
        self.statementIDs = statementIDs
        self.timeZone = timeZone
        self.targets = targets
        self.end = end
    }

    static let channels: [(Channel, Double, Double)] = [
        (.web, 0.40, -0.35), (.kiosk, 0.30, 0.35), (.sms, 0.17, 0.15), (.paper, 0.06, 0.1), (.oral, 0.04, 0.45), (.remote, 0.03, -0.1),
    ]
    static let languages: [(Language, Double, Double)] = [(.fi, 0.86, 0), (.sv, 0.10, 0.25), (.en, 0.04, -0.3)]
    static let ageGroups: [(String, Double)] = [("under18", 0.06), ("18-29", 0.14), ("30-49", 0.27), ("50-64", 0.22), ("65-74", 0.17), ("75plus", 0.14)]

    /// Inserts `count` answers with their cases and contacts through Fluent's
    /// connection and returns how many were stored; for the demo, whose
    /// answers open cases. Each week goes in one transaction with its
    /// rollups, counted here per day and summed into weeks, months and
    /// years, which is far quicker than adding every answer to fifteen
    /// rollup rows as live submissions do; `batch` bounds the rows per statement.
    public func insert(count: Int, seed: UInt64, batch: Int = 5_000, cipher: ContactCipher, on database: any Database,
                       progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int {
        var stored = 0
        try await forEachWeek(count: count, seed: seed) { week, _ in
            defer { progress?(stored) }
            stored += try await database.transaction { transaction in
                let sql = try transaction.sql
                var rows = week
                try await ResponseInsert.assignUniqueReceipts(&rows, on: sql)
                var rollups = RollupAccumulator()
                for row in rows { rollups.add(row.rollupAnswer, grains: [.day]) }
                rollups.addingCoarserGrains()
                for chunk in rows.chunked(into: batch) {
                    try await ResponseInsert.insert(Array(chunk), cipher: cipher, rollups: false, on: sql)
                }
                try await RollupStore.add(rollups, on: sql)
                return rows.count
            }
        }
        return stored
    }

    /// Makes the answers and calls `body` with each week's, Monday to Sunday
    /// (the first and last weeks cut to the period), in the order they were
    /// given, and the first day of the next week (nil after the last).
    func forEachWeek(count: Int, seed: UInt64, _ body: ([NewResponse], CalendarDay?) async throws -> Void) async throws {
        var week: [NewResponse] = []
        try await forEachDay(count: count, seed: seed) { rows, next in
            week += rows
            if next == nil || next?.isoWeekday == 1 {
                try await body(week, next)
                week.removeAll()
            }
        }
    }

    /// Makes the answers day by day, each day's in the order they were
    /// given, and calls `body` with the day's answers and the next day
    /// (nil after the last).
    func forEachDay(count: Int, seed: UInt64, _ body: ([NewResponse], CalendarDay?) async throws -> Void) async throws {
        guard !targets.isEmpty, days > 0 else { return }
        var generator = SplitMix64(seed: seed)
        let picker = WeightedIndex(weights: targets.map(\.weight))
        let lastDay = CalendarDay(date: end, timeZone: timeZone)
        let firstDay = lastDay.adding(days: 1 - days)
        let perDay = Self.shares(of: count, weights: (0..<days).map { Self.volume(on: firstDay.adding(days: $0)) })
        for offset in 0..<days {
            let day = firstDay.adding(days: offset)
            var rows = (0..<perDay[offset]).map { _ in
                make(target: targets[picker.pick(using: &generator)], day: day, age: days - 1 - offset, using: &generator)
            }
            rows.sort { $0.submission.answeredAt < $1.submission.answeredAt }
            try await body(rows, offset + 1 < days ? day.adding(days: 1) : nil)
        }
    }

    /// Relative number of answers on a day: services are open on weekdays,
    /// and July is the summer holiday.
    static func volume(on day: CalendarDay) -> Double {
        let weekday = switch day.isoWeekday {
        case 6: 0.45
        case 7: 0.3
        default: 1.0
        }
        return weekday * (day.month == 7 ? 0.6 : 1.0)
    }

    /// `count` split in proportion to `weights`, summing to exactly `count` (largest remainders).
    static func shares(of count: Int, weights: [Double]) -> [Int] {
        let total = weights.reduce(0, +)
        guard total > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(count) * $0 / total }
        var shares = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { exact[$0] - Double(shares[$0]) > exact[$1] - Double(shares[$1]) }
        for index in order.prefix(count - shares.reduce(0, +)) { shares[index] += 1 }
        return shares
    }

    /// One answer on `day`, `age` days before the last day of the period.
    func make(target: TargetSpec, day: CalendarDay, age: Int, using generator: inout SplitMix64) -> NewResponse {
        let (channel, _, channelEffect) = generator.pick(Self.channels.map { (($0.0, $0.1, $0.2), $0.1) })
        let (language, _, languageEffect) = generator.pick(Self.languages.map { (($0.0, $0.1, $0.2), $0.1) })
        // Office hours (8–17) are busiest; evenings and nights still see some kiosk and web answers.
        let hour = generator.chance(0.8) ? Double.random(in: 8..<17, using: &generator) : Double.random(in: 0..<24, using: &generator)
        // On the day clocks go forward the day has 23 hours: the answer stays on its own day.
        let answeredAt = min(end, day.start(in: timeZone).addingTimeInterval(hour * 3_600),
                             day.adding(days: 1).start(in: timeZone).addingTimeInterval(-1))
        let trend = (1 - Double(age) / Double(days)) * 0.4
        let latent = 8.55 + target.quality + channelEffect + languageEffect + trend + generator.gaussian(sigma: 2.0)
        let recommendation = min(10, max(0, Int(latent.rounded())))
        var statements: [String: Int] = [:]
        for id in statementIDs where !generator.chance(0.12) {
            if generator.chance(0.05) {
                statements[id] = ValidatedSubmission.cannotSay
            } else {
                let value = 4.25 + 0.25 * (latent - 8.55) + 0.2 * target.quality + generator.gaussian(sigma: 0.7)
                statements[id] = min(5, max(1, Int(value.rounded())))
            }
        }
        let openText = withOpenText && generator.chance(0.2) ? SampleComments.pick(score: recommendation, language: language, using: &generator) : nil
        let wantsAnswer = openText != nil && generator.chance(0.12) && contactRequests
        let submission = ValidatedSubmission(
            channel: channel, language: language, recommendation: recommendation, statements: statements,
            choices: [
                "ageGroup": generator.pick(Self.ageGroups),
                "serviceMode": channel == .remote || generator.chance(0.1) ? "remote" : "onsite",
            ],
            respondent: generator.chance(0.82) ? .oneself : .relative,
            openText: openText, maskedKinds: [], answeredAt: answeredAt,
            contact: wantsAnswer ? ContactDetails(name: nil, email: "asiakas\(UInt16.random(in: 1...9999, using: &generator))@example.fi", phone: nil) : nil,
            wantsAnswer: wantsAnswer)
        // Received a moment after it was given, but never after the end: nothing is received in the future.
        let receivedAt = min(end, answeredAt.addingTimeInterval(Double.random(in: 1...120, using: &generator)))
        var response = NewResponse(
            id: UUID.timeOrdered(at: answeredAt, using: &generator), organisationID: organisationID, targetID: target.targetID, unitID: target.unitID, surveyID: surveyID,
            submission: submission, statementOrder: statementIDs, receivedAt: receivedAt,
            timeZone: timeZone, receipt: ReceiptCode.make(using: &generator),
            promise: AnswerPromise(days: promiseDays, timeZone: timeZone, counting: promiseIn))
        if var opening = response.caseOpening {
            // Most past cases were answered in time, some late; the newest wait in the inbox.
            let promisedDays = promiseIn == .calendarDays ? Double(promiseDays) : max(1, opening.dueAt.timeIntervalSince(receivedAt) / 86_400)
            let handlingDays = Double.random(in: 0.2...promisedDays * 1.3, using: &generator)
            let answeredAt = receivedAt.addingTimeInterval(handlingDays * 86_400)
            if answeredAt < end {
                opening.status = .closed
                opening.closedAt = answeredAt
                opening.history += [(.taken, receivedAt.addingTimeInterval(handlingDays * 0.4 * 86_400)), (.answered, answeredAt), (.closed, answeredAt)]
                // A long handling began with an interim reply, so that reaction and answer times differ.
                if handlingDays > promisedDays * 0.6 {
                    opening.history.insert((.interimReply, receivedAt.addingTimeInterval(handlingDays * 0.45 * 86_400)), at: opening.history.count - 2)
                }
            } else if generator.chance(0.5) {
                opening.status = .handling
                opening.history.append((.taken, min(end, receivedAt.addingTimeInterval(3_600))))
            }
            response.caseOpening = opening
        }
        return response
    }
}
