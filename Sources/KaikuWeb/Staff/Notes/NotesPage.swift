import Foundation
import KaikuCore

/// `/staff/notes?unit=CODE` and `/staff/notes/{id}`: a unit's "what we did"
/// notes. The form writes a new note (or edits the chosen one), the list
/// below publishes, withdraws, edits and removes them.
struct NotesPage {
    var context: PageContext
    var model: NotesModel

    func render() -> String {
        let t = context.t
        let title = t("staff.notes.title", ["unit": model.unitName])
        let here: SiteURL = model.editing.map { .staff(.note(.value($0))) } ?? .staff(.notes)
        return StaffLayout(context.at(here, model.editing == nil ? [("unit", model.unitCode)] : []), title: title).render {
            HTMLNode.h1 { title }
            if let notice = model.notice { HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) { t(notice) } }
            if let problem = model.problem, let field = model.errorField {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: field, message: message(problem))
            }
            HTMLNode.p(.class("hint")) { t("staff.notes.intro", ["max": String(UnitNoteText.maxLength)]) }
            HTMLNode.p { HTMLNode.a(.href(model.publicPage)) { t("staff.notes.publicPage", ["unit": model.unitName]) } }
            if model.closed { HTMLNode.p(.class("notice panel"), .id("closed")) { t("staff.notes.closed") } }
            if model.editing == nil { unitChooser() }
            form()
            list()
        }
    }

    private func unitChooser() -> HTMLNode {
        let t = context.t
        let units = model.unitOptions.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }
        return .form(.method(.get), .action(.staff(.notes)), .class("filters no-print"), .ariaLabel(t("staff.notes.chooseUnit"))) {
            HTMLNode.input(.type("hidden"), .name("lang"), .value(context.language.rawValue))
            StaffForm.select("unit", label: t("dashboard.unit"), options: units, selected: model.unitCode)
            HTMLNode.button(.type("submit"), .class("button secondary")) { t("dashboard.show") }
        }
    }

    private func form() -> HTMLNode {
        let t = context.t
        let action: SiteURL = model.editing.map { .staff(.note(.value($0))) } ?? .staff(.notes)
        return .section(.ariaLabelledBy("h-note-form")) {
            HTMLNode.h2(.id("h-note-form")) { t(model.editing == nil ? "staff.notes.new" : "staff.notes.edit") }
            HTMLNode.form(.method(.post), .action(action), .id("note-form"), .novalidate) {
                context.csrfField
                HTMLNode.input(.type("hidden"), .name("unit"), .value(model.unitCode))
                textBox(.fi, label: t("staff.notes.text.fi"), value: model.draft.fi, required: true)
                textBox(.sv, label: t("staff.notes.text.sv"), value: model.draft.sv, required: false)
                textBox(.en, label: t("staff.notes.text.en"), value: model.draft.en, required: false)
                if model.editing == nil {
                    HTMLNode.div(.class("option")) {
                        HTMLNode.input([.type("checkbox"), .id("f-publish"), .name("publish"), .value("true")] + (model.draft.publish ? [.checked] : []))
                        HTMLNode.label(.for("f-publish")) { t("staff.notes.publishNow") }
                    }
                }
                HTMLNode.div(.class("review-buttons")) {
                    HTMLNode.button(.type("submit"), .class("button")) { t(model.editing == nil ? "staff.notes.add" : "staff.notes.save") }
                    if model.editing != nil {
                        HTMLNode.a(.href(SiteURL.staff(.notes).url([("unit", model.unitCode)])), .class("button secondary")) { t("staff.notes.cancel") }
                    }
                }
            }
        }
    }

    private func textBox(_ language: Language, label: String, value: String, required: Bool) -> HTMLNode {
        let t = context.t
        let id = "f-\(language.rawValue)"
        let invalid = model.problem?.language == language
        let described = ["\(id)-hint"] + (invalid ? ["\(id)-error"] : [])
        return .div(.class("field" + (invalid ? " has-error" : ""))) {
            HTMLNode.label(.for(id)) { label }
            HTMLNode.p(.id("\(id)-hint"), .class("hint")) {
                t(required ? "staff.notes.hint.required" : "staff.notes.hint.optional", ["max": String(UnitNoteText.maxLength)])
            }
            if invalid, let problem = model.problem {
                HTMLNode.p(.id("\(id)-error"), .class("field-error")) {
                    HTMLNode.span(.class("visually-hidden")) { t("form.error.prefix") }
                    message(problem)
                }
            }
            HTMLNode.textarea([.id(id), .name(language.rawValue), .rows(4), .maxlength(UnitNoteText.maxLength), .lang(language.rawValue),
                               .ariaDescribedBy(described.joined(separator: " "))]
                              + (required ? [.required] : []) + (invalid ? [.ariaInvalid("true")] : [])) { value }
        }
    }

    private func list() -> HTMLNode {
        let t = context.t
        return .section(.ariaLabelledBy("h-notes")) {
            HTMLNode.h2(.id("h-notes")) { t("staff.notes.list") }
            if model.notes.isEmpty {
                HTMLNode.p { t("staff.notes.empty") }
            } else {
                HTMLNode.ul(.class("plain-list"), .id("notes")) {
                    for note in model.notes { item(note) }
                }
            }
        }
    }

    private func item(_ note: NotesModel.Note) -> HTMLNode {
        let t = context.t
        let state = note.published.map { t("staff.notes.published", ["date": $0]) } ?? t("staff.notes.draft", ["date": note.written])
        return .li(.class("note-card"), .data("note", note.id.uuidString), .data("state", note.published == nil ? "draft" : "published")) {
            HTMLNode.p(.class("hint")) { HTMLNode.strong { state } }
            HTMLNode.div(.class("open-text"), .lang("fi")) { note.text.fi }
            if let sv = note.text.sv { HTMLNode.div(.class("open-text"), .lang("sv")) { sv } }
            if let en = note.text.en { HTMLNode.div(.class("open-text"), .lang("en")) { en } }
            HTMLNode.div(.class("review-buttons")) {
                HTMLNode.a(.href(.staff(.note(.value(note.id)))), .class("button secondary")) {
                    t("staff.notes.editButton")
                    HTMLNode.span(.class("visually-hidden")) { " " + t("staff.notes.written", ["date": note.written]) }
                }
                button(note, note.published == nil ? .publish : .withdraw, note.published == nil ? "staff.notes.publish" : "staff.notes.withdraw")
                button(note, .delete, "staff.notes.delete")
            }
        }
    }

    private func button(_ note: NotesModel.Note, _ action: SiteURL.NoteFormAction, _ key: String) -> HTMLNode {
        .form(.method(.post), .action(.staff(.noteAction(.value(note.id), action))), .class("inline")) {
            context.csrfField
            HTMLNode.button(.type("submit"), .class("button secondary")) {
                context.t(key)
                HTMLNode.span(.class("visually-hidden")) { " " + context.t("staff.notes.written", ["date": note.written]) }
            }
        }
    }

    private func message(_ problem: UnitNoteText.Problem) -> String {
        let message = NotesModel.message(problem)
        return context.t(message.key, message.arguments)
    }
}
