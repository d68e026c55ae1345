import Foundation
import KaikuCore
import KaikuStore

extension AnnualReportDocument {
    // MARK: Themes of the open text

    func themesSection() -> HTMLNode {
        .section(.class("page"), .ariaLabelledBy("h-themes"), .id("themes")) {
            HTMLNode.h2(.id("h-themes")) { t("annual.themes") }
            HTMLNode.p(.class("hint")) { t("annual.themesIntro", ["min": String(model.minimumN)]) }
            if model.themes.isEmpty {
                HTMLNode.p { t("dashboard.themes.none") }
            } else {
                HTMLNode.div(scrollBox(t("annual.themes"))) {
                    HTMLNode.table(.id("themes-table")) {
                        HTMLNode.caption(.class("visually-hidden")) { t("annual.themes") }
                        HTMLNode.thead {
                            HTMLNode.tr {
                                HTMLNode.th(.scope("col")) { t("dashboard.themes.theme") }
                                HTMLNode.th(.scope("col")) { "\(t("dashboard.themes.count"))\u{00A0}\(model.year)" }
                                HTMLNode.th(.scope("col")) { t("dashboard.themes.negative") }
                                HTMLNode.th(.scope("col")) { "\(t("dashboard.themes.count"))\u{00A0}\(model.year - 1)" }
                            }
                        }
                        HTMLNode.tbody {
                            for theme in model.themes {
                                HTMLNode.tr(.data("key", theme.code)) {
                                    HTMLNode.th(.scope("row")) { theme.name }
                                    HTMLNode.td(.class("num")) { String(theme.count) }
                                    HTMLNode.td(.class("num")) { figure(theme.negativeShare.map { format.percent($0, of: 100) }) }
                                    HTMLNode.td(.class("num")) { String(theme.previous) }
                                }
                            }
                        }
                    }
                }
                for theme in model.themes where !theme.examples.isEmpty {
                    HTMLNode.div(.class("theme-examples"), .data("theme", theme.code)) {
                        HTMLNode.h3 { t("dashboard.themes.examples", ["theme": theme.name]) }
                        HTMLNode.ul(.class("plain")) {
                            for example in theme.examples {
                                HTMLNode.li {
                                    HTMLNode.blockquote(example.language.map { [HTMLAttribute.lang($0.rawValue)] } ?? []) { example.text }
                                    HTMLNode.p(.class("hint")) { example.day }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: Cases and the answer promise

    func casesSection() -> HTMLNode {
        let now = model.cases, before = model.previousCases
        let rows: [(key: String, now: String, before: String)] = [
            ("received", String(now.finished + now.pending), String(before.finished + before.pending)),
            ("finished", String(now.finished), String(before.finished)),
            ("pending", String(now.pending), String(before.pending)),
            ("late", String(now.late), String(before.late)),
            ("median", format.hours(now.medianHandlingHours) ?? "–", format.hours(before.medianHandlingHours) ?? "–"),
            ("kept", now.promiseKeptPercent.map { format.percent($0, of: 100) } ?? "–",
             before.promiseKeptPercent.map { format.percent($0, of: 100) } ?? "–"),
        ]
        return .section(.ariaLabelledBy("h-cases"), .id("cases")) {
            HTMLNode.h2(.id("h-cases")) { t("annual.cases") }
            HTMLNode.p(.class("hint")) { t("annual.casesIntro") }
            HTMLNode.div(scrollBox(t("annual.cases"))) {
                HTMLNode.table(.id("cases-table")) {
                    HTMLNode.caption(.class("visually-hidden")) { t("annual.cases") }
                    HTMLNode.thead {
                        HTMLNode.tr {
                            HTMLNode.th(.scope("col")) { t("dashboard.figure") }
                            HTMLNode.th(.scope("col")) { String(model.year) }
                            HTMLNode.th(.scope("col")) { String(model.year - 1) }
                        }
                    }
                    HTMLNode.tbody {
                        for row in rows {
                            HTMLNode.tr(.data("key", row.key)) {
                                HTMLNode.th(.scope("row")) { t("dashboard.cases.\(row.key)") }
                                HTMLNode.td(.class("num")) { row.now }
                                HTMLNode.td(.class("num")) { row.before }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: What we did

    func notesSection() -> HTMLNode {
        .section(.ariaLabelledBy("h-notes"), .id("notes")) {
            HTMLNode.h2(.id("h-notes")) { t("annual.notes") }
            if model.notes.isEmpty {
                HTMLNode.p { t("annual.notesNone", ["year": String(model.year)]) }
            } else {
                HTMLNode.ul(.class("plain")) {
                    for note in model.notes {
                        HTMLNode.li(.class("note")) {
                            HTMLNode.p(.class("hint")) { "\(note.unit) · \(note.day)" }
                            HTMLNode.p { note.text }
                        }
                    }
                }
            }
        }
    }

    // MARK: Method

    func methodSection() -> HTMLNode {
        .section(.class("page"), .ariaLabelledBy("h-method"), .id("method")) {
            HTMLNode.h2(.id("h-method")) { t("annual.method") }
            HTMLNode.p { t("annual.method.survey", ["version": String(model.survey.version)]) }
            HTMLNode.p { t("annual.method.nps") }
            HTMLNode.p { t("annual.method.n", ["n": String(model.whole.current.n), "year": String(model.year)]) }
            HTMLNode.p(.id("method-suppression")) { t("annual.method.suppression", ["min": String(model.minimumN)]) }
            HTMLNode.p { t("annual.method.themes") }
            HTMLNode.p { t("annual.method.cases") }
            HTMLNode.h3 { t("annual.method.statements") }
            HTMLNode.ol {
                for statement in model.statements { HTMLNode.li { statement.text } }
            }
        }
    }
}
