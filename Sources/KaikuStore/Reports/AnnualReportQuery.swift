import FluentKit
import Foundation
import KaikuCore
import SQLKit

/// Everything the annual customer report of a unit's subtree shows for one
/// calendar year. The figures come from `SummaryQuery`, the query behind
/// `GET /api/v1/reports/summary`, and the case figures from
/// `CaseStatisticsQuery`, so that the report equals the API for the same unit
/// and year; suppression is the organisation's, applied by those queries.
public struct AnnualReportData: Sendable {
    public struct Split: Sendable {
        public var grouping: SummaryQuery.Grouping
        public var current: SummaryReport
        public var previous: SummaryReport
    }

    public var year: Int
    public var from: CalendarDay
    public var to: CalendarDay
    /// The year, with one group per child unit (service area).
    public var current: SummaryReport
    /// The year before, grouped the same way.
    public var previous: SummaryReport
    /// One group per month of the year.
    public var months: SummaryReport
    /// Language, channel and respondent, this year and the year before.
    public var splits: [Split]
    public var cases: CaseStatistics
    public var previousCases: CaseStatistics
    /// Theme counts of the year's open text; `previous` counts the year before.
    public var themes: ThemeFigures
    /// The newest few masked comments of each theme with enough answers to show.
    public var examples: [String: [ThemeQuery.Example]]
    /// "What we did" notes of the subtree published during the year, newest first.
    public var notes: [UnitNote]
}

public enum AnnualReportQuery {
    public static let splits: [SummaryQuery.Grouping] = [.language, .channel, .respondent]
    public static let examplesPerTheme = 3
    public static let notesShown = 30
    /// The first year a report can be asked for; earlier years are surely a typing error.
    public static let firstYear = 2000

    /// The first and last day of `year`.
    public static func days(of year: Int) -> (from: CalendarDay, to: CalendarDay)? {
        guard let from = CalendarDay(year: year, month: 1, day: 1), let to = CalendarDay(year: year, month: 12, day: 31) else { return nil }
        return (from, to)
    }

    /// `units` are the organisation's units; `statementOrder` and `answeredOnly` as the summary API passes them.
    public static func load(
        organisation: Organisation, unit: OrgUnit, units: [OrgUnit], year: Int, statementOrder: [String], answeredOnly: Set<String>,
        now: Date, on database: any Database
    ) async throws -> AnnualReportData {
        guard let span = days(of: year), let spanBefore = days(of: year - 1) else { throw AnnualReportError.badYear }
        let (from, to) = (span.from, span.to)
        let (previousFrom, previousTo) = (spanBefore.from, spanBefore.to)
        let zone = organisation.timeZone
        let organisationID = try organisation.requireID()
        let latest = SubmissionValidator.latestAnswerDay(now: now, timeZone: zone)
        func report(_ from: CalendarDay, _ to: CalendarDay, _ grouping: SummaryQuery.Grouping?) async throws -> SummaryReport {
            try await SummaryQuery.run(organisation: organisation, root: unit, from: from, to: to, groupBy: grouping,
                                       statementOrder: statementOrder, answeredOnly: answeredOnly, units: units,
                                       noAnswersAfter: latest, on: database)
        }
        let current = try await report(from, to, .unit)
        let previous = try await report(previousFrom, previousTo, .unit)
        let months = try await report(from, to, .month)
        var splits: [AnnualReportData.Split] = []
        for grouping in Self.splits {
            splits.append(.init(grouping: grouping, current: try await report(from, to, grouping),
                                previous: try await report(previousFrom, previousTo, grouping)))
        }

        let tree = OrgTree(units.map { (id: $0.id!, parent: $0.parentID) })
        let subtree = tree.subtree(of: try unit.requireID())
        func cases(_ from: CalendarDay, _ to: CalendarDay) async throws -> CaseStatistics {
            try await CaseStatisticsQuery.figures(units: subtree, organisationID: organisationID, now: now,
                                                  since: from.start(in: zone), until: to.adding(days: 1).start(in: zone), on: database)
        }

        let codes = try await ThemeCatalogue.codes(organisationID: organisationID, on: database)
        let groups = try await ThemeQuery.groups(root: unit.requireID(), hasChildren: subtree.count > 1, previousFrom: previousFrom,
                                                 from: from, to: to, on: database)
        let themes = ThemeFigures(groups: groups, codes: codes, months: ThemeFigures.months(from: from, to: to))
        // No comment from a theme or a subtree with fewer answers than the minimum n: a few comments say too much about each writer.
        var examples: [String: [ThemeQuery.Example]] = [:]
        if organisation.suppression.allows(current.whole.n) {
            examples = try await ThemeQuery.examples(
                organisationID: organisationID, root: unit.requireID(), units: subtree, from: from, to: to,
                themes: themes.entries.filter { organisation.suppression.allows($0.count) && $0.count > 0 }.map(\.code),
                limit: examplesPerTheme, on: database)
        }

        let notes = try await UnitNote.query(on: database)
            .filter(\.$organisationID == organisationID).filter(\.$unitID ~~ subtree)
            .filter(\.$publishedAt >= from.start(in: zone)).filter(\.$publishedAt < to.adding(days: 1).start(in: zone))
            .sort(\.$publishedAt, .descending).sort(\.$id, .descending).limit(notesShown).all()

        return AnnualReportData(
            year: year, from: from, to: to, current: current, previous: previous, months: months, splits: splits,
            cases: try await cases(from, to), previousCases: try await cases(previousFrom, previousTo),
            themes: themes, examples: examples, notes: notes)
    }
}

public enum AnnualReportError: Error, Equatable {
    case badYear
}
