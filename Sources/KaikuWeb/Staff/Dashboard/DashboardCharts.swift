import Foundation

/// Charts drawn on the server as SVG, so that they show without JavaScript
/// and print as they look. Every chart has a title and a description for
/// screen readers, and the page shows the same figures in a table, so that
/// no figure is given only as a shape or a colour.
enum DashboardCharts {
    struct Point {
        var label: String
        /// Nil when the figure is suppressed or there were no answers: the line breaks there.
        var value: Int?
        var n: Int
    }

    /// NPS over time on a fixed −100…100 scale, so that charts of different units compare at a glance.
    static func trend(_ points: [Point], id: String, title: String, description: String) -> HTMLNode {
        let width = 640.0, height = 220.0, left = 44.0, right = 30.0, top = 12.0, bottom = 36.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func y(_ value: Int) -> Double { top + plotHeight * (1 - (Double(value) + 100) / 200) }
        let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { points.count > 1 ? left + Double(index) * step : left + plotWidth / 2 }
        // Consecutive shown points form one line; a suppressed point breaks it.
        var runs: [[Int]] = []
        for (index, point) in points.enumerated() {
            if point.value == nil { runs.append([]); continue }
            if runs.isEmpty { runs.append([]) }
            runs[runs.count - 1].append(index)
        }
        let labelEvery = max(1, Int((Double(points.count) / 12).rounded(.up)))
        return svg(width: width, height: height, id: id, title: title, description: description, cssClass: "chart trend-chart") {
            for value in stride(from: -100, through: 100, by: 50) {
                HTMLNode.el("line", .class(value == 0 ? "axis" : "grid"), .attr("x1", fmt(left)), .attr("x2", fmt(width - right)),
                            .attr("y1", fmt(y(value))), .attr("y2", fmt(y(value))))
                HTMLNode.el("text", .class("tick"), .attr("x", fmt(left - 6)), .attr("y", fmt(y(value) + 4)), .attr("text-anchor", "end")) { String(value) }
            }
            for run in runs where run.count > 1 {
                HTMLNode.el("polyline", .class("line"), .attr("points", run.map { "\(fmt(x($0))),\(fmt(y(points[$0].value!)))" }.joined(separator: " ")))
            }
            for (index, point) in points.enumerated() {
                if let value = point.value {
                    HTMLNode.el("circle", .class("dot"), .attr("cx", fmt(x(index))), .attr("cy", fmt(y(value))), .attr("r", "3.5")) {
                        HTMLNode.title { "\(point.label): NPS \(value), n \(point.n)" }
                    }
                }
                if index % labelEvery == 0 {
                    HTMLNode.el("text", .class("tick"), .attr("x", fmt(x(index))), .attr("y", fmt(height - bottom + 16)), .attr("text-anchor", "middle")) { point.label }
                }
            }
        }
    }

    struct Segment {
        var label: String
        var count: Int
        var cssClass: String
    }

    /// One bar split into shares, e.g. a statement's answers 1–5 or
    /// detractors, passives and promoters. Decorative for assistive
    /// technology: the shares are written out next to it.
    static func stackedBar(_ segments: [Segment], width: Double = 220, height: Double = 16) -> HTMLNode {
        let total = segments.reduce(0) { $0 + $1.count }
        var placed: [(segment: Segment, x: Double, width: Double)] = []
        var offset = 0.0
        for segment in segments where total > 0 && segment.count > 0 {
            let share = width * Double(segment.count) / Double(total)
            placed.append((segment, offset, share))
            offset += share
        }
        return .svg(.attr("xmlns", "http://www.w3.org/2000/svg"), .class("chart stacked-bar"), .width(fmt(width)), .height(fmt(height)),
                   .attr("viewBox", "0 0 \(fmt(width)) \(fmt(height))"), .ariaHidden("true"), .attr("focusable", "false")) {
            if total > 0 {
                for (segment, x, share) in placed {
                    HTMLNode.el("rect", .class(segment.cssClass), .attr("x", fmt(x)), .attr("y", "0"), .width(fmt(share)), .height(fmt(height))) {
                        HTMLNode.title { "\(segment.label): \(segment.count)" }
                    }
                }
            } else {
                HTMLNode.el("rect", .class("empty"), .attr("x", "0"), .attr("y", "0"), .width(fmt(width)), .height(fmt(height)))
            }
        }
    }

    private static func svg(width: Double, height: Double, id: String, title: String, description: String, cssClass: String,
                            @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        .svg(.attr("xmlns", "http://www.w3.org/2000/svg"), .class(cssClass), .attr("viewBox", "0 0 \(fmt(width)) \(fmt(height))"),
            .role("img"), .ariaLabelledBy("\(id)-title \(id)-desc"), .attr("preserveAspectRatio", "xMidYMid meet")) {
            HTMLNode.title(.id("\(id)-title")) { title }
            HTMLNode.el("desc", .id("\(id)-desc")) { description }
            content()
        }
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
