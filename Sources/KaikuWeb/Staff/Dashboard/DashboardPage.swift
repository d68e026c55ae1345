import Foundation
import KaikuCore
import KaikuStore

/// The dashboard of one unit: headline figures with their comparisons, the
/// national statements, the trend, child units, splits and operations.
/// Each chart has the same figures in a table beside it.
struct DashboardPage {
    var context: PageContext
    var model: DashboardModel

    var language: Language { context.language }
    var format: DashboardFormat { DashboardFormat(language: language) }
    func t(_ key: String, _ arguments: [String: String] = [:]) -> String { context.t(key, arguments) }

    func render() -> String {
        let query = [("unit", model.unitCode), ("from", model.period.from.description), ("to", model.period.to.description)]
        let layout = StaffLayout(context.at(.staff(.dashboard), query), title: t("dashboard.title", ["unit": model.unitName]))
        return layout.render {
            HTMLNode.p(.class("print-only"), .id("print-header")) {
                t("dashboard.printed", ["unit": model.unitName, "from": format.day(model.period.from), "to": format.day(model.period.to),
                                        "date": format.day(model.today)])
            }
            HTMLNode.h1 { t("dashboard.title", ["unit": model.unitName]) }
            HTMLNode.p(.class("period")) {
                t("dashboard.period.shown", ["from": format.day(model.period.from), "to": format.day(model.period.to), "min": String(model.minimumN)])
            }
            periodForm()
            HTMLNode.p(.class("no-print")) {
                HTMLNode.a(.href(SiteURL.staff(.annualReport).url(language: context.language, [("unit", model.unitCode)])), .id("annual-report-link")) {
                    t("dashboard.annualReportLink", ["unit": model.unitName])
                }
            }
            if let notesLink = model.notesLink {
                HTMLNode.p(.class("no-print")) { HTMLNode.a(.href(notesLink), .id("notes-link")) { t("dashboard.notesLink", ["unit": model.unitName]) } }
            }
            summary()
            comparisons()
            statementsSection()
            trendSection()
            if let themes = model.themes { themesSection(themes) }
            if !model.children.isEmpty { childrenSection() }
            for split in model.breakdowns { breakdownSection(split.grouping, split.rows) }
            if let benchmark = model.benchmark { benchmarkSection(benchmark) }
            operationsSection()
        }
    }

    // MARK: Choosing what to see

    private func periodForm() -> HTMLNode {
        let units = model.unitOptions.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }
        return .section(.class("dashboard-controls no-print"), .ariaLabelledBy("h-controls")) {
            HTMLNode.h2(.id("h-controls"), .class("visually-hidden")) { t("dashboard.controls") }
            HTMLNode.form(.method(.get), .action(.staff(.dashboard)), .class("filters")) {
                HTMLNode.input(.type("hidden"), .name("lang"), .value(language.rawValue))
                StaffForm.select("unit", label: t("dashboard.unit"), options: units, selected: model.unitCode)
                dateField("from", label: t("dashboard.from"), value: model.period.from)
                dateField("to", label: t("dashboard.to"), value: model.period.to)
                StaffForm.select("trend", label: t("dashboard.trend"), options: [("month", t("dashboard.trend.month")), ("week", t("dashboard.trend.week"))],
                                 selected: model.trendGrouping == .week ? "week" : "month")
                HTMLNode.button(.type("submit"), .class("button")) { t("dashboard.show") }
            }
            HTMLNode.nav(.ariaLabel(t("dashboard.presets"))) {
                HTMLNode.ul(.class("presets")) {
                    for preset in ReportPeriod.presets(today: model.today) {
                        HTMLNode.li {
                            if preset.period == model.period {
                                HTMLNode.span(.ariaCurrent("true")) { t("dashboard.preset.\(preset.key)") }
                            } else {
                                HTMLNode.a(.href(DashboardModel.link(unit: model.unitCode, period: preset.period, language: language))) { t("dashboard.preset.\(preset.key)") }
                            }
                        }
                    }
                }
            }
        }
    }

    private func dateField(_ name: String, label: String, value: CalendarDay) -> HTMLNode {
        .div(.class("field")) {
            HTMLNode.label(.for("f-\(name)")) { label }
            HTMLNode.input(.type("date"), .id("f-\(name)"), .name(name), .value(value.description), .required)
        }
    }

    // MARK: Headline figures

    private func summary() -> HTMLNode {
        let whole = model.whole
        return .section(.class("dashboard-summary"), .ariaLabelledBy("h-summary")) {
            HTMLNode.h2(.id("h-summary")) { t("dashboard.summary") }
            HTMLNode.dl(.class("figures headline"), .id("headline")) {
                HTMLNode.div {
                    HTMLNode.dt { t("dashboard.nps") }
                    HTMLNode.dd(.class("big")) { figure(whole.nps.map(String.init)) }
                }
                HTMLNode.div {
                    HTMLNode.dt { t("dashboard.n") }
                    HTMLNode.dd(.class("big")) { String(whole.n) }
                }
            }
            if let promoters = whole.promoters, let passives = whole.passives, let detractors = whole.detractors {
                let answers = promoters + passives + detractors
                DashboardCharts.stackedBar([
                    .init(label: t("dashboard.detractors"), count: detractors, cssClass: "s-detractor"),
                    .init(label: t("dashboard.passives"), count: passives, cssClass: "s-passive"),
                    .init(label: t("dashboard.promoters"), count: promoters, cssClass: "s-promoter"),
                ], width: 320, height: 20)
                HTMLNode.ul(.class("legend")) {
                    for (key, count, css) in [("detractors", detractors, "s-detractor"), ("passives", passives, "s-passive"), ("promoters", promoters, "s-promoter")] {
                        HTMLNode.li {
                            HTMLNode.span(.class("swatch \(css)"), .ariaHidden("true"))
                            "\(t("dashboard.\(key)")): \(count) (\(format.percent(count, of: answers)))"
                        }
                    }
                }
            }
        }
    }

    private func comparisons() -> HTMLNode {
        .section(.ariaLabelledBy("h-compare")) {
            HTMLNode.h2(.id("h-compare")) { t("dashboard.compare") }
            HTMLNode.scrollBox(labelledBy: "h-compare") {
                HTMLNode.table(.id("comparison")) {
                    HTMLNode.thead {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("col")) { t("dashboard.figure") }
                            for row in model.comparisons { HTMLNode.th(.scope("col")) { row.label } }
                        }
                    }
                    HTMLNode.tbody {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("row")) { t("dashboard.n") }
                            for row in model.comparisons { HTMLNode.td(.class("num")) { String(row.figures.n) } }
                        }
                        HTMLNode.tr {
                            HTMLNode.th(.scope("row")) { t("dashboard.nps") }
                            for row in model.comparisons { HTMLNode.td(.class("num")) { figure(row.figures.nps.map(String.init)) } }
                        }
                        for (index, statement) in model.statements.enumerated() {
                            HTMLNode.tr {
                                HTMLNode.th(.scope("row")) { statement.text }
                                for row in model.comparisons {
                                    HTMLNode.td(.class("num")) { figure(format.mean(row.figures.statements[safe: index]?.mean)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A figure, or a dash that says in words why it is not shown.
    func figure(_ text: String?) -> HTMLNode {
        guard let text else {
            return .span(.class("suppressed")) {
                HTMLNode.span(.ariaHidden("true")) { "–" }
                HTMLNode.span(.class("visually-hidden")) { t("dashboard.suppressed") }
            }
        }
        return .text(text)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
