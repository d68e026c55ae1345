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
        shared given: Shared? = nil, on database: any Database
    ) async throws -> SummaryReport {
        let shared: Shared
        if let given { shared = given } else { shared = try await Shared(organisation: organisation, units: known, statementIDs: nil, on: database) }
        let tree = shared.tree
        let codes = shared.codes
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
        // The root and, by unit, its children, each read as a whole subtree:
        // a few rows per period piece, however many units lie below.
        let children = groupBy == .unit ? (tree.children[rootID] ?? []) : []
        let raw = try await RollupQuery.subtreeTallies(
            units: [rootID] + children, parents: tree.parents, from: from, to: to, by: dimension, noAnswersAfter: latest,
            statementIDs: shared.statementIDs, on: database)
        var rootTallies: [String: Tally] = [:]
        var childTallies: [UUID: Tally] = [:]
        for (key, tally) in raw {
            if key.unitID == rootID { rootTallies[key.group ?? "", default: .empty].add(tally) } else { childTallies[key.unitID, default: .empty].add(tally) }
        }
        return SummaryReport.build(
            root: rootTallies, children: groupBy == .unit ? children.map { (key: codes[$0] ?? "", tally: childTallies[$0] ?? .empty) } : nil,
            grouping: groupBy == nil ? .none : groupBy == .unit ? .children : .keys,
            statementOrder: statementOrder, answeredOnly: answeredOnly, policy: organisation.suppression)
    }
}
