import Foundation
import KaikuCore
import KaikuStore

/// What the dashboard page shows, with every label in the page's language
/// and the child units in the order asked for.
struct DashboardModel {
    struct Row {
        var key: String
        var label: String
        /// The row's own dashboard, for child units.
        var link: String?
        var figures: Figures
    }

    struct Sort: Equatable {
        /// `name`, `n`, `nps` or a statement id.
        var column: String
        var descending: Bool

        init(column: String = "name", descending: Bool = false) {
            self.column = column
            self.descending = descending
        }

        /// The order the address asks for; a column that does not exist sorts by name.
        init(column asked: String?, direction: String?, statements: [String]) {
            let asked = asked ?? "name"
            column = (["name", "n", "nps"] + statements).contains(asked) ? asked : "name"
            descending = direction == "desc"
        }
    }

    var unitCode: String
    var unitName: String
    var period: ReportPeriod
    var today: CalendarDay
    var trendGrouping: SummaryQuery.Grouping
    var minimumN: Int
    var statements: [(id: String, text: String)]
    var whole: Figures
    /// This unit, its parent and the whole organisation, as far as they exist.
    var comparisons: [Row]
    var trend: [Row]
    var children: [Row]
    var sort: Sort
    var breakdowns: [(grouping: SummaryQuery.Grouping, rows: [Row])]
    var cases: CaseStatistics
    /// The paired kiosks of the subtree, for the devices that have not reported in.
    var kiosks: [Kiosk] = []
    /// Organisation-level figures of the organisations that share them; nil unless this organisation shares its own.
    var benchmark: [Row]?
    /// The units the user may choose, parents before children.
    var unitOptions: [UnitOption] = []
    /// The themes of the subtree's open text in the period.
    var themes: DashboardThemes?
    /// Supervisors and administrators write the unit's "what we did" notes; the page links there.
    var notesLink: String?

    struct Kiosk: Equatable {
        var name: String
        var unit: String
        var status: KioskStatus
        var lastSeen: String
    }

    init(data: DashboardData, unit: OrgUnit, scope: StaffScope, survey: SurveyDefinition, period: ReportPeriod, today: CalendarDay,
         trend grouping: SummaryQuery.Grouping, cases: CaseStatistics, minimumN: Int, sort: Sort, language: Language, catalogue: Catalogue) {
        let t = { (key: String) in catalogue.text(key, language) }
        unitCode = unit.code
        unitName = unit.name[language]
        self.period = period
        self.today = today
        trendGrouping = grouping
        self.minimumN = minimumN
        statements = survey.statements.map { ($0.id, $0.text[language]) }
        whole = data.units.whole
        self.cases = cases
        self.sort = sort

        comparisons = [Row(key: unit.code, label: t("dashboard.compare.this"), figures: data.units.whole)]
        if let parent = data.parent, let parentID = unit.parentID, let parentUnit = scope.units[parentID] {
            comparisons.append(Row(key: parentUnit.code, label: catalogue.text("dashboard.compare.parent", language, ["name": parentUnit.name[language]]), figures: parent))
        }
        if let organisation = data.organisation {
            comparisons.append(Row(key: "", label: t("dashboard.compare.organisation"), figures: organisation))
        }

        // Every month or week of the period has a point, answered or not, so that gaps show as gaps.
        let byKey = Dictionary(uniqueKeysWithValues: data.trend.groups.map { ($0.key, $0.figures) })
        let empty = Figures(tally: .empty, statementOrder: survey.statements.map(\.id), policy: SuppressionPolicy(minimumN: minimumN))
        let buckets = PeriodCover.buckets(from: period.from, to: period.to, by: grouping == .week ? .week : .month)
        self.trend = buckets.map { bucket in
            let key = grouping == .week ? TallyQuery.Dimension.weekKey(bucket.key) : TallyQuery.Dimension.monthKey(bucket.key)
            return Row(key: key, label: key, figures: byKey[key] ?? empty)
        }

        children = data.units.groups.compactMap { group in
            guard let child = scope.unit(code: group.key) else { return nil }
            return Row(key: group.key, label: child.name[language], link: DashboardModel.link(unit: group.key, period: period, language: language), figures: group.figures)
        }
        children.sort(by: DashboardModel.order(sort, language: language))

        breakdowns = data.breakdowns.map { split in
            (split.grouping, split.report.groups.map { group in
                Row(key: group.key, label: DashboardModel.label(group.key, of: split.grouping, survey: survey, language: language, catalogue: catalogue),
                    figures: group.figures)
            })
        }
    }

    static func link(unit: String, period: ReportPeriod, language: Language, extra: [(String, String)] = []) -> String {
        var items = [("unit", unit), ("from", period.from.description), ("to", period.to.description)] + extra
        items.append(("lang", language.rawValue))
        return SiteURL.staff(.dashboard).path + "?" + items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    /// A kiosk as the operations section lists it: when it was last heard
    /// of (or paired), as each language writes a time.
    static func kiosk(name: String, unit: String, status: KioskStatus, lastSeen: Date?, zone: TimeZone, language: Language) -> Kiosk {
        let seen = DateFormatter()
        seen.timeZone = zone
        seen.dateFormat = language == .en ? "yyyy-MM-dd HH:mm" : "d.M.yyyy HH:mm"
        return Kiosk(name: name, unit: unit, status: status, lastSeen: lastSeen.map(seen.string(from:)) ?? "–")
    }

    /// The longest period shown by weeks: weekly trends of years would be hundreds of unreadable points.
    static let longestWeeklyTrend = 2 * 366

    /// The trend's grouping: weeks when asked for and the period is short enough, months otherwise.
    static func trend(_ asked: String?, period: ReportPeriod) -> SummaryQuery.Grouping {
        asked == "week" && period.to.dayNumber - period.from.dayNumber <= longestWeeklyTrend ? .week : .month
    }

    /// Suppressed and missing figures always sort last, whichever the direction.
    static func order(_ sort: Sort, language: Language) -> (Row, Row) -> Bool {
        func value(_ row: Row) -> Double? {
            switch sort.column {
            case "name": nil
            case "n": Double(row.figures.n)
            case "nps": row.figures.nps.map(Double.init)
            default: row.figures.statements.first { $0.id == sort.column }?.mean
            }
        }
        let locale = Locale(identifier: language.rawValue)
        return { a, b in
            if sort.column == "name" {
                let result = a.label.compare(b.label, locale: locale)
                return sort.descending ? result == .orderedDescending : result == .orderedAscending
            }
            switch (value(a), value(b)) {
            case let (x?, y?) where x != y: return sort.descending ? x > y : x < y
            case (nil, .some): return false
            case (.some, nil): return true
            default: return a.label.compare(b.label, locale: locale) == .orderedAscending
            }
        }
    }

    /// Channels and languages by their catalogue names, respondents and age groups as the survey asks them.
    static func label(_ key: String, of grouping: SummaryQuery.Grouping, survey: SurveyDefinition, language: Language, catalogue: Catalogue) -> String {
        guard !key.isEmpty else { return catalogue.text("dashboard.group.unknown", language) }
        switch grouping {
        case .channel: return catalogue.text("channel.\(key)", language)
        case .language: return catalogue.text("dashboard.language.\(key)", language)
        case .respondent, .ageGroup:
            let question = survey.questions.first { $0.id == grouping.rawValue }
            return question?.options?.first { $0.value == key }?.text[language] ?? key
        default: return key
        }
    }
}
