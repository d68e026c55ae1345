import KaikuCore

/// The labelled inputs of the pages of coded names: a code and the fi/sv/en names, each
/// linked with aria-describedby to its hint and, when it is the refused one, to its error.
struct CodedNameFields {
    var context: PageContext
    var problem: CodedNameProblem?

    /// The id of a field, for labels and the error summary's links.
    static func id(form: String, field: String) -> String {
        form == CodedNameProblem.addForm ? "f-add-\(field)" : "f-rename-\(form)-\(field)"
    }

    func field(form: String, name: String, label: String, value: String, hint: String? = nil, maxLength: Int) -> HTMLNode {
        let t = context.t
        let id = Self.id(form: form, field: name)
        let invalid = problem?.form == form && problem?.field == name
        let described = [hint.map { _ in "\(id)-hint" }, invalid ? "\(id)-error" : nil].compactMap { $0 }
        var attributes: [HTMLAttribute] = [.type("text"), .id(id), .name(name), .value(value), .maxlength(maxLength)]
        if !described.isEmpty { attributes.append(.ariaDescribedBy(described.joined(separator: " "))) }
        if invalid { attributes.append(.ariaInvalid("true")) }
        return .div(.class("field" + (invalid ? " has-error" : ""))) {
            HTMLNode.label(.for(id)) { label }
            if let hint { HTMLNode.p(.id("\(id)-hint"), .class("hint")) { hint } }
            if invalid, let problem {
                HTMLNode.p(.id("\(id)-error"), .class("field-error")) {
                    HTMLNode.span(.class("visually-hidden")) { t("form.error.prefix") }
                    t(problem.messageKey)
                }
            }
            HTMLNode.input(attributes)
        }
    }

    /// The add form's code field.
    func codeField(value: String, hint: String) -> HTMLNode {
        field(form: CodedNameProblem.addForm, name: "code", label: context.t("admin.themes.code"), value: value, hint: hint,
              maxLength: OwnThemeRules.codeLength.upperBound)
    }

    func nameFields(form: String, name: LocalizedText) -> [HTMLNode] {
        let t = context.t
        return [
            field(form: form, name: "fi", label: t("admin.themes.name.fi"), value: name.fi, maxLength: OwnThemeRules.maxNameLength),
            field(form: form, name: "sv", label: t("admin.themes.name.sv"), value: name.sv, maxLength: OwnThemeRules.maxNameLength),
            field(form: form, name: "en", label: t("admin.themes.name.en"), value: name.en, maxLength: OwnThemeRules.maxNameLength),
        ]
    }

    /// The error summary at the top of the page, linking to the refused field.
    var errorSummary: HTMLNode? {
        guard let problem else { return nil }
        return .errorSummary(title: context.t("form.error.title"), fieldID: Self.id(form: problem.form, field: problem.field),
                             message: context.t(problem.messageKey))
    }
}
