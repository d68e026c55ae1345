import Foundation
import KaikuCore
import KaikuStore

/// What the annual customer report shows, as plain values with every label
/// in the report's language. Each row carries this year's figures and the
/// year before, already suppressed by the organisation's minimum n.
struct AnnualReportModel {
    struct Row {
        var key: String
        var label: String
        var current: Figures
        var previous: Figures?
    }

    struct Theme {
        var code: String
        var name: String
        var count: Int
        var previous: Int
        /// Nil below the minimum n, as the dashboard hides it.
        var negativeShare: Int?
        var examples: [Example]
    }

    struct Example {
        var text: String
        var language: Language?
        var day: String
    }

    struct Note {
        var unit: String
        var day: String
        var text: String
    }

    var language: Language
    var organisationName: String
    var unitName: String
    var unitCode: String
    /// The report covers the whole organisation, not one of its units.
    var isOrganisation: Bool
    var year: Int
    var from: CalendarDay
    var to: CalendarDay
    var produced: CalendarDay
    var minimumN: Int
    var survey: (code: String, version: Int)
    var statements: [(id: String, text: String)]
    var whole: Row
    var units: [Row]
    var months: [Row]
    var splits: [(grouping: SummaryQuery.Grouping, rows: [Row])]
    var cases: CaseStatistics
    var previousCases: CaseStatistics
    var themes: [Theme]
    var notes: [Note]

    /// The document's title, also the PDF's.
    func title(_ catalogue: Catalogue) -> String {
        catalogue.text("annual.title", language, ["year": String(year), "unit": unitName])
    }

    init(data: AnnualReportData, organisation: Organisation, unit: OrgUnit, units: [OrgUnit], history: SurveyHistory,
         themeNames: [String: String], today: CalendarDay, language: Language, catalogue: Catalogue) {
        let format = DashboardFormat(language: language)
        self.language = language
        organisationName = organisation.name[language]
        unitName = unit.name[language]
        unitCode = unit.code
        isOrganisation = unit.parentID == nil
        year = data.year
        from = data.from
        to = data.to
        produced = today
        minimumN = organisation.minimumN
        survey = (history.current.code, history.current.version)
        // Statements answered in either year, in the summary API's order, worded as their newest version words them.
        let shown = Set(data.current.whole.statements.map(\.id) + data.previous.whole.statements.map(\.id))
        let texts = Dictionary(history.versions.flatMap { version in version.statements.map { ($0.id, $0.text[language]) } },
                               uniquingKeysWith: { first, _ in first })
        statements = history.reportStatementOrder.filter(shown.contains).map { ($0, texts[$0] ?? $0) }

        whole = Row(key: unit.code, label: unitName, current: data.current.whole, previous: data.previous.whole)
        let byCode = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let previousGroups = Dictionary(data.previous.groups.map { ($0.key, $0.figures) }, uniquingKeysWith: { a, _ in a })
        let locale = Locale(identifier: language.rawValue)
        self.units = data.current.groups.map { group in
            Row(key: group.key, label: byCode[group.key]?.name[language] ?? group.key, current: group.figures, previous: previousGroups[group.key])
        }.sorted { $0.label.compare($1.label, locale: locale) == .orderedAscending }

        let monthFigures = Dictionary(data.months.groups.map { ($0.key, $0.figures) }, uniquingKeysWith: { a, _ in a })
        let empty = Figures(tally: .empty, statementOrder: [], policy: organisation.suppression)
        months = (1...12).map { month in
            let key = String(format: "%04d-%02d", data.year, month)
            return Row(key: key, label: key, current: monthFigures[key] ?? empty, previous: nil)
        }

        splits = data.splits.map { split in
            let before = Dictionary(split.previous.groups.map { ($0.key, $0.figures) }, uniquingKeysWith: { a, _ in a })
            let rows = split.current.groups.map { group in
                Row(key: group.key, label: Self.label(group.key, of: split.grouping, history: history, language: language, catalogue: catalogue),
                    current: group.figures, previous: before[group.key])
            }
            return (split.grouping, rows)
        }
        cases = data.cases
        previousCases = data.previousCases

        let minimum = max(organisation.minimumN, 1)
        themes = data.themes.entries.filter { $0.count > 0 || $0.previous > 0 }
            .sorted { $0.count > $1.count }
            .map { entry in
                Theme(code: entry.code, name: themeNames[entry.code] ?? entry.code, count: entry.count, previous: entry.previous,
                      negativeShare: entry.count >= minimum ? DashboardThemes.percent(entry.negativeOrMixed, of: entry.count) : nil,
                      examples: (data.examples[entry.code] ?? []).map {
                          Example(text: StaffForm.unmaskTokens($0.text, catalogue: catalogue, language: language),
                                  language: Language(rawValue: $0.language), day: format.day($0.day))
                      })
            }
        let unitNames = Dictionary(units.compactMap { unit in unit.id.map { ($0, unit.name[language]) } }, uniquingKeysWith: { a, _ in a })
        notes = data.notes.map { note in
            Note(unit: unitNames[note.unitID] ?? "", day: format.day(CalendarDay(date: note.publishedAt ?? note.createdAt, timeZone: organisation.timeZone)),
                 text: note.text.text(in: language))
        }
    }

    /// Channels and languages by their catalogue names, respondents as the survey asks.
    static func label(_ key: String, of grouping: SummaryQuery.Grouping, history: SurveyHistory, language: Language, catalogue: Catalogue) -> String {
        guard !key.isEmpty else { return catalogue.text("dashboard.group.unknown", language) }
        switch grouping {
        case .channel: return catalogue.text("channel.\(key)", language)
        case .language: return catalogue.text("dashboard.language.\(key)", language)
        default:
            for version in history.versions {
                if let option = version.questions.first(where: { $0.id == grouping.rawValue })?.options?.first(where: { $0.value == key }) {
                    return option.text[language]
                }
            }
            return key
        }
    }

    /// The mean of statement `id` in `figures`, nil when suppressed or not asked.
    static func mean(_ figures: Figures?, _ id: String) -> Double? {
        figures?.statements.first { $0.id == id }?.mean
    }

    /// The change in NPS points from the year before, when both years show one.
    static func change(_ row: Row) -> Int? {
        guard let now = row.current.nps, let before = row.previous?.nps else { return nil }
        return now - before
    }
}
