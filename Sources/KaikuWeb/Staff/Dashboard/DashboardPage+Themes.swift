import Foundation
import KaikuCore

extension DashboardPage {
    // MARK: Themes of the open text

    func themesSection(_ themes: DashboardThemes) -> HTMLNode {
        .section(.ariaLabelledBy("h-themes"), .id("themes")) {
            HTMLNode.h2(.id("h-themes")) { t("dashboard.themes.title") }
            HTMLNode.p(.class("hint")) { t("dashboard.themes.intro", ["min": String(themes.minimumN)]) }
            if themes.rows.isEmpty {
                HTMLNode.p { t("dashboard.themes.none") }
            } else {
                riseText(themes)
                themesTable(themes)
                themesByMonth(themes)
                for row in themes.rows where !row.examples.isEmpty { examples(row) }
            }
        }
    }

    private func riseText(_ themes: DashboardThemes) -> HTMLNode {
        let previous = ["pfrom": format.day(themes.previousFrom), "pto": format.day(themes.previousTo)]
        guard let rise = themes.rise else {
            return .p(.id("themes-rise")) {
                t("dashboard.themes.noRise", previous.merging(["count": String(ThemeFigures.minimumCountForRise),
                                                               "rise": String(ThemeFigures.minimumRise)]) { a, _ in a })
            }
        }
        var arguments = previous.merging(["theme": rise.name, "count": String(rise.count), "previous": String(rise.previous),
                                          "change": String(rise.change)]) { a, _ in a }
        if let percent = rise.percent { arguments["percent"] = format.percent(percent, of: 100) }
        return .p(.id("themes-rise"), .class("notice panel")) {
            t(rise.percent == nil ? "dashboard.themes.riseNew" : "dashboard.themes.rise", arguments)
        }
    }

    private func themesTable(_ themes: DashboardThemes) -> HTMLNode {
        .tableBox(labelledBy: "h-themes") {
            HTMLNode.table(.id("themes-table"), .class("figures-table")) {
                HTMLNode.caption(.class("visually-hidden")) { t("dashboard.themes.title") }
                HTMLNode.thead {
                    HTMLNode.tr {
                        HTMLNode.th(.scope("col")) { t("dashboard.themes.theme") }
                        HTMLNode.th(.scope("col")) { t("dashboard.themes.count") }
                        HTMLNode.th(.scope("col")) { t("dashboard.themes.negative") }
                        HTMLNode.th(.scope("col")) {
                            t("dashboard.themes.previous", ["pfrom": format.day(themes.previousFrom), "pto": format.day(themes.previousTo)])
                        }
                        HTMLNode.th(.scope("col")) { t("dashboard.themes.change") }
                    }
                }
                HTMLNode.tbody {
                    for row in themes.rows {
                        HTMLNode.tr(.data("key", row.code)) {
                            HTMLNode.th(.scope("row")) { HTMLNode.a(.href(row.feed)) { row.name } }
                            HTMLNode.td(.class("num")) { String(row.count) }
                            HTMLNode.td(.class("num")) { figure(row.negativeShare.map { format.percent($0, of: 100) }) }
                            HTMLNode.td(.class("num")) { String(row.previous) }
                            HTMLNode.td(.class("num")) { row.count > row.previous ? "+\(row.count - row.previous)" : String(row.count - row.previous) }
                        }
                    }
                }
            }
        }
    }

    /// Months down, themes across: a year's months stay readable on a phone, where twelve columns would not.
    private func themesByMonth(_ themes: DashboardThemes) -> HTMLNode {
        let shown = themes.rows.filter { $0.count > 0 }
        return .details(.class("chart-table")) {
            HTMLNode.summary(.id("themes-by-month-title")) { t("dashboard.themes.byMonth") }
            HTMLNode.tableBox(labelledBy: "themes-by-month-title") {
                HTMLNode.table(.id("themes-by-month"), .class("figures-table")) {
                    HTMLNode.thead {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("col")) { t("dashboard.periodColumn") }
                            for row in shown { HTMLNode.th(.scope("col")) { row.name } }
                        }
                    }
                    HTMLNode.tbody {
                        for (index, month) in themes.months.enumerated() {
                            HTMLNode.tr {
                                HTMLNode.th(.scope("row")) { month }
                                for row in shown { HTMLNode.td(.class("num")) { String(row.byMonth[safe: index] ?? 0) } }
                            }
                        }
                    }
                }
            }
        }
    }

    private func examples(_ row: DashboardThemes.Row) -> HTMLNode {
        .div(.class("theme-examples"), .data("theme", row.code)) {
            HTMLNode.h3 { t("dashboard.themes.examples", ["theme": row.name]) }
            HTMLNode.ul(.class("plain-list")) {
                for example in row.examples {
                    HTMLNode.li {
                        HTMLNode.blockquote([.class("open-text")] + (example.language.map { [.lang($0.rawValue)] } ?? [])) { example.text }
                        HTMLNode.p(.class("hint")) {
                            example.day
                            if let sentiment = example.sentiment { " · " + t("sentiment.\(sentiment.rawValue)") }
                        }
                    }
                }
            }
            HTMLNode.p { HTMLNode.a(.href(row.feed)) { t("dashboard.themes.feedLink", ["theme": row.name, "n": String(row.count)]) } }
        }
    }
}
