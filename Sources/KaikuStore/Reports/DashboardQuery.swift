import FluentKit
import Foundation
import KaikuCore

/// Everything a unit's dashboard shows for one period, read from the rollups:
/// the unit's subtree with its child units, a trend, the splits by channel,
/// language, respondent and age group, and the same period for the parent
/// and the whole organisation to compare with.
public struct DashboardData: Sendable {
    /// The whole subtree, with one group per child unit.
    public var units: SummaryReport
    /// One group per month or ISO week of the period.
    public var trend: SummaryReport
    public var breakdowns: [(grouping: SummaryQuery.Grouping, report: SummaryReport)]
    /// Nil for an organisation's root unit, which has no parent.
    public var parent: Figures?
    /// Nil when the unit is the organisation's root: the whole is the organisation.
    public var organisation: Figures?
}

public enum DashboardQuery {
    public static let breakdowns: [SummaryQuery.Grouping] = [.channel, .language, .respondent, .ageGroup]

    /// `snapshot` holds the organisation's units, which the caller has at hand.
    public static func load(
        organisation: Organisation, unit: OrgUnit, snapshot: OrgSnapshot, from: CalendarDay, to: CalendarDay,
        trend: SummaryQuery.Grouping, statementOrder: [String], now: Date, on database: any Database
    ) async throws -> DashboardData {
        let latest = SubmissionValidator.latestAnswerDay(now: now, timeZone: organisation.timeZone)
        let shared = SummaryQuery.Shared(snapshot: snapshot, statementIDs: try await SurveyStatements.ids(on: database))
        @Sendable func report(_ root: OrgUnit, _ grouping: SummaryQuery.Grouping?) async throws -> SummaryReport {
            try await SummaryQuery.run(organisation: organisation, root: root, from: from, to: to, groupBy: grouping,
                                       statementOrder: statementOrder, noAnswersAfter: latest, shared: shared, on: database)
        }
        // The parent and the organisation are compared as wholes; the root of the tree has neither.
        let tree = shared.tree
        let ancestors = tree.ancestors(of: try unit.requireID())
        let parent = ancestors.first.flatMap { snapshot.byID[$0] }
        let root = ancestors.count > 1 ? ancestors.last.flatMap { snapshot.byID[$0] } : nil

        // The reads are independent: on PostgreSQL they run on several connections at once.
        enum Part: Hashable, Sendable { case units, trend, split(SummaryQuery.Grouping), parent, organisation }
        var parts: [Part] = [.units, .trend] + breakdowns.map(Part.split)
        if parent != nil { parts.append(.parent) }
        if root != nil { parts.append(.organisation) }
        let reports = try await withThrowingTaskGroup(of: (Part, SummaryReport).self) { group in
            for part in parts {
                group.addTask {
                    switch part {
                    case .units: (part, try await report(unit, .unit))
                    case .trend: (part, try await report(unit, trend))
                    case .split(let grouping): (part, try await report(unit, grouping))
                    case .parent: (part, try await report(parent!, nil))
                    case .organisation: (part, try await report(root!, nil))
                    }
                }
            }
            var results: [Part: SummaryReport] = [:]
            for try await (part, report) in group { results[part] = report }
            return results
        }
        let parentFigures = reports[.parent]?.whole
        return DashboardData(
            units: reports[.units]!, trend: reports[.trend]!,
            breakdowns: breakdowns.map { (grouping: $0, report: reports[.split($0)]!) },
            // When the parent is the root, the organisation is the parent.
            parent: parentFigures, organisation: reports[.organisation]?.whole ?? parentFigures)
    }
}
