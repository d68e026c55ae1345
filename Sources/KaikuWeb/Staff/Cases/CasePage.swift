import Foundation
import KaikuCore
import KaikuStore

/// One case as the handler works on it: what the customer said, how to reach
/// them, what has happened, and the next steps as plain forms.
struct CasePage {
    var context: PageContext
    var model: CaseModel

    var detail: CaseDetailDTO { model.detail }
    private var zone: TimeZone { model.zone }

    func render() -> String {
        let t = context.t
        let title = t("staff.case.title", ["receipt": detail.receipt])
        return StaffLayout(context.at(.staff(.caseItem(.value(detail.id)))), title: title).render {
            HTMLNode.p { HTMLNode.a(.href(.staff(.inbox))) { t("staff.case.back") } }
            HTMLNode.h1 { title }
            if let notice = model.notice {
                HTMLNode.div(.class("panel"), .role("status"), .id("notice")) { HTMLNode.p { t(notice) } }
            }
            if let error = model.error {
                HTMLNode.div(.class("error-summary"), .role("alert"), .id("error")) { HTMLNode.p { error } }
            }
            summary(t)
            feedback(t)
            if model.canAct, let text = detail.response.openText { publicReview(t, text: text) }
            contact(t)
            if model.isPending && model.canAct { actions(t) }
            if model.canAct { noteForm(t) }
            history(t)
        }
    }

    private func summary(_ t: Texts) -> HTMLNode {
        .dl(.class("status case-summary")) {
            HTMLNode.dt { t("staff.case.status") }
            HTMLNode.dd(.id("case-status")) { t("staff.status.\(detail.status)") }
            HTMLNode.dt { t("staff.case.unit") }
            HTMLNode.dd(.id("case-unit")) { model.unitName(detail.unit) }
            if detail.originalUnit != detail.unit {
                HTMLNode.dt { t("staff.case.originalUnit") }
                HTMLNode.dd { model.unitName(detail.originalUnit) }
            }
            HTMLNode.dt { t("staff.case.received") }
            HTMLNode.dd { StaffForm.date(detail.receivedAt, in: zone) }
            HTMLNode.dt { t("staff.case.due") }
            HTMLNode.dd {
                StaffForm.date(detail.dueAt, in: zone)
                if detail.late { HTMLNode.span(.class("badge badge-late")) { t("staff.badge.late") } }
            }
            HTMLNode.dt { t("staff.case.handler") }
            HTMLNode.dd(.id("case-handler")) { detail.assigneeName ?? t("staff.case.nobody") }
        }
    }

    private func feedback(_ t: Texts) -> HTMLNode {
        .section(.ariaLabelledBy("h-feedback")) {
            HTMLNode.h2(.id("h-feedback")) { t("staff.case.feedback") }
            HTMLNode.p(.class("hint")) {
                t("staff.case.feedbackMeta", [
                    "channel": t("channel.\(detail.response.channel)"),
                    "language": context.catalogue.text("language.name", Language(rawValue: detail.response.language) ?? .fi),
                    "answered": StaffForm.date(detail.response.answeredAt, in: zone),
                ])
            }
            if let text = detail.response.openText {
                HTMLNode.blockquote(.class("open-text"), .id("open-text"), .lang(detail.response.language)) {
                    StaffForm.unmaskTokens(text, catalogue: context.catalogue, language: context.language)
                }
            }
            HTMLNode.dl(.class("answers")) {
                for answer in model.answers {
                    HTMLNode.dt { answer.question }
                    HTMLNode.dd { answer.value ?? t("staff.case.cannotSay") }
                }
            }
        }
    }

    /// The review step of the open text, as on `/staff/review`.
    private func publicReview(_ t: Texts, text: String) -> HTMLNode {
        let state = FeedbackResponse.PublicState(rawValue: detail.response.review) ?? .waiting
        return .section(.ariaLabelledBy("h-public")) {
            HTMLNode.h2(.id("h-public")) { t("staff.review.caseTitle") }
            HTMLNode.p(.id("public-state")) { t("staff.review.state.\(state.rawValue)") }
            PublicReviewForm(context: context, responseID: detail.response.id, text: detail.response.publicText ?? text,
                             language: detail.response.language, state: state, back: SiteURL.staff(.caseItem(.value(detail.id))).path).render()
        }
    }

    private func contact(_ t: Texts) -> HTMLNode {
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

    func form(_ action: SiteURL.CaseFormAction, id: String, @HTMLBuilder content: () -> [HTMLNode]) -> HTMLNode {
        .form(.method(.post), .action(.staff(.caseAction(.value(detail.id), action))), .id(id)) {
            context.csrfField
            content()
        }
    }

    private func actions(_ t: Texts) -> HTMLNode {
        .group([
            .section(.ariaLabelledBy("h-answer")) {
                HTMLNode.h2(.id("h-answer")) { t("staff.case.answer") }
                if let pendingAnswer = model.pendingAnswer {
                    HTMLNode.p(.class("panel"), .id("pending-answer")) {
                        t("staff.case.answerPending", ["attempts": String(pendingAnswer.attempts), "error": pendingAnswer.lastError ?? "–"])
                    }
                } else if !CaseModel.answerChannels(detail.contact).isEmpty {
                    answerForm(t)
                } else {
                    HTMLNode.p { t("staff.case.cannotAnswer") }
                }
            },
            contactSteps(t),
            .section(.ariaLabelledBy("h-handle"), .class("case-actions")) {
                HTMLNode.h2(.id("h-handle")) { t("staff.case.handle") }
                if detail.assignee != context.session?.email {
                    form(.take, id: "take-form") {
                        HTMLNode.button(.type("submit"), .class("button")) { t("staff.case.take") }
                    }
                }
                if model.canAssign && !model.assignable.isEmpty {
                    form(.assign, id: "assign-form") {
                        StaffForm.select("email", label: t("staff.case.assignTo"), options: model.assignable, selected: detail.assignee)
                        HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.assign") }
                    }
                }
                form(.reroute, id: "reroute-form") {
                    StaffForm.select("unit", label: t("staff.case.rerouteTo"),
                                     options: model.rerouteUnits.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) },
                                     selected: nil, id: "reroute-unit")
                    StaffForm.textarea("reason", label: t("staff.case.rerouteReason"), id: "reroute-reason", rows: 2)
                    HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.reroute") }
                }
                form(.refer, id: "refer-form") {
                    StaffForm.select("kind", label: t("staff.case.referKind"),
                                     options: CaseOperations.referralKinds.map { ($0, t("staff.case.refer.\($0)")) }, selected: nil, id: "refer-kind")
                    StaffForm.textarea("note", label: t("staff.case.referNote"), id: "refer-note", rows: 2)
                    HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.refer") }
                }
                form(.close, id: "close-form") {
                    StaffForm.textarea("note", label: t("staff.case.closeNote"), id: "close-note", rows: 2)
                    HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.close") }
                }
            },
        ])
    }

    private func noteForm(_ t: Texts) -> HTMLNode {
        .section(.ariaLabelledBy("h-note")) {
            HTMLNode.h2(.id("h-note")) { t("staff.case.note") }
            form(.notes, id: "note-form") {
                StaffForm.textarea("text", label: t("staff.case.noteText"), id: "note-text", required: true, rows: 3)
                HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.case.addNote") }
            }
        }
    }

    private func history(_ t: Texts) -> HTMLNode {
        .section(.ariaLabelledBy("h-history")) {
            HTMLNode.h2(.id("h-history")) { t("staff.case.history") }
            HTMLNode.ol(.class("history"), .id("history")) {
                for event in detail.history {
                    HTMLNode.li(.data("kind", event.kind)) {
                        HTMLNode.span(.class("when")) { StaffForm.date(event.at, in: zone) }
                        " "
                        HTMLNode.strong { t("staff.event.\(event.kind)") }
                        if let actor = event.actorName ?? event.actor { " – \(actor)" }
                        if let detail = event.detail { HTMLNode.div(.class("detail")) { model.recipientNames[detail] ?? detail } }
                    }
                }
            }
        }
    }
}
