import Foundation
import KaikuCore
import KaikuStore

/// One case as the handler works on it: what the customer said, how to reach
/// them, what has happened, and the next steps as plain forms.
struct CasePage {
    struct PendingAnswer {
        var attempts: Int
        var lastError: String?
    }

    var language: Language
    var catalogue: Catalogue
    var session: SessionToken
    var detail: CaseDetailDTO
    var zone: TimeZone
    var unitNames: [String: String]
    var survey: SurveyDefinition
    var canAct: Bool
    var canAssign: Bool
    var templates: [(id: UUID, name: String)]
    var assignable: [String]
    /// Every unit of the organisation, for re-routing, parents before children.
    var units: [UnitOption]
    var pendingAnswer: PendingAnswer?
    /// Catalogue key of what the last step did, or the message of why it was refused.
    var notice: String?
    var error: String?

    var isPending: Bool { CaseStatus(rawValue: detail.status)?.isPending ?? false }

    func render() -> String {
        let t = { (key: String) in catalogue.text(key, language) }
        let title = catalogue.text("staff.case.title", language, ["receipt": detail.receipt])
        let layout = StaffLayout(language: language, catalogue: catalogue, title: title, path: "/staff/cases/\(detail.id.uuidString)", session: session)
        return layout.render {
            HTMLNode.p { HTMLNode.a(.href("/staff")) { t("staff.case.back") } }
            HTMLNode.h1 { title }
            if let notice {
                HTMLNode.div(.class("panel"), .role("status"), .id("notice")) { HTMLNode.p { t(notice) } }
            }
            if let error {
                HTMLNode.div(.class("error-summary"), .role("alert"), .id("error")) { HTMLNode.p { error } }
            }
            summary(t)
            feedback(t)
            if canAct, let text = detail.response.openText { publicReview(t, text: text) }
            contact(t)
            if isPending && canAct { actions(t) }
            if canAct { noteForm(t) }
            history(t)
        }
    }

    private func summary(_ t: (String) -> String) -> HTMLNode {
        .dl(.class("status case-summary")) {
            HTMLNode.dt { t("staff.case.status") }
            HTMLNode.dd(.id("case-status")) { t("staff.status.\(detail.status)") }
            HTMLNode.dt { t("staff.case.unit") }
            HTMLNode.dd(.id("case-unit")) { unitNames[detail.unit] ?? detail.unit }
            if detail.originalUnit != detail.unit {
                HTMLNode.dt { t("staff.case.originalUnit") }
                HTMLNode.dd { unitNames[detail.originalUnit] ?? detail.originalUnit }
            }
            HTMLNode.dt { t("staff.case.received") }
            HTMLNode.dd { StaffForm.date(detail.receivedAt, in: zone) }
            HTMLNode.dt { t("staff.case.due") }
            HTMLNode.dd {
                StaffForm.date(detail.dueAt, in: zone)
                if detail.late { HTMLNode.span(.class("badge badge-late")) { t("staff.badge.late") } }
            }
            HTMLNode.dt { t("staff.case.handler") }
            HTMLNode.dd(.id("case-handler")) { detail.assignee ?? t("staff.case.nobody") }
        }
    }

    private func feedback(_ t: (String) -> String) -> HTMLNode {
        let answers = detail.response.answers
        return .section(.ariaLabelledBy("h-feedback")) {
            HTMLNode.h2(.id("h-feedback")) { t("staff.case.feedback") }
            HTMLNode.p(.class("hint")) {
                catalogue.text("staff.case.feedbackMeta", language, [
                    "channel": t("channel.\(detail.response.channel)"),
                    "language": catalogue.text("language.name", Language(rawValue: detail.response.language) ?? .fi),
                    "answered": StaffForm.date(detail.response.answeredAt, in: zone),
                ])
            }
            if let text = detail.response.openText {
                HTMLNode.blockquote(.class("open-text"), .id("open-text"), .lang(detail.response.language)) {
                    StaffForm.unmaskTokens(text, catalogue: catalogue, language: language)
                }
            }
            HTMLNode.dl(.class("answers")) {
                for question in survey.questions where answers[question.id] != nil {
                    HTMLNode.dt { question.text[language] }
                    HTMLNode.dd {
                        answers[question.id]!.map { "\($0) / \(question.type == .scale0to10 ? 10 : 5)" } ?? t("staff.case.cannotSay")
                    }
                }
            }
        }
    }

    /// The review step of the open text, as on `/staff/review`.
    private func publicReview(_ t: (String) -> String, text: String) -> HTMLNode {
        let state = FeedbackResponse.PublicState(rawValue: detail.response.review) ?? .waiting
        return .section(.ariaLabelledBy("h-public")) {
            HTMLNode.h2(.id("h-public")) { t("staff.review.caseTitle") }
            HTMLNode.p(.id("public-state")) { t("staff.review.state.\(state.rawValue)") }
            PublicReviewForm(responseID: detail.response.id, text: detail.response.publicText ?? text, language: detail.response.language,
                             state: state, session: session, catalogue: catalogue, pageLanguage: language,
                             back: "/staff/cases/\(detail.id.uuidString)").render()
        }
    }

    private func contact(_ t: (String) -> String) -> HTMLNode {
        .section(.ariaLabelledBy("h-contact")) {
            HTMLNode.h2(.id("h-contact")) { t("staff.case.contact") }
            if let contact = detail.contact {
                HTMLNode.p(.class("hint")) { t("staff.case.contactLogged") }
                HTMLNode.dl(.class("status"), .id("contact")) {
                    for (key, value) in [("name", contact.name), ("email", contact.email), ("phone", contact.phone)] {
                        if let value {
                            HTMLNode.dt { t("staff.case.contact.\(key)") }
                            HTMLNode.dd { value }
                        }
                    }
                }
            } else {
                HTMLNode.p { t("staff.case.noContact") }
            }
        }
    }

    private func form(_ action: String, id: String, @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        .form(.method(.post), .action("/staff/cases/\(detail.id.uuidString)/\(action)"), .id(id)) {
            StaffForm.csrf(session)
            content()
        }
    }

    private func actions(_ t: (String) -> String) -> HTMLNode {
        .group([
            .section(.ariaLabelledBy("h-answer")) {
                HTMLNode.h2(.id("h-answer")) { t("staff.case.answer") }
                if let pendingAnswer {
                    HTMLNode.p(.class("panel"), .id("pending-answer")) {
                        catalogue.text("staff.case.answerPending", language, ["attempts": String(pendingAnswer.attempts), "error": pendingAnswer.lastError ?? "–"])
                    }
                } else if let contact = detail.contact, contact.email != nil || contact.phone != nil {
                    form("answer", id: "answer-form") {
                        if !templates.isEmpty {
                            StaffForm.select("template", label: t("staff.case.template"),
                                             options: [("", t("staff.case.noTemplate"))] + templates.map { ($0.id.uuidString, $0.name) }, selected: nil)
                        }
                        StaffForm.select("channel", label: t("staff.case.channel"),
                                         options: [contact.email.map { _ in ("email", t("staff.case.channel.email")) },
                                                   contact.phone.map { _ in ("sms", t("staff.case.channel.sms")) }].compactMap { $0 },
                                         selected: nil)
                        HTMLNode.div(.class("field")) {
                            HTMLNode.label(.for("answer-subject")) { t("staff.case.subject") }
                            HTMLNode.input(.id("answer-subject"), .name("subject"), .type("text"), .maxlength(200))
                        }
                        StaffForm.textarea("text", label: t("staff.case.answerText"), id: "answer-text", rows: 8)
                        HTMLNode.p(.class("hint")) { t("staff.case.answerHint") }
                        HTMLNode.button(.type("submit"), .class("button")) { t("staff.case.send") }
                    }
                } else {
                    HTMLNode.p { t("staff.case.cannotAnswer") }
                }
            },
            .section(.ariaLabelledBy("h-handle"), .class("case-actions")) {
                HTMLNode.h2(.id("h-handle")) { t("staff.case.handle") }
                if detail.assignee != session.email {
                    form("take", id: "take-form") {
                        HTMLNode.button(.type("submit"), .class("button")) { t("staff.case.take") }
                    }
                }
                if canAssign && !assignable.isEmpty {
                    form("assign", id: "assign-form") {
                        StaffForm.select("email", label: t("staff.case.assignTo"), options: assignable.map { ($0, $0) }, selected: detail.assignee)
                        HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.assign") }
                    }
                }
                form("reroute", id: "reroute-form") {
                    StaffForm.select("unit", label: t("staff.case.rerouteTo"),
                                     options: units.filter { $0.code != detail.unit }.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) },
                                     selected: nil, id: "reroute-unit")
                    StaffForm.textarea("reason", label: t("staff.case.rerouteReason"), id: "reroute-reason", rows: 2)
                    HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.reroute") }
                }
                form("refer", id: "refer-form") {
                    StaffForm.select("kind", label: t("staff.case.referKind"),
                                     options: CaseOperations.referralKinds.map { ($0, t("staff.case.refer.\($0)")) }, selected: nil, id: "refer-kind")
                    StaffForm.textarea("note", label: t("staff.case.referNote"), id: "refer-note", rows: 2)
                    HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.refer") }
                }
                form("close", id: "close-form") {
                    StaffForm.textarea("note", label: t("staff.case.closeNote"), id: "close-note", rows: 2)
                    HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.close") }
                }
            },
        ])
    }

    private func noteForm(_ t: (String) -> String) -> HTMLNode {
        .section(.ariaLabelledBy("h-note")) {
            HTMLNode.h2(.id("h-note")) { t("staff.case.note") }
            form("notes", id: "note-form") {
                StaffForm.textarea("text", label: t("staff.case.noteText"), id: "note-text", required: true, rows: 3)
                HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.addNote") }
            }
        }
    }

    private func history(_ t: (String) -> String) -> HTMLNode {
        .section(.ariaLabelledBy("h-history")) {
            HTMLNode.h2(.id("h-history")) { t("staff.case.history") }
            HTMLNode.ol(.class("history"), .id("history")) {
                for event in detail.history {
                    HTMLNode.li(.data("kind", event.kind)) {
                        HTMLNode.span(.class("when")) { StaffForm.date(event.at, in: zone) }
                        " "
                        HTMLNode.strong { t("staff.event.\(event.kind)") }
                        if let actor = event.actor { " – \(actor)" }
                        if let detail = event.detail { HTMLNode.div(.class("detail")) { detail } }
                    }
                }
            }
        }
    }
}
