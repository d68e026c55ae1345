import FluentKit
import Foundation
import KaikuCore
import KaikuStore
import SQLKit

/// Reads the dashboard's themes: the subtree's open-text answers of the
/// period and of the period before, counted by month, theme set and
/// sentiment, then the newest few comments of each theme that has any.
enum DashboardThemesQuery {
    static func load(organisation: Organisation, unit: OrgUnit, subtree: [UUID], period: ReportPeriod, context: PageContext,
                     on database: any Database) async throws -> DashboardThemes {
        let organisationID = try organisation.requireID()
        let language = context.language
        let t = context.t
        let entries = try await ThemeCatalogue.entries(organisationID: organisationID, on: database)
        let names = Dictionary(entries.map { entry in (entry.code, entry.name(in: language) { t("theme.\($0)") }) }, uniquingKeysWith: { a, _ in a })
        let previous = DashboardThemes.previous(of: period)
        let groups = try await ThemeQuery.groups(root: unit.requireID(), hasChildren: subtree.count > 1, previousFrom: previous.from,
                                                 from: period.from, to: period.to, on: database)
        let figures = ThemeFigures(groups: groups, codes: entries.map(\.code), months: ThemeFigures.months(from: period.from, to: period.to))
        let feedQuery = [("unit", unit.code), ("from", period.from.description), ("to", period.to.description)]
        var themes = DashboardThemes(figures: figures, names: names, previous: previous, minimumN: organisation.minimumN) { code in
            SiteURL.staff(.feedback).url(feedQuery + [("theme", code), ("lang", language.rawValue)])
        }
        let format = DashboardFormat(language: language)
        let examples = try await ThemeQuery.examples(
            organisationID: organisationID, root: unit.requireID(), units: subtree, from: period.from, to: period.to,
            themes: themes.rows.filter { $0.count > 0 }.map(\.code), limit: DashboardThemes.examplesPerTheme, on: database)
        for index in themes.rows.indices {
            guard let found = examples[themes.rows[index].code] else { continue }
            themes.rows[index].examples = found.map {
                .init(text: StaffForm.unmaskTokens($0.text, catalogue: context.catalogue, language: language), language: Language(rawValue: $0.language), day: format.day($0.day), sentiment: $0.sentiment)
            }
        }
        return themes
    }
}
