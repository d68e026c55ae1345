import Foundation
import KaikuCore

/// `/staff/admin/referral-texts`: the instructions a customer gets when a
/// case is referred to a formal complaint, an incident report or the
/// ombudsman — one form per kind and language.
struct ReferralTextsPage {
    var context: PageContext
    var model: ReferralTextsModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.adminReferralTexts)), title: t("admin.referrals.title")).render {
            HTMLNode.p { HTMLNode.a(.href(.staff(.adminTemplates))) { t("admin.referrals.back") } }
            HTMLNode.h1 { t("admin.referrals.title") }
            HTMLNode.p(.class("lead")) { t("admin.referrals.lead") }
            if model.saved != nil { HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) { t("admin.referrals.saved") } }
            if let problem = model.problem {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: "f-\(problem.key)-\(problem.field)", message: message(problem.field))
            }
            for kind in CaseOperations.referralKinds {
                HTMLNode.section(.ariaLabelledBy("kind-\(kind)")) {
                    HTMLNode.h2(.id("kind-\(kind)")) { kindName(kind) }
                    for entry in model.entries where entry.kind == kind { form(entry) }
                }
            }
        }
    }

    private func kindName(_ kind: String) -> String {
        switch kind {
        case "complaint": context.t("admin.referrals.kind.complaint")
        case "incident": context.t("admin.referrals.kind.incident")
        default: context.t("admin.referrals.kind.ombudsman")
        }
    }

    private func languageName(_ language: Language) -> String {
        switch language {
        case .fi: context.t("admin.settings.language.fi")
        case .sv: context.t("admin.settings.language.sv")
        case .en: context.t("admin.settings.language.en")
        }
    }

    private func message(_ field: String) -> String {
        field == "url" ? context.t("admin.referrals.error.url") : context.t("admin.referrals.error.text")
    }

    private func form(_ entry: ReferralTextsModel.Entry) -> HTMLNode {
        let t = context.t
        let invalid = model.problem?.key == entry.key ? model.problem?.field : nil
        func attributes(_ field: String, hint: String?) -> [HTMLAttribute] {
            let ids = [hint, invalid == field ? "f-\(entry.key)-\(field)-error" : nil].compactMap { $0 }
            return (ids.isEmpty ? [] : [.ariaDescribedBy(ids.joined(separator: " "))]) + (invalid == field ? [.ariaInvalid("true")] : [])
        }
        func error(_ field: String) -> HTMLNode? {
            guard invalid == field else { return nil }
            return .p(.id("f-\(entry.key)-\(field)-error"), .class("field-error")) {
                HTMLNode.span(.class("visually-hidden")) { t("form.error.prefix") }
                message(field)
            }
        }
        return .form(.method(.post), .action(.staff(.adminReferralTexts)), .id(entry.key), .class("referral")) {
            HTMLNode.h3 { languageName(entry.language) }
            context.csrfField
            HTMLNode.input(.type("hidden"), .name("kind"), .value(entry.kind))
            HTMLNode.input(.type("hidden"), .name("language"), .value(entry.language.rawValue))
            HTMLNode.div(.class("field" + (invalid == "text" ? " has-error" : ""))) {
                HTMLNode.label(.for("f-\(entry.key)-text")) { t("admin.referrals.text", ["language": languageName(entry.language)]) }
                HTMLNode.p(.id("f-\(entry.key)-text-hint"), .class("hint")) {
                    entry.isStandard ? t("admin.referrals.standard") : t("admin.referrals.own")
                }
                error("text")
                HTMLNode.textarea([.id("f-\(entry.key)-text"), .name("text"), .rows(8), .maxlength(4000)]
                                  + attributes("text", hint: "f-\(entry.key)-text-hint")) { entry.text }
            }
            HTMLNode.div(.class("field" + (invalid == "url" ? " has-error" : ""))) {
                HTMLNode.label(.for("f-\(entry.key)-url")) { t("admin.referrals.url") }
                error("url")
                HTMLNode.input([.type("url"), .id("f-\(entry.key)-url"), .name("url"), .value(entry.url), .maxlength(500)] + attributes("url", hint: nil))
            }
            HTMLNode.button(.type("submit"), .class("button")) { t("admin.referrals.save", ["language": languageName(entry.language)]) }
        }
    }
}
