import Foundation
import KaikuCore

/// The unit's last 12 whole months: a table of NPS and n by month (what
/// screen readers read) and a small chart of the NPS that only repeats it
/// for the eye. A hidden month says why in words and leaves a gap in the
/// chart, never a number.
struct PublicTrendSection {
    var context: PageContext
    var trend: [PublicTrendMonth]
    var minimumN: Int

    private var language: Language { context.language }
    private var t: Texts { context.t }

    func render() -> HTMLNode? {
        guard !trend.isEmpty else { return nil }
        return .section(.class("figures-trend"), .ariaLabelledBy("trend")) {
            HTMLNode.h2(.id("trend")) { t("figures.trend.title") }
            HTMLNode.p(.class("hint")) { t("figures.trend.hint") }
            if trend.contains(where: { $0.nps != nil }) { HTMLNode.trusted(Self.chart(trend)) }
            HTMLNode.div(.class("table-wrap"), .role("region"), .ariaLabelledBy("trend-caption"), .tabindex(0)) {
                HTMLNode.table(.class("figures-table"), .id("trend-table")) {
                    HTMLNode.caption(.id("trend-caption")) { t("figures.trend.caption") }
                    PublicFiguresCells.head([t("figures.trend.month"), t("figures.nps"), t("figures.n")])
                    HTMLNode.tbody {
                        for month in trend.reversed() { row(month) }
                    }
                }
            }
        }
    }

    private func row(_ month: PublicTrendMonth) -> HTMLNode {
        .tr {
            HTMLNode.th(.scope("row")) { t("monthlyReport.month.\(month.month.month)", ["year": String(month.month.year)]) }
            if let n = month.n {
                HTMLNode.td(month.nps == nil ? [HTMLAttribute.class("suppressed")] : [HTMLAttribute.class("num")]) {
                    month.nps.map(FigureFormat.nps) ?? t("figures.suppressed")
                }
                HTMLNode.td(.class("num")) { FigureFormat.count(n, language) }
            } else {
                PublicFiguresCells(context: context, minimumN: minimumN).hidden(month.hidden)
            }
        }
    }

    /// NPS by month as bars up or down from zero, hidden from screen readers (the table reads the same).
    static func chart(_ trend: [PublicTrendMonth]) -> String {
        let width = 24, height = 100
        var svg = #"<svg class="trend-chart" viewBox="0 0 \#(width * trend.count) \#(height + 2)" preserveAspectRatio="none" "#
            + #"aria-hidden="true" focusable="false"><line class="trend-zero" x1="0" y1="\#(height / 2 + 1)" "#
            + #"x2="\#(width * trend.count)" y2="\#(height / 2 + 1)"></line>"#
        for (index, month) in trend.enumerated() {
            guard let nps = month.nps else { continue }
            let length = max(1, abs(nps) / 2)
            let y = nps >= 0 ? height / 2 + 1 - length : height / 2 + 1
            svg += #"<rect class="\#(nps >= 0 ? "trend-up" : "trend-down")" x="\#(index * width + 4)" y="\#(y)" "#
                + #"width="\#(width - 8)" height="\#(length)"></rect>"#
        }
        return svg + "</svg>"
    }
}
