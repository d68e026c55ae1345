import Foundation
import KaikuCore

extension MonthlyReport {
    /// The HTML part: tables only (bars are coloured cells), inline styles,
    /// no images, SVG or scripts, so that Outlook's Word engine, Gmail and
    /// phone mail apps show the same thing. One column, at most 640 px wide.
    func html(catalogue: Catalogue) -> String {
        let f = MonthlyReportFormat(report: self, catalogue: catalogue)
        func t(_ key: String, _ arguments: [String: String] = [:]) -> String { f.t(key, arguments) }
        let content: HTMLNode = .group([
            .h1(.attr("style", "margin:0 0 8px 0;font-size:22px;line-height:28px;color:#14212b;")) { HTMLNode.text(f.subject) },
            .p(.attr("style", MailStyle.small)) { HTMLNode.text(f.intro) },
            figuresSection(f), statementsSection(f), trendSection(f), childrenSection(f), themesSection(f),
            commentsSection(f), casesSection(f), linksSection(f),
        ])
        let footer: HTMLNode = .group([
            .p(.attr("style", "margin:0 0 6px 0;")) { HTMLNode.text(t("monthlyReport.why")) },
            .p(.attr("style", "margin:0;")) {
                HTMLNode.a(.href(unsubscribeLink), .attr("style", MailStyle.link)) { HTMLNode.text(t("monthlyReport.link.unsubscribe")) }
                HTMLNode.text(" · ")
                HTMLNode.a(.href(accountLink), .attr("style", MailStyle.link)) { HTMLNode.text(t("monthlyReport.link.account")) }
            },
        ])
        return MailStyle.document(language: language, title: f.subject, content: content, footer: footer)
    }

    private func heading(_ text: String) -> HTMLNode {
        .h2(.attr("style", "margin:24px 0 8px 0;font-size:17px;line-height:22px;color:#14212b;")) { HTMLNode.text(text) }
    }

    private func figuresSection(_ f: MonthlyReportFormat) -> HTMLNode {
        let periods = [(month, current, true), (month.previous, previous, false), (month.yearAgo, yearAgo, false)]
        return .group([
            heading(f.t("monthlyReport.figures")),
            .table(MailStyle.layout + [.width("100%")]) {
                HTMLNode.tr {
                    HTMLNode.th(MailStyle.headerCell(align: "left")) { HTMLNode.text(f.t("monthlyReport.period")) }
                    HTMLNode.th(MailStyle.headerCell(align: "right")) { HTMLNode.text("NPS") }
                    HTMLNode.th(MailStyle.headerCell(align: "right")) { HTMLNode.text(f.t("monthlyReport.n")) }
                }
                for (period, figures, isCurrent) in periods {
                    HTMLNode.tr {
                        HTMLNode.td(MailStyle.cell(align: "left", strong: isCurrent)) { HTMLNode.text(f.month(period)) }
                        HTMLNode.td(MailStyle.cell(align: "right", strong: isCurrent, size: isCurrent ? 20 : 15)) { HTMLNode.text(f.nps(figures.nps)) }
                        HTMLNode.td(MailStyle.cell(align: "right", strong: false)) { HTMLNode.text(f.count(figures.n)) }
                    }
                }
            },
        ])
    }

    private func statementsSection(_ f: MonthlyReportFormat) -> HTMLNode {
        guard !statements.isEmpty else { return .group([]) }
        return .group([
            heading(f.t("monthlyReport.statements")),
            .table(MailStyle.layout + [.width("100%")]) {
                for row in statements {
                    HTMLNode.tr {
                        HTMLNode.td(.attr("colspan", "2"), .attr("style", "padding:8px 0 2px 0;" + MailStyle.font + "font-size:14px;line-height:19px;color:#14212b;")) {
                            HTMLNode.text(row.name)
                        }
                    }
                    HTMLNode.tr {
                        HTMLNode.td(.width("60%"), .attr("style", "padding:2px 8px 2px 0;border-bottom:1px solid #eef1f4;")) {
                            MailStyle.bar(fraction: row.current.map { ($0 - 1) / 4 }, label: f.mean(row.current))
                        }
                        HTMLNode.td(.attr("style", "padding:2px 0 6px 0;border-bottom:1px solid #eef1f4;" + MailStyle.font + MailStyle.small)) {
                            HTMLNode.text(f.t("monthlyReport.statementCompare", ["previous": f.mean(row.previous), "yearAgo": f.mean(row.yearAgo)]))
                        }
                    }
                }
            },
        ])
    }

    private func trendSection(_ f: MonthlyReportFormat) -> HTMLNode {
        .group([
            heading(f.t("monthlyReport.trend")),
            .p(.attr("style", MailStyle.small)) { HTMLNode.text(f.t("monthlyReport.trend.hint")) },
            .table(MailStyle.layout + [.width("100%")]) {
                HTMLNode.tr {
                    HTMLNode.th(MailStyle.headerCell(align: "left")) { HTMLNode.text(f.t("monthlyReport.period")) }
                    HTMLNode.th(MailStyle.headerCell(align: "left")) { HTMLNode.text("NPS") }
                    HTMLNode.th(MailStyle.headerCell(align: "right")) { HTMLNode.text(f.t("monthlyReport.n")) }
                }
                for point in trend {
                    HTMLNode.tr {
                        HTMLNode.td(MailStyle.cell(align: "left", strong: point.month == month) + [.width("22%")]) { HTMLNode.text(f.shortMonth(point.month)) }
                        HTMLNode.td(MailStyle.cell(align: "left", strong: false) + [.width("58%")]) {
                            MailStyle.bar(fraction: point.nps.map { Double($0 + 100) / 200 }, label: f.nps(point.nps))
                        }
                        HTMLNode.td(MailStyle.cell(align: "right", strong: false)) { HTMLNode.text(f.count(point.n)) }
                    }
                }
            },
        ])
    }

    private func childrenSection(_ f: MonthlyReportFormat) -> HTMLNode {
        guard !children.isEmpty else { return .group([]) }
        return .group([
            heading(f.t("monthlyReport.children")),
            .table(MailStyle.layout + [.width("100%")]) {
                HTMLNode.tr {
                    HTMLNode.th(MailStyle.headerCell(align: "left")) { HTMLNode.text(f.t("monthlyReport.unit")) }
                    HTMLNode.th(MailStyle.headerCell(align: "right")) { HTMLNode.text("NPS") }
                    HTMLNode.th(MailStyle.headerCell(align: "right")) { HTMLNode.text(f.t("monthlyReport.n")) }
                }
                for (index, child) in children.enumerated() {
                    HTMLNode.tr {
                        HTMLNode.td(MailStyle.cell(align: "left", strong: false)) { HTMLNode.text(child.nps == nil ? child.name : "\(index + 1). \(child.name)") }
                        HTMLNode.td(MailStyle.cell(align: "right", strong: true)) { HTMLNode.text(f.nps(child.nps)) }
                        HTMLNode.td(MailStyle.cell(align: "right", strong: false)) { HTMLNode.text(f.count(child.n)) }
                    }
                }
            },
        ])
    }

    private func themesSection(_ f: MonthlyReportFormat) -> HTMLNode {
        var nodes = [heading(f.t("monthlyReport.themes"))]
        if themes.isEmpty {
            nodes.append(.p(.attr("style", MailStyle.small)) { f.t("monthlyReport.themes.none") })
        } else {
            nodes.append(.table(MailStyle.layout + [.width("100%")]) {
                for theme in themes {
                    HTMLNode.tr {
                        HTMLNode.td(MailStyle.cell(align: "left", strong: false)) {
                            f.t("monthlyReport.themeLine", ["theme": theme.name, "count": f.count(theme.count), "previous": f.count(theme.previous)])
                        }
                    }
                }
            })
        }
        return .group(nodes)
    }

    private func commentsSection(_ f: MonthlyReportFormat) -> HTMLNode {
        var nodes = [heading(f.t("monthlyReport.comments"))]
        if comments.isEmpty {
            nodes.append(.p(.attr("style", MailStyle.small)) { f.t("monthlyReport.comments.none") })
        }
        for comment in comments {
            nodes.append(.table(MailStyle.layout + [.width("100%"), .attr("style", "margin:0 0 8px 0;")]) {
                HTMLNode.tr {
                    HTMLNode.td(.attr("style", "padding:8px 12px;border-left:4px solid #1f5fa8;background:#f3f6fa;" + MailStyle.font + "font-size:14px;line-height:20px;color:#14212b;")) {
                        HTMLNode.p(.attr("style", "margin:0 0 4px 0;")) { "“\(comment.text)”" }
                        HTMLNode.p(.attr("style", "margin:0;" + MailStyle.small)) { "\(comment.unit), \(f.day(comment.day))" }
                    }
                }
            })
        }
        return .group(nodes)
    }

    private func casesSection(_ f: MonthlyReportFormat) -> HTMLNode {
        let rows = [("monthlyReport.cases.received", String(cases.received)), ("monthlyReport.cases.answered", String(cases.answered)),
                    ("monthlyReport.cases.late", String(cases.late)), ("monthlyReport.cases.kept", f.percent(cases.promiseKeptPercent)),
                    ("monthlyReport.cases.median", f.hours(cases.medianHandlingHours))]
        return .group([
            heading(f.t("monthlyReport.cases")),
            .table(MailStyle.layout + [.width("100%")]) {
                for (key, value) in rows {
                    HTMLNode.tr {
                        HTMLNode.td(MailStyle.cell(align: "left", strong: false)) { HTMLNode.text(f.t(key)) }
                        HTMLNode.td(MailStyle.cell(align: "right", strong: true)) { HTMLNode.text(value) }
                    }
                }
            },
        ])
    }

    private func linksSection(_ f: MonthlyReportFormat) -> HTMLNode {
        .table(MailStyle.layout + [.attr("style", "margin:24px 0 8px 0;")]) {
            HTMLNode.tr {
                HTMLNode.td(.attr("style", "padding:0 8px 8px 0;")) { MailStyle.button(f.t("monthlyReport.link.dashboard"), href: dashboardLink) }
                HTMLNode.td(.attr("style", "padding:0 0 8px 0;")) { MailStyle.button(f.t("monthlyReport.link.feed"), href: feedLink) }
            }
        }
    }
}
