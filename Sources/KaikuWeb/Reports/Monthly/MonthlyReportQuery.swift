import Fluent
import Foundation
import KaikuCore
import KaikuStore
import SQLKit

/// Reads one person's monthly report: the figures of their unit's subtree
/// through the same queries and arguments as `GET /api/v1/reports/summary`
/// (`SummaryQuery`) and the dashboard's case figures (`CaseStatisticsQuery`),
/// so that the e-mail and the API agree for the same unit and month.
enum MonthlyReportQuery {
    /// What stays the same for every recipient of one organisation and month.
    struct Shared: Sendable {
        var organisation: Organisation
        var units: [OrgUnit]
        var tree: OrgTree<UUID>
        var history: SurveyHistory
        var themes: [ThemeEntry]
        var now: Date
        /// Scheme and host the links point to, without a trailing slash.
        var baseURL: String

        static func load(organisation: Organisation, now: Date, baseURL: String, on database: any Database) async throws -> Shared {
            let units = try await OrgUnit.all(in: organisation.requireID(), on: database)
            return Shared(organisation: organisation, units: units, tree: OrgTree(units.map { (id: $0.id!, parent: $0.parentID) }),
                          history: try await SurveyStore.history(for: organisation, on: database),
                          themes: try await ThemeCatalogue.entries(organisationID: organisation.requireID(), on: database),
                          now: now, baseURL: baseURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")))
        }
    }

    static func load(root: OrgUnit, month: ReportMonth, language: Language, unsubscribeToken: String, shared: Shared,
                     catalogue: Catalogue, on database: any Database) async throws -> MonthlyReport {
        let organisation = shared.organisation
        let zone = organisation.timeZone
        let rootID = try root.requireID()
        let subtree = shared.tree.subtree(of: rootID)
        let byID = Dictionary(uniqueKeysWithValues: shared.units.map { ($0.id!, $0) })
        let latest = SubmissionValidator.latestAnswerDay(now: shared.now, timeZone: zone)

        func summary(_ from: CalendarDay, _ to: CalendarDay, _ grouping: SummaryQuery.Grouping?) async throws -> SummaryReport {
            try await SummaryQuery.run(organisation: organisation, root: root, from: from, to: to, groupBy: grouping,
                                       statementOrder: shared.history.reportStatementOrder, answeredOnly: shared.history.droppedStatements,
                                       units: shared.units, noAnswersAfter: latest, on: database)
        }
        let current = try await summary(month.first, month.last, .unit)
        let previous = try await summary(month.previous.first, month.previous.last, nil)
        let yearAgo = try await summary(month.yearAgo.first, month.yearAgo.last, nil)
        let trendReport = try await summary(month.yearAgo.first, month.last, .month)
        let trendByKey = Dictionary(trendReport.groups.map { ($0.key, $0.figures) }, uniquingKeysWith: { a, _ in a })
        let trend = (0...12).reversed().map { back -> MonthlyReport.TrendPoint in
            let point = month.adding(months: -back)
            let figures = trendByKey[point.description]
            return MonthlyReport.TrendPoint(month: point, nps: figures?.nps, n: figures?.n ?? 0)
        }
        let codes = Dictionary(shared.units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let children = MonthlyReport.ranked(current.groups.map { group in
            MonthlyReport.ChildRow(code: group.key, name: codes[group.key]?.name[language] ?? group.key, nps: group.figures.nps, n: group.figures.n)
        })

        let names = Dictionary(shared.history.versions.flatMap(\.statements).map { ($0.id, $0.text[language]) }, uniquingKeysWith: { a, _ in a })
        let themeNames = Dictionary(shared.themes.map { entry in
            (entry.code, entry.name(in: language) { catalogue.text("theme.\($0)", language) })
        }, uniquingKeysWith: { a, _ in a })
        let themeGroups = try await ThemeQuery.groups(root: rootID, hasChildren: subtree.count > 1, previousFrom: month.previous.first,
                                                      from: month.first, to: month.last, on: database)
        let themeFigures = ThemeFigures(groups: themeGroups, codes: shared.themes.map(\.code), months: ThemeFigures.months(from: month.first, to: month.last))

        // No comment at all when the whole report has too few answers to show.
        let comments = current.whole.n >= organisation.minimumN
            ? try await ReportComments.examples(organisationID: organisation.requireID(), units: subtree, from: month.first, to: month.last,
                                                minimumN: organisation.minimumN, limit: MonthlyReport.commentCount, on: database)
            : []
        let cases = try await CaseStatisticsQuery.figures(units: subtree, organisationID: organisation.requireID(), now: shared.now,
                                                          since: month.first.start(in: zone), until: month.adding(months: 1).first.start(in: zone),
                                                          on: database)

        let period = [("unit", root.code), ("from", month.first.description), ("to", month.last.description)]
        return MonthlyReport(
            language: language, organisation: organisation.name[language], unit: root.name[language], unitCode: root.code, month: month,
            minimumN: organisation.minimumN, current: current.whole, previous: previous.whole, yearAgo: yearAgo.whole,
            statements: MonthlyReport.statements(current: current.whole, previous: previous.whole, yearAgo: yearAgo.whole, names: names),
            trend: trend, children: children,
            themes: MonthlyReport.risen(themeFigures, names: themeNames, minimumN: organisation.minimumN),
            comments: comments.map {
                MonthlyReport.Comment(unit: byID[$0.unitID]?.name[language] ?? "", day: $0.day,
                                      text: StaffForm.unmaskTokens($0.text, catalogue: catalogue, language: language))
            },
            cases: MonthlyReport.cases(cases, minimumN: organisation.minimumN),
            dashboardLink: shared.baseURL + SiteURL.staff(.dashboard).url(language: language, period),
            feedLink: shared.baseURL + SiteURL.staff(.feedback).url(language: language, period),
            accountLink: shared.baseURL + SiteURL.staff(.account).url(language: language),
            unsubscribeLink: shared.baseURL + SiteURL.staff(.reportUnsubscribe(.value(unsubscribeToken))).url(language: language))
    }
}
