import Foundation
import KaikuCore
import KaikuStore

extension AnnualReportDocument {
    // MARK: Service areas

    func unitsSection() -> HTMLNode {
        let rows = [model.whole] + model.units
        let previousYear = String(model.year - 1)
        return .section(.class("page"), .ariaLabelledBy("h-units"), .id("units")) {
            HTMLNode.h2(.id("h-units")) { t(model.units.isEmpty ? "annual.unitsNone" : "annual.units") }
            HTMLNode.p(.class("hint")) { t("annual.unitsIntro", ["min": String(model.minimumN)]) }
            AnnualReportCharts.npsBars(rows.map { .init(label: $0.label, current: $0.current.nps, previous: $0.previous?.nps) },
                                       id: "units-chart", title: t("annual.unitsChart", ["year": String(model.year), "previous": previousYear]),
                                       description: t("annual.chartDescription"), currentLabel: String(model.year), previousLabel: previousYear,
                                       suppressed: "–")
            npsTable(rows, id: "units-nps", caption: t("annual.unitsTable"), firstColumn: t("dashboard.unit"))
            HTMLNode.h3 { t("annual.statements") }
            statementsTable()
            if !model.units.isEmpty && !model.statements.isEmpty { statementsByUnit(rows) }
        }
    }

    /// n and NPS this year and the year before, with the change.
    func npsTable(_ rows: [AnnualReportModel.Row], id: String, caption: String, firstColumn: String, captionShown: Bool = true) -> HTMLNode {
        // A non-breaking space keeps "NPS 2026" on one line in a narrow column.
        let year = "\u{00A0}\(model.year)", previous = "\u{00A0}\(model.year - 1)"
        return .div(scrollBox(caption)) {
            HTMLNode.table(.id(id), .class("figures")) {
                HTMLNode.caption(captionShown ? [] : [.class("visually-hidden")]) { caption }
                HTMLNode.thead {
                    HTMLNode.tr {
                        HTMLNode.th(.scope("col")) { firstColumn }
                        HTMLNode.th(.scope("col")) { "n\(year)" }
                        HTMLNode.th(.scope("col")) { "NPS\(year)" }
                        HTMLNode.th(.scope("col")) { "n\(previous)" }
                        HTMLNode.th(.scope("col")) { "NPS\(previous)" }
                        HTMLNode.th(.scope("col")) { t("annual.change") }
                    }
                }
                HTMLNode.tbody {
                    for (index, row) in rows.enumerated() {
                        HTMLNode.tr(.data("key", row.key), .class(index == 0 && id == "units-nps" ? "whole" : "row")) {
                            HTMLNode.th(.scope("row")) { row.label }
                            HTMLNode.td(.class("num")) { String(row.current.n) }
                            HTMLNode.td(.class("num")) { figure(row.current.nps.map(String.init)) }
                            HTMLNode.td(.class("num")) { String(row.previous?.n ?? 0) }
                            HTMLNode.td(.class("num")) { figure(row.previous?.nps.map(String.init)) }
                            HTMLNode.td(.class("num")) { figure(AnnualReportModel.change(row).map { $0 > 0 ? "+\($0)" : String($0) }) }
                        }
                    }
                }
            }
        }
    }

    /// Each statement's mean this year and the year before, for the whole report unit.
    private func statementsTable() -> HTMLNode {
        .div(scrollBox(t("annual.statements"))) {
            HTMLNode.table(.id("statements")) {
                HTMLNode.caption(.class("visually-hidden")) { t("annual.statements") }
                HTMLNode.thead {
                    HTMLNode.tr {
                        HTMLNode.th(.scope("col")) { t("dashboard.statement") }
                        HTMLNode.th(.scope("col")) { "\(t("dashboard.mean"))\u{00A0}\(model.year)" }
                        HTMLNode.th(.scope("col")) { "n\u{00A0}\(model.year)" }
                        HTMLNode.th(.scope("col")) { "\(t("dashboard.mean"))\u{00A0}\(model.year - 1)" }
                    }
                }
                HTMLNode.tbody {
                    for (index, statement) in model.statements.enumerated() {
                        HTMLNode.tr(.data("key", statement.id)) {
                            HTMLNode.th(.scope("row")) { "\(t("dashboard.statementShort", ["number": String(index + 1)])) \(statement.text)" }
                            HTMLNode.td(.class("num")) { figure(format.mean(AnnualReportModel.mean(model.whole.current, statement.id))) }
                            HTMLNode.td(.class("num")) { String(model.whole.current.statements.first { $0.id == statement.id }?.n ?? 0) }
                            HTMLNode.td(.class("num")) { figure(format.mean(AnnualReportModel.mean(model.whole.previous, statement.id))) }
                        }
                    }
                }
            }
        }
    }

    /// Statement means by service area this year; statements headed by their number, worded in the table above.
    private func statementsByUnit(_ rows: [AnnualReportModel.Row]) -> HTMLNode {
        .div(scrollBox(t("annual.statementsByUnit", ["year": String(model.year)]))) {
            HTMLNode.table(.id("statements-by-unit"), .class("wide")) {
                HTMLNode.caption { t("annual.statementsByUnit", ["year": String(model.year)]) }
                HTMLNode.thead {
                    HTMLNode.tr {
                        HTMLNode.th(.scope("col")) { t("dashboard.unit") }
                        for (index, statement) in model.statements.enumerated() {
                            HTMLNode.th(.scope("col")) {
                                HTMLNode.span(.ariaHidden("true")) { t("dashboard.statementShort", ["number": String(index + 1)]) }
                                HTMLNode.span(.class("visually-hidden")) { statement.text }
                            }
                        }
                    }
                }
                HTMLNode.tbody {
                    for row in rows {
                        HTMLNode.tr(.data("key", row.key)) {
                            HTMLNode.th(.scope("row")) { row.label }
                            for statement in model.statements {
                                HTMLNode.td(.class("num")) { figure(format.mean(AnnualReportModel.mean(row.current, statement.id))) }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: The year month by month

    func trendSection() -> HTMLNode {
        let points = model.months.map { DashboardCharts.Point(label: String($0.key.suffix(2)), value: $0.current.nps, n: $0.current.n) }
        return .section(.ariaLabelledBy("h-trend"), .id("trend")) {
            HTMLNode.h2(.id("h-trend")) { t("annual.trend", ["year": String(model.year)]) }
            DashboardCharts.trend(points, id: "trend-chart", title: t("annual.trend", ["year": String(model.year)]), description: t("annual.chartDescription"))
            HTMLNode.div(scrollBox(t("annual.trend", ["year": String(model.year)]))) {
                HTMLNode.table(.id("months")) {
                    HTMLNode.caption(.class("visually-hidden")) { t("annual.trend", ["year": String(model.year)]) }
                    HTMLNode.thead {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("col")) { t("dashboard.periodColumn") }
                            HTMLNode.th(.scope("col")) { t("dashboard.n") }
                            HTMLNode.th(.scope("col")) { "NPS" }
                        }
                    }
                    HTMLNode.tbody {
                        for row in model.months {
                            HTMLNode.tr {
                                HTMLNode.th(.scope("row")) { row.label }
                                HTMLNode.td(.class("num")) { String(row.current.n) }
                                HTMLNode.td(.class("num")) { figure(row.current.nps.map(String.init)) }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: Language, channel and respondent

    func comparisonsSection() -> HTMLNode {
        .section(.class("page"), .ariaLabelledBy("h-comparisons"), .id("comparisons")) {
            HTMLNode.h2(.id("h-comparisons")) { t("annual.comparisons") }
            HTMLNode.p(.class("hint")) { t("annual.comparisonsIntro") }
            for split in model.splits {
                HTMLNode.h3(.id("h-by-\(split.grouping.rawValue)")) { t("dashboard.by.\(split.grouping.rawValue)") }
                if split.rows.isEmpty {
                    HTMLNode.p { t("dashboard.noAnswers") }
                } else {
                    npsTable(split.rows, id: "by-\(split.grouping.rawValue)", caption: t("dashboard.by.\(split.grouping.rawValue)"),
                             firstColumn: t("dashboard.group"), captionShown: false)
                }
            }
        }
    }
}
