import Foundation
import KaikuCore

/// The staff page that leads to the annual report: a GET form for the unit
/// and year, then links to the report as HTML and PDF.
struct AnnualReportPage {
    var context: PageContext
    var model: AnnualReportPageModel

    func render() -> String {
        let t = context.t
        var query = [("unit", model.unit)]
        if let year = model.year { query.append(("year", String(year))) }
        let layout = StaffLayout(context.at(.staff(.annualReport), query), title: t("annual.page.title"))
        let units = model.unitOptions.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }
        let years = model.yearOptions.map { (String($0), String($0)) }
        return layout.render {
            HTMLNode.h1 { t("annual.page.heading") }  // soft hyphens: the compound breaks where a Finn would break it at 320 px
            HTMLNode.p { t("annual.page.intro") }
            HTMLNode.form(.method(.get), .action(.staff(.annualReport)), .class("filters no-print")) {
                HTMLNode.input(.type("hidden"), .name("lang"), .value(context.language.rawValue))
                StaffForm.select("unit", label: t("dashboard.unit"), options: units, selected: model.unit)
                if let error = model.yearError {
                    HTMLNode.div(.class("field invalid")) {
                        HTMLNode.label(.for("f-year")) { t("annual.page.year") }
                        HTMLNode.p(.class("error"), .id("year-error")) { error }
                        HTMLNode.select(.id("f-year"), .name("year"), .ariaDescribedBy("year-error"), .ariaInvalid("true")) {
                            for (value, label) in years { HTMLNode.option(.value(value)) { label } }
                        }
                    }
                } else {
                    StaffForm.select("year", label: t("annual.page.year"), options: years, selected: model.year.map(String.init))
                }
                HTMLNode.button(.type("submit"), .class("button")) { t("annual.page.choose") }
            }
            if let html = model.link(.html), let pdf = model.link(.pdf), let year = model.year {
                HTMLNode.section(.ariaLabelledBy("h-open"), .id("annual-links")) {
                    HTMLNode.h2(.id("h-open")) { t("annual.page.open", ["year": String(year)]) }
                    HTMLNode.ul {
                        HTMLNode.li { HTMLNode.a(.href(html), .id("annual-html")) { t("annual.page.html", ["year": String(year)]) } }
                        HTMLNode.li { HTMLNode.a(.href(pdf), .id("annual-pdf")) { t("annual.page.pdf", ["year": String(year)]) } }
                    }
                    HTMLNode.p(.class("hint")) { t("annual.page.pdfHint") }
                }
            }
        }
    }
}
