import Foundation
import KaikuCore

/// `/staff/ideas/{id}`: one idea, its comments and a form to comment; for
/// administrators and its owner also the handling form (status, owner,
/// category). A status step e-mails a note to the submitter.
struct IdeaPage {
    var context: PageContext
    var model: IdeaModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.idea(.value(model.id)))), title: model.title).render {
            HTMLNode.p { HTMLNode.a(.href(.staff(.ideas))) { t("staff.ideas.back") } }
            HTMLNode.h1 { model.title }
            if let notice = model.notice { HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) { t(notice) } }
            if let problem = model.problem {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: "f-\(problem.field)", message: t(problem.messageKey))
            }
            details
            HTMLNode.div(.class("open-text"), .id("idea-description")) { model.description }
            if let handling = model.handling { handlingForm(handling) }
            comments
        }
    }

    private var details: HTMLNode {
        let t = context.t
        let submitter = model.submitter.map { model.mine ? t("staff.ideas.byYou") : $0 } ?? t("staff.ideas.anonymous")
        let rows: [(String, String, String)] = [
            ("status", t("staff.ideas.field.status"), t("staff.ideas.status.\(model.status.rawValue)")),
            ("category", t("staff.ideas.field.category"), model.category),
            ("unit", t("staff.ideas.field.unit"), model.unit),
            ("submitted", t("staff.ideas.field.submitted"), model.submitted),
            ("submitter", t("staff.ideas.field.submitter"), submitter + (model.mine && model.anonymous ? " " + t("staff.ideas.anonymousToOthers") : "")),
            ("owner", t("staff.ideas.field.owner"), model.owner ?? t("staff.ideas.noOwner")),
        ]
        return .dl(.class("idea-details"), .id("idea-details"), .data("status", model.status.rawValue)) {
            for (key, label, value) in rows {
                HTMLNode.dt { label }
                HTMLNode.dd(.id("idea-\(key)")) { value }
            }
        }
    }

    private func handlingForm(_ handling: IdeaModel.Handling) -> HTMLNode {
        let t = context.t
        let statuses = handling.statuses.map { ($0.rawValue, t("staff.ideas.status.\($0.rawValue)")) }
        let owners = (model.ownerID == nil ? [("", t("staff.ideas.noOwner"))] : []) + handling.owners.map { ($0.id, $0.name) }
        return .section(.ariaLabelledBy("h-handling"), .id("handling"), .class("idea-handling")) {
            HTMLNode.h2(.id("h-handling")) { t("staff.ideas.handling") }
            HTMLNode.p(.class("hint")) { t("staff.ideas.handling.hint") }
            HTMLNode.form(.method(.post), .action(.staff(.ideaAction(.value(model.id), .handle))), .id("handle-form")) {
                context.csrfField
                select("status", label: t("staff.ideas.field.status"), options: statuses, selected: model.status.rawValue)
                select("owner", label: t("staff.ideas.field.owner"), options: owners, selected: model.ownerID?.uuidString ?? "")
                select("category", label: t("staff.ideas.field.category"), options: handling.categories.map { ($0.code, $0.name) },
                       selected: model.categoryCode)
                HTMLNode.button(.type("submit"), .class("button")) { t("staff.ideas.save") }
            }
        }
    }

    private func select(_ name: String, label: String, options: [(String, String)], selected: String) -> HTMLNode {
        let id = "f-\(name)"
        let invalid = model.problem?.field == name
        return .div(.class("field" + (invalid ? " has-error" : ""))) {
            HTMLNode.label(.for(id)) { label }
            if invalid { error(name) }
            HTMLNode.select([.id(id), .name(name)] + (invalid ? [.ariaInvalid("true"), .ariaDescribedBy("\(id)-error")] : [])) {
                for (value, text) in options {
                    HTMLNode.option(value == selected ? [.value(value), .selected] : [.value(value)]) { text }
                }
            }
        }
    }

    private var comments: HTMLNode {
        let t = context.t
        let invalid = model.problem?.field == "comment"
        return .section(.ariaLabelledBy("h-comments"), .id("comments")) {
            HTMLNode.h2(.id("h-comments")) { t("staff.ideas.comments") }
            if model.comments.isEmpty {
                HTMLNode.p(.id("comments-empty")) { t("staff.ideas.comments.empty") }
            } else {
                HTMLNode.ul(.class("plain-list"), .id("comment-list")) {
                    for comment in model.comments {
                        HTMLNode.li(.class("note-card")) {
                            HTMLNode.p(.class("hint")) {
                                HTMLNode.strong { comment.author }
                                " · " + comment.written
                            }
                            HTMLNode.div(.class("open-text")) { comment.text }
                        }
                    }
                }
            }
            HTMLNode.form(.method(.post), .action(.staff(.ideaAction(.value(model.id), .comment))), .id("comment-form"), .novalidate) {
                context.csrfField
                HTMLNode.div(.class("field" + (invalid ? " has-error" : ""))) {
                    HTMLNode.label(.for("f-comment")) { t("staff.ideas.field.comment") }
                    HTMLNode.p(.id("f-comment-hint"), .class("hint")) { t("staff.ideas.hint.comment", ["max": String(IdeaText.maxCommentLength)]) }
                    if invalid { error("comment") }
                    HTMLNode.textarea([.id("f-comment"), .name("text"), .rows(4), .maxlength(IdeaText.maxCommentLength), .required,
                                       .ariaDescribedBy("f-comment-hint" + (invalid ? " f-comment-error" : ""))]
                                      + (invalid ? [.ariaInvalid("true")] : [])) { model.draftComment }
                }
                HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.ideas.addComment") }
            }
        }
    }

    private func error(_ field: String) -> HTMLNode {
        .p(.id("f-\(field)-error"), .class("field-error")) {
            HTMLNode.span(.class("visually-hidden")) { context.t("form.error.prefix") }
            context.t(model.problem?.messageKey ?? "staff.ideas.error.status")
        }
    }
}
