import Foundation

/// The annual report's bar chart: NPS of each group this year beside the
/// year before, on the fixed −100…100 scale. Each row's name is written above
/// its bars so that long unit names never shrink the bars, and each bar ends
/// in its value; the report also gives every figure in a table.
enum AnnualReportCharts {
    struct Bar {
        var label: String
        var current: Int?
        var previous: Int?
    }

    static func npsBars(_ bars: [Bar], id: String, title: String, description: String, currentLabel: String, previousLabel: String,
                        suppressed: String) -> HTMLNode {
        let width = 520.0, left = 8.0, right = 44.0, rowHeight = 64.0, top = 36.0
        let plotWidth = width - left - right
        let height = top + rowHeight * Double(max(bars.count, 1)) + 8
        func x(_ value: Int) -> Double { left + plotWidth * (Double(value) + 100) / 200 }
        let zero = x(0)
        let fmt = DashboardCharts.fmt
        return .svg(.attr("xmlns", "http://www.w3.org/2000/svg"), .class("chart bar-chart"), .attr("viewBox", "0 0 \(fmt(width)) \(fmt(height))"),
                    .role("img"), .ariaLabelledBy("\(id)-title \(id)-desc"), .attr("preserveAspectRatio", "xMidYMid meet")) {
            HTMLNode.title(.id("\(id)-title")) { title }
            HTMLNode.el("desc", .id("\(id)-desc")) { description }
            // Legend: this year solid, the year before lighter with an outline.
            HTMLNode.el("rect", .class("bar-now"), .attr("x", fmt(left)), .attr("y", "6"), .width("16"), .height("14"))
            HTMLNode.el("text", .class("tick"), .attr("x", fmt(left + 22)), .attr("y", "18")) { currentLabel }
            HTMLNode.el("rect", .class("bar-before"), .attr("x", fmt(left + 90)), .attr("y", "6"), .width("16"), .height("14"))
            HTMLNode.el("text", .class("tick"), .attr("x", fmt(left + 112)), .attr("y", "18")) { previousLabel }
            for value in stride(from: -100, through: 100, by: 50) {
                HTMLNode.el("line", .class(value == 0 ? "axis" : "grid"), .attr("x1", fmt(x(value))), .attr("x2", fmt(x(value))),
                            .attr("y1", fmt(top - 6)), .attr("y2", fmt(height - 8)))
            }
            for (index, bar) in bars.enumerated() {
                let y = top + Double(index) * rowHeight
                HTMLNode.el("text", .class("bar-label"), .attr("x", fmt(left)), .attr("y", fmt(y + 14))) { bar.label }
                for (offset, value, css) in [(20.0, bar.current, "bar-now"), (40.0, bar.previous, "bar-before")] {
                    if let value {
                        let start = min(zero, x(value)), end = max(zero, x(value))
                        HTMLNode.el("rect", .class(css), .attr("x", fmt(start)), .attr("y", fmt(y + offset)),
                                    .width(fmt(max(end - start, 1.5))), .height("16"))
                        HTMLNode.el("text", .class("tick"), .attr("x", fmt(max(end, zero) + 4)), .attr("y", fmt(y + offset + 13))) { String(value) }
                    } else {
                        HTMLNode.el("text", .class("tick"), .attr("x", fmt(zero + 4)), .attr("y", fmt(y + offset + 13))) { suppressed }
                    }
                }
            }
        }
    }
}
