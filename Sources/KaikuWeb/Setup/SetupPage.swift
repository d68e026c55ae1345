import KaikuCore

/// The first-start setup form: the organisation and its first
/// administrator, with every problem listed above the form and beside its input.
struct SetupPage {
    var context: PageContext
    var model: SetupModel

    func render() -> String {
        let t = context.t
        return PageLayout(context, title: t("setup.title"), bodyClass: "setup", footer: "setup.footer").render {
            HTMLNode.h1 { t("setup.title") }
            HTMLNode.p(.class("lead")) { t("setup.intro") }
            if !model.summary.isEmpty {
                // Focus moves here when the page loads, so the reader hears what to correct first.
                HTMLNode.div(.id("error-summary"), .class("error-summary"), .role("alert"), .ariaLabelledBy("error-summary-title"),
                             .tabindex(-1), .autofocus) {
                    HTMLNode.h2(.id("error-summary-title")) { t("setup.error.title") }
                    HTMLNode.ul {
                        for problem in model.summary {
                            HTMLNode.li { HTMLNode.a(.href("#" + problem.field.inputID)) { t(problem.key) } }
                        }
                    }
                }
            }
            HTMLNode.form(.method(.post), .action(model.address), .novalidate) {
                HTMLNode.input(.type("hidden"), .name("lang"), .value(context.language.rawValue))
                HTMLNode.h2 { t("setup.organisation.heading") }
                textField(.code, label: t("setup.code.label"), hint: t("setup.code.hint"), attributes: [.autocomplete("off")])
                textField(.nameFi, label: t("setup.nameFi.label"), attributes: [.autocomplete("organization"), .lang("fi")])
                textField(.nameSv, label: t("setup.nameSv.label"), hint: t("setup.nameOther.hint"), attributes: [.lang("sv")])
                textField(.nameEn, label: t("setup.nameEn.label"), hint: t("setup.nameOther.hint"), attributes: [.lang("en")])
                languages()
                textField(.timeZone, label: t("setup.timeZone.label"), hint: t("setup.timeZone.hint"), attributes: [.autocomplete("off")])
                promise()
                HTMLNode.h2 { t("setup.admin.heading") }
                HTMLNode.p(.class("hint")) { t("setup.admin.intro") }
                textField(.adminName, label: t("setup.adminName.label"), attributes: [.autocomplete("name")])
                textField(.adminEmail, label: t("setup.adminEmail.label"), type: "email", attributes: [.autocomplete("username")])
                textField(.adminPassword, label: t("setup.adminPassword.label"), type: "password",
                          hint: t("setup.adminPassword.hint", ["min": String(PasswordPolicy.minimumLength)]), attributes: [.autocomplete("new-password")])
                textField(.adminPasswordAgain, label: t("setup.adminPasswordAgain.label"), type: "password", attributes: [.autocomplete("new-password")])
                HTMLNode.button(.type("submit"), .class("button")) { t("setup.submit") }
            }
        }
    }

    private func fieldError(_ field: SetupField) -> HTMLNode? {
        guard let problem = model.problem(field) else { return nil }
        return .p(.id(field.errorID), .class("field-error")) {
            HTMLNode.span(.class("visually-hidden")) { context.t("form.error.prefix") }
            context.t(problem.key)
        }
    }

    private func textField(_ field: SetupField, label: String, type: String = "text", hint: String? = nil,
                           attributes extra: [HTMLAttribute] = []) -> HTMLNode {
        let hintID = field.rawValue + "-hint"
        var attributes: [HTMLAttribute] = [.type(type), .id(field.inputID), .name(field.rawValue)] + extra
        // A password is never sent back to the browser.
        if type != "password" { attributes.append(.value(model.value(field))) }
        if let describedBy = model.describedBy(field, hints: hint == nil ? [] : [hintID]) { attributes.append(.ariaDescribedBy(describedBy)) }
        if model.problem(field) != nil { attributes.append(.ariaInvalid("true")) }
        return .div(.class(model.problem(field) == nil ? "text-field" : "text-field has-error")) {
            HTMLNode.label(.for(field.inputID), .class("label")) { label }
            if let hint { HTMLNode.p(.id(hintID), .class("hint")) { hint } }
            fieldError(field)
            HTMLNode.input(attributes)
        }
    }

    private func checkbox(id: String, name: String?, checked: Bool, disabled: Bool = false, label: String, lang: String) -> HTMLNode {
        var attributes: [HTMLAttribute] = [.type("checkbox"), .id(id), .value("yes")]
        if let name { attributes.append(.name(name)) }
        if checked { attributes.append(.checked) }
        if disabled { attributes.append(.disabled) }
        return .div(.class("option")) {
            HTMLNode.input(attributes)
            HTMLNode.label(.for(id), .lang(lang)) { label }
        }
    }

    private func languages() -> HTMLNode {
        let t = context.t
        let catalogue = context.catalogue
        return .fieldset(.class("question"), .ariaDescribedBy("languages-hint")) {
            HTMLNode.legend { t("setup.languages.legend") }
            HTMLNode.p(.id("languages-hint"), .class("hint")) { t("setup.languages.hint") }
            // Finnish is always offered: shown, ticked and fixed, and not posted.
            checkbox(id: "offerFi", name: nil, checked: true, disabled: true, label: catalogue.text("language.name", .fi), lang: "fi")
            checkbox(id: SetupField.offerSv.inputID, name: SetupField.offerSv.rawValue, checked: model.isChecked(.offerSv),
                     label: catalogue.text("language.name", .sv), lang: "sv")
            checkbox(id: SetupField.offerEn.inputID, name: SetupField.offerEn.rawValue, checked: model.isChecked(.offerEn),
                     label: catalogue.text("language.name", .en), lang: "en")
        }
    }

    private func promise() -> HTMLNode {
        let t = context.t
        let field = SetupField.promiseIn
        return .fieldset(.class(model.problem(field) == nil ? "question" : "question has-error"), .ariaDescribedBy("promise-hint")) {
            HTMLNode.legend { t("setup.promise.legend") }
            HTMLNode.p(.id("promise-hint"), .class("hint")) { t("setup.promise.hint") }
            textField(.promiseDays, label: t("setup.promiseDays.label"),
                      attributes: [.inputmode("numeric"), .class("short"), .maxlength(2), .autocomplete("off")])
            fieldError(field)
            for unit in OrganisationDraft.promiseUnits {
                radio(field, value: unit, label: unit == "workingDays" ? t("setup.promiseIn.workingDays") : t("setup.promiseIn.calendarDays"))
            }
        }
    }

    private func radio(_ field: SetupField, value: String, label: String) -> HTMLNode {
        let id = "\(field.rawValue)-\(value)"
        var attributes: [HTMLAttribute] = [.type("radio"), .id(id), .name(field.rawValue), .value(value)]
        if model.isChecked(field, value) { attributes.append(.checked) }
        if model.problem(field) != nil {
            attributes.append(.ariaInvalid("true"))
            attributes.append(.ariaDescribedBy(field.errorID))
        }
        return .div(.class("option")) {
            HTMLNode.input(attributes)
            HTMLNode.label(.for(id)) { label }
        }
    }
}
