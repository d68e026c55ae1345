import Foundation
import KaikuCore

/// One period of the public figures page: NPS and n, the shares of
/// promoters, passives and detractors, statement means with bars, and the
/// child units. A suppressed figure says so in words, never as a number:
/// "fewer than 5" below the minimum, or that it is hidden to protect a
/// smaller group when it is hidden for its neighbours' sake.
struct PublicPeriodSection {
    var context: PageContext
    var period: PublicPeriodFigures
    var unitName: String
    var organisationCode: String
    var minimumN: Int

    private var language: Language { context.language }
    private var t: Texts { context.t }

    func render() -> HTMLNode {
        let heading = "period-\(period.key.rawValue)"
        return .section(.class("figures-period"), .ariaLabelledBy(heading)) {
            HTMLNode.h2(.id(heading)) { t("figures.period.\(period.key.rawValue)") }
            HTMLNode.p(.class("hint")) {
                t("figures.period.range", ["from": FigureFormat.day(period.from, language), "to": FigureFormat.day(period.to, language)])
            }
            if let n = period.n {
                HTMLNode.dl(.class("figures")) {
                    HTMLNode.div {
                        HTMLNode.dt { t("figures.nps") }
                        HTMLNode.dd(.class(period.nps == nil ? "suppressed" : "nps")) { period.nps.map(FigureFormat.nps) ?? t("figures.suppressed") }
                    }
                    HTMLNode.div {
                        HTMLNode.dt { t("figures.n") }
                        HTMLNode.dd { FigureFormat.count(n, language) }
                    }
                }
                shares()
                statements()
            } else if period.hidden == .complementary {
                HTMLNode.p(.class("suppressed")) { t("figures.suppressed.period.complementary") }
            } else {
                HTMLNode.p(.class("suppressed")) { t("figures.suppressed.period", ["n": FigureFormat.count(minimumN, language)]) }
            }
            children()
        }
    }

    private func shares() -> HTMLNode? {
        guard let shares = period.shares else { return nil }
        let values = [("promoters", shares.promoters), ("passives", shares.passives), ("detractors", shares.detractors)]
        var x = 0
        var bar = #"<svg class="share-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">"#
        for (name, value) in values where value > 0 {
            bar += #"<rect class="\#(ShareColours.cssClass(name))" x="\#(x)" y="0" width="\#(value)" height="8"></rect>"#
            x += value
        }
        bar += "</svg>"
        return .group([
            .trusted(bar),
            .p(.class("shares")) {
                t("figures.shares", Dictionary(uniqueKeysWithValues: values.map { ($0.0, FigureFormat.percent($0.1, language)) }))
            },
        ])
    }

    private func statements() -> HTMLNode? {
        guard !period.statements.isEmpty else { return nil }
        let caption = "statements-\(period.key.rawValue)"
        return scrollable(labelledBy: caption) {
            HTMLNode.table(.class("figures-table")) {
                HTMLNode.caption(.id(caption)) { t("figures.statements.caption") }
                PublicFiguresCells.head([t("figures.statements.statement"), t("figures.statements.mean"), t("figures.n")])
                HTMLNode.tbody {
                    for statement in period.statements {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("row")) { statement.text }
                            if let mean = statement.mean, let n = statement.n {
                                HTMLNode.td(.class("mean")) {
                                    HTMLNode.span(.class("value")) { FigureFormat.mean(mean, language) }
                                    HTMLNode.trusted(Self.meanBar(mean))
                                }
                                HTMLNode.td { FigureFormat.count(n, language) }
                            } else {
                                hiddenCells(statement.hidden)
                            }
                        }
                    }
                }
            }
        }
    }

    private func hiddenCells(_ reason: PublicPeriodFigures.Reason?) -> HTMLNode {
        PublicFiguresCells(context: context, minimumN: minimumN).hidden(reason)
    }

    private func children() -> HTMLNode? {
        guard !period.children.isEmpty else { return nil }
        let caption = "children-\(period.key.rawValue)"
        return scrollable(labelledBy: caption) {
            HTMLNode.table(.class("figures-table")) {
                HTMLNode.caption(.id(caption)) { t("figures.children.caption", ["unit": unitName]) }
                PublicFiguresCells.head([t("figures.children.unit"), t("figures.nps"), t("figures.n")])
                HTMLNode.tbody {
                    for child in period.children {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("row")) {
                                HTMLNode.a(.href(PublicFiguresModel.unitAddress(child.code, organisation: organisationCode, language: language))) {
                                    child.name
                                }
                            }
                            if let n = child.n {
                                HTMLNode.td(child.nps == nil ? [HTMLAttribute.class("suppressed")] : []) {
                                    child.nps.map(FigureFormat.nps) ?? t("figures.suppressed")
                                }
                                HTMLNode.td { FigureFormat.count(n, language) }
                            } else {
                                hiddenCells(child.hidden)
                            }
                        }
                    }
                }
            }
        }
    }

    /// A table that may scroll sideways on a phone: a keyboard user must be able to reach and scroll it too.
    private func scrollable(labelledBy caption: String, @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        .div([.class("table-wrap"), .role("region"), .ariaLabelledBy(caption), .tabindex(0)], content: content)
    }

    /// A bar as long as the mean on a scale to 5; hidden from screen readers, which read the number.
    static func meanBar(_ mean: Double) -> String {
        let width = String(format: "%.1f", max(0, min(5, mean)) / 5 * 100)
        return #"<svg class="mean-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">"#
            + #"<rect class="bar-track" x="0" y="0" width="100" height="8"></rect>"#
            + #"<rect class="bar-fill" x="0" y="0" width="\#(width)" height="8"></rect></svg>"#
    }
}
