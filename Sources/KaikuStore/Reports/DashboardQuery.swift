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

    /// `units` are the organisation's units, which the caller has at hand.
    public static func load(
        organisation: Organisation, unit: OrgUnit, units: [OrgUnit], from: CalendarDay, to: CalendarDay,
        trend: SummaryQuery.Grouping, statementOrder: [String], now: Date, on database: any Database
    ) async throws -> DashboardData {
        let latest = SubmissionValidator.latestAnswerDay(now: now, timeZone: organisation.timeZone)
        func report(_ root: OrgUnit, _ grouping: SummaryQuery.Grouping?) async throws -> SummaryReport {
            try await SummaryQuery.run(organisation: organisation, root: root, from: from, to: to, groupBy: grouping,
                                       statementOrder: statementOrder, units: units, noAnswersAfter: latest, on: database)
        }
        let byUnit = try await report(unit, .unit)
        let trendReport = try await report(unit, trend)
        var splits: [(grouping: SummaryQuery.Grouping, report: SummaryReport)] = []
        for grouping in breakdowns { splits.append((grouping, try await report(unit, grouping))) }
        var parentFigures: Figures?
        var organisationFigures: Figures?
        if let parentID = unit.parentID, let parent = units.first(where: { $0.id == parentID }) {
            parentFigures = try await report(parent, nil).whole
            let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
            let rootID = tree.ancestors(of: try unit.requireID()).last ?? parentID
            if rootID == parentID {
                organisationFigures = parentFigures
            } else if let root = units.first(where: { $0.id == rootID }) {
                organisationFigures = try await report(root, nil).whole
            }
        }
        return DashboardData(units: byUnit, trend: trendReport, breakdowns: splits, parent: parentFigures, organisation: organisationFigures)
    }
}
