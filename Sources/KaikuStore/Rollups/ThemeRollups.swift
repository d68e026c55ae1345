import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Keeps the `themes` rollup dimension right when an answer's themes or
/// sentiment change after it was stored (a correction, a relabelling after
/// retraining, the language model, an SMS comment): the answer leaves the
/// rows of its old value and joins those of its new one, in every grain, in
/// its unit's rows and its ancestors' subtree rows. Call in the transaction
/// that writes the change.
public enum ThemeRollups {
    public struct Change: Sendable {
        public var organisationID: UUID
        public var unitID: UUID
        public var surveyID: UUID
        public var localDay: Int
        public var before: ThemeRollupValue?
        public var after: ThemeRollupValue?

        public init(organisationID: UUID, unitID: UUID, surveyID: UUID, localDay: Int, before: ThemeRollupValue?, after: ThemeRollupValue?) {
            self.organisationID = organisationID
            self.unitID = unitID
            self.surveyID = surveyID
            self.localDay = localDay
            self.before = before
            self.after = after
        }

        /// The change of a stored answer, as the rows `FeedbackResponse` reads give it.
        public init(_ response: FeedbackResponse, themes: String?, sentiment: String?, openText: Bool) {
            self.init(organisationID: response.organisationID, unitID: response.unitID, surveyID: response.surveyID, localDay: response.localDay,
                      before: ThemeRollupValue(openText: response.openText != nil, themes: response.themes, sentiment: response.sentiment),
                      after: ThemeRollupValue(openText: openText, themes: themes, sentiment: sentiment))
        }
    }

    public static func apply(_ changes: [Change], on sql: any SQLDatabase) async throws {
        var rows: [RollupKey: RollupCounts] = [:]
        for change in changes where change.before != change.after {
            guard let day = CalendarDay(rawValue: change.localDay) else { continue }
            for (value, sign) in [(change.before, -1), (change.after, 1)] {
                guard let value else { continue }
                for grain in RollupGrain.allCases {
                    let key = RollupKey(organisationID: change.organisationID, unitID: change.unitID, surveyID: change.surveyID,
                                        piece: PeriodPiece(grain, grain.period(of: day)), dimension: .themes, value: value.rawValue)
                    var counts = rows[key] ?? RollupCounts()
                    counts.add(responses: sign)
                    rows[key] = counts
                }
            }
        }
        var accumulator = RollupAccumulator()
        accumulator.add(rows.filter { $0.value.responses != 0 })
        try await RollupStore.add(accumulator, on: sql)
    }
}
