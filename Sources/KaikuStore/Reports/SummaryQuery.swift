import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// The summary report of a unit's subtree: figures for the whole and per
/// child unit, channel, language or month, suppressed by the organisation's
/// rule. Read from the rollups, never from the answers themselves.
public enum SummaryQuery {
    public enum Grouping: String, Sendable, CaseIterable {
        case unit, channel, language, respondent, ageGroup, month, week
    }

    public static func run(
        organisation: Organisation, root: OrgUnit, from: CalendarDay, to: CalendarDay,
        groupBy: Grouping?, statementOrder: [String], answeredOnly: Set<String> = [], units known: [OrgUnit]? = nil, noAnswersAfter latest: CalendarDay? = nil,
        on database: any Database
    ) async throws -> SummaryReport {
        // The caller usually has the organisation's units at hand already.
        var units = known ?? []
        if known == nil { units = try await OrgUnit.all(in: organisation.requireID(), on: database) }
        let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
        let codes = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.code) })
        let rootID = try root.requireID()
        let dimension: TallyQuery.Dimension? = switch groupBy {
        case .channel: .channel
        case .language: .language
        case .respondent: .respondent
        case .ageGroup: .ageGroup
        case .month: .month
        case .week: .week
        case .unit, nil: nil
        }
        // Only a report by child unit needs each unit's own tally; the others are sums the database makes.
        let raw = try await RollupQuery.tallies(
            organisationID: organisation.requireID(), units: tree.subtree(of: rootID),
            from: from, to: to, by: dimension, perUnit: groupBy == .unit, root: rootID, noAnswersAfter: latest, on: database)
        var tallies: [UUID: [String: Tally]] = [:]
        for (key, tally) in raw { tallies[key.unitID, default: [:]][key.group ?? "", default: .empty].add(tally) }
        return SummaryReport.build(
            tree: tree, root: rootID, tallies: tallies, grouping: groupBy == nil ? .none : groupBy == .unit ? .children : .keys,
            statementOrder: statementOrder, answeredOnly: answeredOnly, policy: organisation.suppression, key: { codes[$0] ?? "" })
    }
}
