import Foundation
import KaikuCore

/// `/staff/admin/targets/new` and `/staff/admin/targets/{code}`: one
/// target's names in each language, its unit, search words and whether it
/// takes feedback. Errors are listed first, each linked to its field.
struct TargetFormPage {
    var context: PageContext
    var model: TargetFormModel

    private var address: SiteURL {
        model.editing.map { .staff(.adminTarget(.value($0))) } ?? .staff(.adminTargetNew)
    }

    func render() -> String {
        let t = context.t
        let title = model.editing == nil ? t("staff.admin.targets.newTitle")
            : t("staff.admin.targets.editTitle", ["target": model.form.fields.name[context.language]])
        return StaffLayout(context.at(address), title: title).render {
            HTMLNode.p { HTMLNode.a(.href(.staff(.adminTargets))) { t("staff.admin.targets.back") } }
            HTMLNode.h1 { title }
            if model.saved {
                HTMLNode.p(.id("notice"), .class("notice"), .role("status")) { t("staff.admin.targets.saved") }
            }
            if !model.orderedErrors.isEmpty { errorSummary }
            if let links = model.links {
                HTMLNode.p(.class("link-row")) {
                    HTMLNode.a(.href(links.form)) { t("staff.admin.targets.openForm") }
                    " "
                    HTMLNode.a(.href(links.card)) { t("staff.admin.targets.card") }
                }
            }
            form
        }
    }

    private var errorSummary: HTMLNode {
        let t = context.t
        return .div(.class("error-summary"), .id("error-summary"), .role("alert"), .tabindex(-1)) {
            HTMLNode.h2 { t("staff.admin.targets.errorsTitle") }
            HTMLNode.ul {
                for error in model.orderedErrors {
                    HTMLNode.li { HTMLNode.a(.href("#\(error.input)")) { t("staff.admin.targets.error.\(error.key)") } }
                }
            }
        }
    }

    private var form: HTMLNode {
        let t = context.t
        let form = model.form
        let units = model.units.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }
        return .form(.method(.post), .action(address), .id("target-form")) {
            context.csrfField
            if let code = model.editing {
                HTMLNode.p { t("staff.admin.targets.codeIs", ["code": code]) }
            } else {
                field("code", input: "f-code", label: t("staff.admin.targets.code"), value: form.code ?? "",
                      hint: t("staff.admin.targets.codeHint"), extra: [.maxlength(TargetFields.maxCodeLength), .required, .autocomplete("off")])
            }
            selectField(units: units)
            field("name.fi", input: "f-nameFi", name: "nameFi", label: t("staff.admin.targets.nameFi"), value: form.nameFi ?? "",
                  extra: [.maxlength(TargetFields.maxNameLength), .required, .attr("lang", "fi")])
            field("name.sv", input: "f-nameSv", name: "nameSv", label: t("staff.admin.targets.nameSv"), value: form.nameSv ?? "",
                  hint: t("staff.admin.targets.nameHint"), extra: [.maxlength(TargetFields.maxNameLength), .attr("lang", "sv")])
            field("name.en", input: "f-nameEn", name: "nameEn", label: t("staff.admin.targets.nameEn"), value: form.nameEn ?? "",
                  hint: t("staff.admin.targets.nameHint"), extra: [.maxlength(TargetFields.maxNameLength), .attr("lang", "en")])
            field("keywords", input: "f-keywords", label: t("staff.admin.targets.keywords"), value: form.keywords ?? "",
                  hint: t("staff.admin.targets.keywordsHint"), extra: [.maxlength(TargetFields.maxKeywordsLength)])
            HTMLNode.div(.class("field")) {
                HTMLNode.div(.class("field checkbox")) {
                    HTMLNode.input([.id("f-active"), .type("checkbox"), .name("active"), .value("1"), .ariaDescribedBy("f-active-hint")]
                                   + (form.active == "1" ? [.checked] : []))
                    HTMLNode.label(.for("f-active")) { t("staff.admin.targets.active") }
                }
                HTMLNode.p(.id("f-active-hint"), .class("hint")) { t("staff.admin.targets.activeHint") }
            }
            HTMLNode.button(.type("submit"), .class("button")) {
                model.editing == nil ? t("staff.admin.targets.create") : t("staff.admin.targets.save")
            }
        }
    }

    /// A text input with its hint and, when refused, its error, both read with it.
    private func field(_ field: String, input id: String, name: String? = nil, label: String, value: String, hint: String? = nil,
                       extra: [HTMLAttribute] = []) -> HTMLNode {
        let error = model.errors[field].map { context.t("staff.admin.targets.error.\($0)") }
        let described = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        var attributes: [HTMLAttribute] = [.type("text"), .id(id), .name(name ?? field), .value(value)] + extra
        if !described.isEmpty { attributes.append(.ariaDescribedBy(described.joined(separator: " "))) }
        if error != nil { attributes.append(.ariaInvalid("true")) }
        return .div(.class(error == nil ? "field" : "field invalid")) {
            HTMLNode.label(.for(id)) { label }
            if let hint { HTMLNode.p(.id("\(id)-hint"), .class("hint")) { hint } }
            if let error { HTMLNode.p(.id("\(id)-error"), .class("error")) { error } }
            HTMLNode.input(attributes)
        }
    }

    private func selectField(units: [(String, String)]) -> HTMLNode {
        let t = context.t
        let error = model.errors["unit"].map { t("staff.admin.targets.error.\($0)") }
        var attributes: [HTMLAttribute] = [.id("f-unit"), .name("unit")]
        if error != nil { attributes += [.ariaDescribedBy("f-unit-error"), .ariaInvalid("true")] }
        return .div(.class(error == nil ? "field" : "field invalid")) {
            HTMLNode.label(.for("f-unit")) { t("staff.admin.targets.unit") }
            if let error { HTMLNode.p(.id("f-unit-error"), .class("error")) { error } }
            HTMLNode.select(attributes) {
                for (value, text) in units {
                    HTMLNode.option(value == model.form.unit ? [.value(value), .selected] : [.value(value)]) { text }
                }
            }
        }
    }
}
