import Foundation
import KaikuCore
import KaikuStore

extension DashboardPage {
    // MARK: Statements

    func statementsSection() -> HTMLNode {
        .el("section", .attr("aria-labelledby", "h-statements")) {
            HTMLNode.el("h2", .id("h-statements")) { t("dashboard.statements") }
            HTMLNode.el("div", .class("table-wrap")) {
                HTMLNode.el("table", .id("statements")) {
                    HTMLNode.el("thead") {
                        HTMLNode.el("tr") {
                            HTMLNode.el("th", .attr("scope", "col")) { t("dashboard.statement") }
                            HTMLNode.el("th", .attr("scope", "col")) { t("dashboard.mean") }
                            HTMLNode.el("th", .attr("scope", "col")) { t("dashboard.n") }
                            HTMLNode.el("th", .attr("scope", "col")) { t("dashboard.distribution") }
                            HTMLNode.el("th", .attr("scope", "col")) { t("dashboard.cannotSay") }
                        }
                    }
                    HTMLNode.el("tbody") {
                        for (index, statement) in model.statements.enumerated() {
                            let figures = model.whole.statements[safe: index]
                            HTMLNode.el("tr") {
                                HTMLNode.el("th", .attr("scope", "row")) { "\(t("dashboard.statementShort", ["number": String(index + 1)])) \(statement.text)" }
                                HTMLNode.el("td", .class("num")) { figure(format.mean(figures?.mean)) }
                                HTMLNode.el("td", .class("num")) { String(figures?.n ?? 0) }
                                HTMLNode.el("td") { distribution(figures?.distribution) }
                                HTMLNode.el("td", .class("num")) { figure(figures?.cannotSay.map(String.init)) }
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
            .el("span", .class("distribution-text")) {
                counts.enumerated().map { "\($0.offset + 1): \(format.percent($0.element, of: total))" }.joined(separator: ", ")
            },
        ])
    }

    // MARK: Trend

    func trendSection() -> HTMLNode {
        let points = model.trend.map { DashboardCharts.Point(label: $0.label, value: $0.figures.nps, n: $0.figures.n) }
        let granularity = t(model.trendGrouping == .week ? "dashboard.trend.week" : "dashboard.trend.month")
        return .el("section", .attr("aria-labelledby", "h-trend")) {
            HTMLNode.el("h2", .id("h-trend")) { t("dashboard.trendTitle", ["granularity": granularity]) }
            DashboardCharts.trend(points, id: "trend-chart", title: t("dashboard.trendTitle", ["granularity": granularity]), description: t("dashboard.chartDescription"))
            HTMLNode.el("details", .class("chart-table")) {
                HTMLNode.el("summary") { t("dashboard.asTable") }
                figuresTable(model.trend, id: "trend", firstColumn: t("dashboard.periodColumn"))
            }
        }
    }

    // MARK: Child units, sortable by any column

    func childrenSection() -> HTMLNode {
        .el("section", .attr("aria-labelledby", "h-children")) {
            HTMLNode.el("h2", .id("h-children")) { t("dashboard.children") }
            HTMLNode.el("p", .class("hint no-print")) { t("dashboard.sortHint") }
            figuresTable(model.children, id: "children", firstColumn: t("dashboard.unit"), sortable: true)
        }
    }

    func breakdownSection(_ grouping: SummaryQuery.Grouping, _ rows: [DashboardModel.Row]) -> HTMLNode {
        .el("section", .attr("aria-labelledby", "h-by-\(grouping.rawValue)")) {
            HTMLNode.el("h2", .id("h-by-\(grouping.rawValue)")) { t("dashboard.by.\(grouping.rawValue)") }
            if rows.isEmpty {
                HTMLNode.el("p") { t("dashboard.noAnswers") }
            } else {
                figuresTable(rows, id: "by-\(grouping.rawValue)", firstColumn: t("dashboard.group"))
            }
        }
    }

    func benchmarkSection(_ rows: [DashboardModel.Row]) -> HTMLNode {
        .el("section", .attr("aria-labelledby", "h-benchmark")) {
            HTMLNode.el("h2", .id("h-benchmark")) { t("dashboard.benchmark") }
            HTMLNode.el("p", .class("hint")) { t("dashboard.benchmarkHint") }
            figuresTable(rows, id: "benchmark", firstColumn: t("dashboard.organisation"))
        }
    }

    /// Rows of n, NPS and statement means. Statements are headed by their
    /// number; the statements table above gives their wording.
    private func figuresTable(_ rows: [DashboardModel.Row], id: String, firstColumn: String, sortable: Bool = false) -> HTMLNode {
        let columns: [(key: String, heading: HTMLNode)] = [("name", .text(firstColumn)), ("n", .text(t("dashboard.n"))), ("nps", .text("NPS"))]
            + model.statements.enumerated().map { index, statement in
                (statement.id, .group([
                    .el("span", .attr("aria-hidden", "true")) { t("dashboard.statementShort", ["number": String(index + 1)]) },
                    .el("span", .class("visually-hidden")) { statement.text },
                ]))
            }
        return .el("div", .class("table-wrap")) {
            HTMLNode.el("table", .id(id), .class("figures-table")) {
                HTMLNode.el("thead") {
                    HTMLNode.el("tr") {
                        for column in columns {
                            header(column.key, column.heading, sortable: sortable)
                        }
                    }
                }
                HTMLNode.el("tbody") {
                    for row in rows {
                        HTMLNode.el("tr", .attr("data-key", row.key)) {
                            HTMLNode.el("th", .attr("scope", "row")) {
                                if let link = row.link { HTMLNode.el("a", .href(link)) { row.label } } else { row.label }
                            }
                            HTMLNode.el("td", .class("num")) { String(row.figures.n) }
                            HTMLNode.el("td", .class("num")) { figure(row.figures.nps.map(String.init)) }
                            for statement in row.figures.statements {
                                HTMLNode.el("td", .class("num")) { figure(format.mean(statement.mean)) }
                            }
                        }
                    }
                }
            }
        }
    }

    private func header(_ key: String, _ heading: HTMLNode, sortable: Bool) -> HTMLNode {
        guard sortable else { return .el("th", .attr("scope", "col")) { heading } }
        let current = model.sort.column == key
        // Numbers are most useful best first; names alphabetically.
        let nextDescending = current ? !model.sort.descending : key != "name"
        var attributes: [HTMLAttribute] = [.attr("scope", "col")]
        if current { attributes.append(.attr("aria-sort", model.sort.descending ? "descending" : "ascending")) }
        let link = DashboardModel.link(unit: model.unitCode, period: model.period, language: language,
                                       extra: [("trend", model.trendGrouping == .week ? "week" : "month"), ("sort", key), ("dir", nextDescending ? "desc" : "asc")]) + "#h-children"
        return .el("th", attributes) {
            HTMLNode.el("a", .href(link)) {
                heading
                HTMLNode.el("span", .class("visually-hidden")) { t(nextDescending ? "dashboard.sortDescending" : "dashboard.sortAscending") }
                if current { HTMLNode.el("span", .attr("aria-hidden", "true")) { model.sort.descending ? " ▼" : " ▲" } }
            }
        }
    }

    // MARK: Operations

    func operationsSection() -> HTMLNode {
        let cases = model.cases
        let volume = model.breakdowns.first { $0.grouping == .channel }?.rows ?? []
        return .el("section", .attr("aria-labelledby", "h-operations")) {
            HTMLNode.el("h2", .id("h-operations")) { t("dashboard.operations") }
            HTMLNode.el("h3") { t("dashboard.volume") }
            HTMLNode.el("ul", .id("volume")) {
                for row in volume.sorted(by: { $0.figures.n > $1.figures.n }) {
                    HTMLNode.el("li") { "\(row.label): \(row.figures.n)" }
                }
            }
            HTMLNode.el("h3") { t("dashboard.cases") }
            HTMLNode.el("dl", .class("figures"), .id("operations")) {
                for (key, value) in [("received", String(cases.finished + cases.pending)), ("finished", String(cases.finished)),
                                     ("pending", String(cases.pending)), ("late", String(cases.late)),
                                     ("median", format.hours(cases.medianHandlingHours) ?? "–"),
                                     ("kept", cases.promiseKeptPercent.map { format.percent($0, of: 100) } ?? "–")] {
                    HTMLNode.el("div") {
                        HTMLNode.el("dt") { t("dashboard.cases.\(key)") }
                        HTMLNode.el("dd") { value }
                    }
                }
            }
            if !model.kiosks.isEmpty { kiosksPart() }
        }
    }

    private func kiosksPart() -> HTMLNode {
        let silent = model.kiosks.filter { $0.status == .offline }
        return .el("div", .id("kiosks")) {
            HTMLNode.el("h3") { t("dashboard.kiosks") }
            HTMLNode.el("p") { t("dashboard.kiosks.summary", ["silent": String(silent.count), "all": String(model.kiosks.count)]) }
            if !silent.isEmpty {
                HTMLNode.el("ul") {
                    for kiosk in silent {
                        HTMLNode.el("li") {
                            t("dashboard.kiosks.silent", ["kiosk": kiosk.name, "unit": kiosk.unit,
                                                          "seen": kiosk.lastSeen])
                        }
                    }
                }
            }
        }
    }
}
