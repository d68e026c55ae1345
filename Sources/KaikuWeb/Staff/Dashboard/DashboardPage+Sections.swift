import Foundation
import KaikuCore
import KaikuStore

extension DashboardPage {
    // MARK: Statements

    func statementsSection() -> HTMLNode {
        .section(.ariaLabelledBy("h-statements")) {
            HTMLNode.h2(.id("h-statements")) { t("dashboard.statements") }
            HTMLNode.scrollBox(labelledBy: "h-statements") {
                HTMLNode.table(.id("statements")) {
                    HTMLNode.thead {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("col")) { t("dashboard.statement") }
                            HTMLNode.th(.scope("col")) { t("dashboard.mean") }
                            HTMLNode.th(.scope("col")) { t("dashboard.n") }
                            HTMLNode.th(.scope("col")) { t("dashboard.distribution") }
                            HTMLNode.th(.scope("col")) { t("dashboard.cannotSay") }
                        }
                    }
                    HTMLNode.tbody {
                        for (index, statement) in model.statements.enumerated() {
                            let figures = model.whole.statements[safe: index]
                            HTMLNode.tr {
                                HTMLNode.th(.scope("row")) { "\(t("dashboard.statementShort", ["number": String(index + 1)])) \(statement.text)" }
                                HTMLNode.td(.class("num")) { figure(format.mean(figures?.mean)) }
                                HTMLNode.td(.class("num")) { String(figures?.n ?? 0) }
                                HTMLNode.td { distribution(figures?.distribution) }
                                HTMLNode.td(.class("num")) { figure(figures?.cannotSay.map(String.init)) }
                            }
                        }
                    }
                }
            }
        }
    }

    private func distribution(_ counts: [Int]?) -> HTMLNode {
        guard let counts else { return figure(nil) }
        let total = counts.reduce(0, +)
        return .group([
            DashboardCharts.stackedBar(counts.enumerated().map { .init(label: String($0.offset + 1), count: $0.element, cssClass: "s-scale\($0.offset + 1)") }),
            .span(.class("distribution-text")) {
                counts.enumerated().map { "\($0.offset + 1): \(format.percent($0.element, of: total))" }.joined(separator: ", ")
            },
        ])
    }

    // MARK: Trend

    func trendSection() -> HTMLNode {
        let points = model.trend.map { DashboardCharts.Point(label: $0.label, value: $0.figures.nps, n: $0.figures.n) }
        let granularity = t(model.trendGrouping == .week ? "dashboard.trend.week" : "dashboard.trend.month")
        return .section(.ariaLabelledBy("h-trend")) {
            HTMLNode.h2(.id("h-trend")) { t("dashboard.trendTitle", ["granularity": granularity]) }
            DashboardCharts.trend(points, id: "trend-chart", title: t("dashboard.trendTitle", ["granularity": granularity]), description: t("dashboard.chartDescription"))
            HTMLNode.details(.class("chart-table")) {
                HTMLNode.summary { t("dashboard.asTable") }
                figuresTable(model.trend, id: "trend", firstColumn: t("dashboard.periodColumn"))
            }
        }
    }

    // MARK: Child units, sortable by any column

    func childrenSection() -> HTMLNode {
        .section(.ariaLabelledBy("h-children")) {
            HTMLNode.h2(.id("h-children")) { t("dashboard.children") }
            HTMLNode.p(.class("hint no-print")) { t("dashboard.sortHint") }
            figuresTable(model.children, id: "children", firstColumn: t("dashboard.unit"), sortable: true)
        }
    }

    func breakdownSection(_ grouping: SummaryQuery.Grouping, _ rows: [DashboardModel.Row]) -> HTMLNode {
        .section(.ariaLabelledBy("h-by-\(grouping.rawValue)")) {
            HTMLNode.h2(.id("h-by-\(grouping.rawValue)")) { t("dashboard.by.\(grouping.rawValue)") }
            if rows.isEmpty {
                HTMLNode.p { t("dashboard.noAnswers") }
            } else {
                figuresTable(rows, id: "by-\(grouping.rawValue)", firstColumn: t("dashboard.group"))
            }
        }
    }

    func benchmarkSection(_ rows: [DashboardModel.Row]) -> HTMLNode {
        .section(.ariaLabelledBy("h-benchmark")) {
            HTMLNode.h2(.id("h-benchmark")) { t("dashboard.benchmark") }
            HTMLNode.p(.class("hint")) { t("dashboard.benchmarkHint") }
            figuresTable(rows, id: "benchmark", firstColumn: t("dashboard.organisation"))
        }
    }

    /// Rows of n, NPS and statement means. Statements are headed by their
    /// number; the statements table above gives their wording.
    private func figuresTable(_ rows: [DashboardModel.Row], id: String, firstColumn: String, sortable: Bool = false) -> HTMLNode {
        let columns: [(key: String, heading: HTMLNode)] = [("name", .text(firstColumn)), ("n", .text(t("dashboard.n"))), ("nps", .text("NPS"))]
            + model.statements.enumerated().map { index, statement in
                (statement.id, .group([
                    .span(.ariaHidden("true")) { t("dashboard.statementShort", ["number": String(index + 1)]) },
                    .span(.class("visually-hidden")) { statement.text },
                ]))
            }
        // Each of these tables is the only one in a section headed h-<id>.
        return .scrollBox(labelledBy: "h-\(id)") {
            HTMLNode.table(.id(id), .class("figures-table")) {
                HTMLNode.thead {
                    HTMLNode.tr {
                        for column in columns {
                            header(column.key, column.heading, sortable: sortable)
                        }
                    }
                }
                HTMLNode.tbody {
                    for row in rows {
                        HTMLNode.tr(.data("key", row.key)) {
                            HTMLNode.th(.scope("row")) {
                                if let link = row.link { HTMLNode.a(.href(link)) { row.label } } else { row.label }
                            }
                            HTMLNode.td(.class("num")) { String(row.figures.n) }
                            HTMLNode.td(.class("num")) { figure(row.figures.nps.map(String.init)) }
                            for statement in row.figures.statements {
                                HTMLNode.td(.class("num")) { figure(format.mean(statement.mean)) }
                            }
                        }
                    }
                }
            }
        }
    }

    private func header(_ key: String, _ heading: HTMLNode, sortable: Bool) -> HTMLNode {
        guard sortable else { return .th(.scope("col")) { heading } }
        let current = model.sort.column == key
        // Numbers are most useful best first; names alphabetically.
        let nextDescending = current ? !model.sort.descending : key != "name"
        var attributes: [HTMLAttribute] = [.scope("col")]
        if current { attributes.append(.ariaSort(model.sort.descending ? "descending" : "ascending")) }
        let link = DashboardModel.link(unit: model.unitCode, period: model.period, language: language,
                                       extra: [("trend", model.trendGrouping == .week ? "week" : "month"), ("sort", key), ("dir", nextDescending ? "desc" : "asc")]) + "#h-children"
        return .th(attributes) {
            HTMLNode.a(.href(link)) {
                heading
                HTMLNode.span(.class("visually-hidden")) { t(nextDescending ? "dashboard.sortDescending" : "dashboard.sortAscending") }
                if current { HTMLNode.span(.ariaHidden("true")) { model.sort.descending ? " ▼" : " ▲" } }
            }
        }
    }

    // MARK: Operations

    func operationsSection() -> HTMLNode {
        let cases = model.cases
        let volume = model.breakdowns.first { $0.grouping == .channel }?.rows ?? []
        return .section(.ariaLabelledBy("h-operations")) {
            HTMLNode.h2(.id("h-operations")) { t("dashboard.operations") }
            HTMLNode.h3 { t("dashboard.volume") }
            HTMLNode.ul(.id("volume")) {
                for row in volume.sorted(by: { $0.figures.n > $1.figures.n }) {
                    HTMLNode.li { "\(row.label): \(row.figures.n)" }
                }
            }
            HTMLNode.h3 { t("dashboard.cases") }
            HTMLNode.dl(.class("figures"), .id("operations")) {
                for (key, value) in [("received", String(cases.finished + cases.pending)), ("finished", String(cases.finished)),
                                     ("pending", String(cases.pending)), ("late", String(cases.late)),
                                     ("reactionMedian", format.hours(cases.medianReactionHours) ?? "–"),
                                     ("reactionKept", cases.reactionKeptPercent.map { format.percent($0, of: 100) } ?? "–"),
                                     ("median", format.hours(cases.medianHandlingHours) ?? "–"),
                                     ("kept", cases.promiseKeptPercent.map { format.percent($0, of: 100) } ?? "–")] {
                    HTMLNode.div {
                        HTMLNode.dt { t("dashboard.cases.\(key)") }
                        HTMLNode.dd { value }
                    }
                }
            }
            if !model.kiosks.isEmpty { kiosksPart() }
        }
    }

    private func kiosksPart() -> HTMLNode {
        let silent = model.kiosks.filter { $0.status == .offline }
        return .div(.id("kiosks")) {
            HTMLNode.h3 { t("dashboard.kiosks") }
            HTMLNode.p { t("dashboard.kiosks.summary", ["silent": String(silent.count), "all": String(model.kiosks.count)]) }
            if !silent.isEmpty {
                HTMLNode.ul {
                    for kiosk in silent {
                        HTMLNode.li {
                            t("dashboard.kiosks.silent", ["kiosk": kiosk.name, "unit": kiosk.unit,
                                                          "seen": kiosk.lastSeen])
                        }
                    }
                }
            }
        }
    }
}
