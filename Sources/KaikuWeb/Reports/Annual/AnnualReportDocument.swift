import Foundation
import KaikuCore
import KaikuStore

/// The annual customer report as one self-contained HTML document: no
/// navigation, no forms, its own inline style, so that the same text is read
/// in a browser and printed to PDF. Every chart has its figures in a table.
struct AnnualReportDocument {
    var model: AnnualReportModel
    var catalogue: Catalogue

    var language: Language { model.language }
    var format: DashboardFormat { DashboardFormat(language: language) }
    func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalogue.text(key, language, arguments) }

    var title: String { model.title(catalogue) }

    /// The inline style, with the footer in the report's language.
    var style: String {
        AnnualReportStyle.css(footer: model.isOrganisation ? title : "\(title) · \(model.organisationName)", pageLabel: t("annual.pageNumber"))
    }

    func render() -> String {
        let document = HTMLNode.html(.lang(language.rawValue)) {
            HTMLNode.head {
                HTMLNode.meta(.charset("utf-8"))
                HTMLNode.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
                HTMLNode.title { title }
                HTMLNode.meta(.name("description"), .content(t("annual.description", ["year": String(model.year), "unit": model.unitName])))
                HTMLNode.trusted("<style>\(style)</style>")
            }
            HTMLNode.body {
                HTMLNode.main(.id("main")) {
                    cover()
                    summarySection()
                    unitsSection()
                    trendSection()
                    comparisonsSection()
                    themesSection()
                    casesSection()
                    notesSection()
                    methodSection()
                }
            }
        }
        return "<!DOCTYPE html>\n" + document.render()
    }

    // MARK: Cover and summary

    private func cover() -> HTMLNode {
        .header(.class("cover")) {
            HTMLNode.p(.class("kind")) { model.organisationName }
            HTMLNode.h1 { title }
            HTMLNode.p(.class("period")) { t("annual.period", ["from": format.day(model.from), "to": format.day(model.to)]) }
            HTMLNode.p(.class("produced")) { t("annual.produced", ["date": format.day(model.produced)]) }
        }
    }

    private func summarySection() -> HTMLNode {
        let whole = model.whole
        let received = model.cases.finished + model.cases.pending
        return .section(.class("page"), .ariaLabelledBy("h-summary"), .id("summary")) {
            HTMLNode.h2(.id("h-summary")) { t("annual.summary") }
            HTMLNode.dl(.class("figures"), .id("headline")) {
                figureBox(t("dashboard.nps"), now: whole.current.nps.map(String.init), before: whole.previous?.nps.map(String.init), id: "headline-nps")
                figureBox(t("dashboard.n"), now: String(whole.current.n), before: whole.previous.map { String($0.n) }, id: "headline-n")
                figureBox(t("annual.casesReceived"), now: String(received),
                          before: String(model.previousCases.finished + model.previousCases.pending), id: "headline-cases")
                figureBox(t("dashboard.cases.kept"), now: model.cases.promiseKeptPercent.map { format.percent($0, of: 100) },
                          before: model.previousCases.promiseKeptPercent.map { format.percent($0, of: 100) }, id: "headline-kept")
            }
            npsShares(whole.current)
            HTMLNode.h3 { t("annual.highlights") }
            HTMLNode.ul(.class("highlights")) {
                for line in highlights() { HTMLNode.li { line } }
            }
        }
    }

    private func figureBox(_ label: String, now: String?, before: String?, id: String) -> HTMLNode {
        .div(.id(id)) {
            HTMLNode.dt { label }
            HTMLNode.dd {
                figure(now)
                HTMLNode.span(.class("before")) {
                    t("annual.previousYear", ["year": String(model.year - 1)]) + ": "
                    figure(before)
                }
            }
        }
    }

    private func npsShares(_ figures: Figures) -> HTMLNode {
        guard let promoters = figures.promoters, let passives = figures.passives, let detractors = figures.detractors else {
            return .p(.class("hint")) { t("annual.npsSuppressed", ["min": String(model.minimumN)]) }
        }
        let answers = promoters + passives + detractors
        return .group([
            DashboardCharts.stackedBar([
                .init(label: t("dashboard.detractors"), count: detractors, cssClass: "s-detractor"),
                .init(label: t("dashboard.passives"), count: passives, cssClass: "s-passive"),
                .init(label: t("dashboard.promoters"), count: promoters, cssClass: "s-promoter"),
            ], width: 320, height: 18),
            .ul(.class("legend")) {
                for (key, count, css) in [("detractors", detractors, "s-detractor"), ("passives", passives, "s-passive"), ("promoters", promoters, "s-promoter")] {
                    HTMLNode.li {
                        HTMLNode.span(.class("swatch \(css)"), .ariaHidden("true"))
                        "\(t("dashboard.\(key)")): \(count) (\(format.percent(count, of: answers)))"
                    }
                }
            },
        ])
    }

    /// A few sentences a reader takes away: the change in NPS, the best and weakest statement, the most common theme.
    func highlights() -> [String] {
        var lines: [String] = []
        if let change = AnnualReportModel.change(model.whole), let now = model.whole.current.nps {
            let key = change > 0 ? "annual.highlight.npsUp" : change < 0 ? "annual.highlight.npsDown" : "annual.highlight.npsSame"
            lines.append(t(key, ["nps": String(now), "change": String(abs(change)), "previous": String(model.year - 1)]))
        } else if let now = model.whole.current.nps {
            lines.append(t("annual.highlight.nps", ["nps": String(now)]))
        } else {
            lines.append(t("annual.npsSuppressed", ["min": String(model.minimumN)]))
        }
        let means = model.statements.compactMap { statement in
            AnnualReportModel.mean(model.whole.current, statement.id).map { (statement.text, $0) }
        }
        if let best = means.max(by: { $0.1 < $1.1 }), let weakest = means.min(by: { $0.1 < $1.1 }), means.count > 1 {
            lines.append(t("annual.highlight.best", ["statement": best.0, "mean": format.mean(best.1) ?? ""]))
            lines.append(t("annual.highlight.weakest", ["statement": weakest.0, "mean": format.mean(weakest.1) ?? ""]))
        }
        if let theme = model.themes.first, theme.count > 0 {
            lines.append(t("annual.highlight.theme", ["theme": theme.name, "count": String(theme.count)]))
        }
        if let kept = model.cases.promiseKeptPercent {
            lines.append(t("annual.highlight.kept", ["kept": format.percent(kept, of: 100)]))
        }
        return lines
    }

    /// A table's box: on a narrow screen a wide table scrolls inside it, so
    /// the box takes keyboard focus and is named for screen readers.
    func scrollBox(_ label: String) -> [HTMLAttribute] {
        [.class("table-wrap"), .tabindex(0), .role("region"), .ariaLabel(label)]
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
