import Foundation
import KaikuCore

/// `/staff/admin/branding`: a preview of the band residents see, the form
/// for the printed names and colour, and the logo's upload and removal —
/// three plain forms that work without JavaScript.
struct BrandingPage {
    var context: PageContext
    var model: BrandingModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context, title: t("admin.branding.title")).render {
            HTMLNode.h1 { t("admin.branding.title") }
            HTMLNode.p(.class("lead")) { t("admin.branding.intro") }
            if let notice = model.notice {
                HTMLNode.p(.id("notice"), .class("notice panel"), .role("status")) { t("admin.branding.notice.\(notice.rawValue)") }
            }
            if let refusal = model.refusal {
                HTMLNode.errorSummary(title: t("form.error.title"), fieldID: "f-\(refusal.field)", message: refusal.message(t))
            }
            HTMLNode.h2 { t("admin.branding.preview") }
            HTMLNode.div(.class("branding-preview")) { BrandMark.band(model.brand, language: context.language) }
            namesAndColour()
            logo()
        }
    }

    private func namesAndColour() -> HTMLNode {
        let t = context.t
        return .form(.method(.post), .action(.staff(.adminBranding)), .id("branding-form"), .novalidate) {
            context.csrfField
            HTMLNode.h2 { t("admin.branding.names") }
            for (name, language) in [("nameFi", Language.fi), ("nameSv", .sv), ("nameEn", .en)] {
                field(name, label: t("admin.branding.name.\(language.rawValue)"),
                      hint: t("admin.branding.name.hint", ["name": model.ownName[language]]), extra: [.maxlength(BrandingRefusal.maximumNameLength)])
            }
            field("colour", label: t("admin.branding.colour"), hint: t("admin.branding.colour.hint"),
                  extra: [.maxlength(7), .autocomplete("off"), .attr("spellcheck", "false")])
            HTMLNode.button(.type("submit"), .class("button")) { t("admin.branding.save") }
        }
    }

    private func field(_ name: String, label: String, hint: String, extra: [HTMLAttribute]) -> HTMLNode {
        let t = context.t
        guard model.isInvalid(name), let refusal = model.refusal else {
            return StaffForm.input(name, type: "text", label: label, value: model.value(name), hint: hint, extra: extra)
        }
        return .div(.class("field has-error")) {
            HTMLNode.label(.for("f-\(name)")) { label }
            HTMLNode.p(.id("f-\(name)-hint"), .class("hint")) { hint }
            HTMLNode.p(.id("f-\(name)-error"), .class("field-error")) {
                HTMLNode.span(.class("visually-hidden")) { t("form.error.prefix") }
                refusal.message(t)
            }
            HTMLNode.input([.type("text"), .id("f-\(name)"), .name(name), .value(model.value(name)), .ariaInvalid("true"),
                            .ariaDescribedBy("f-\(name)-hint f-\(name)-error")] + extra)
        }
    }

    private func logo() -> HTMLNode {
        let t = context.t
        var file: [HTMLAttribute] = [.type("file"), .id("f-logo"), .name("logo"), .attr("accept", "image/png,image/jpeg"), .required,
                                     .ariaDescribedBy(model.isInvalid("logo") ? "f-logo-hint f-logo-error" : "f-logo-hint")]
        if model.isInvalid("logo") { file.append(.ariaInvalid("true")) }
        return .section(.ariaLabelledBy("logo-heading")) {
            HTMLNode.h2(.id("logo-heading")) { t("admin.branding.logo") }
            if let url = BrandMark.logoURL(model.brand) {
                HTMLNode.p { t("admin.branding.logo.current") }
                HTMLNode.p { HTMLNode.img(.class("branding-logo"), .src(url), .alt(model.brand.name[context.language])) }
                HTMLNode.form(.method(.post), .action(.staff(.adminBrandingLogoRemove)), .id("logo-remove-form")) {
                    context.csrfField
                    HTMLNode.button(.type("submit"), .class("button secondary")) { t("admin.branding.logo.remove") }
                }
            } else {
                HTMLNode.p { t("admin.branding.logo.none") }
            }
            HTMLNode.form(.method(.post), .action(.staff(.adminBrandingLogo)), .attr("enctype", "multipart/form-data"), .id("logo-form")) {
                context.csrfField
                HTMLNode.div(.class(model.isInvalid("logo") ? "field has-error" : "field")) {
                    HTMLNode.label(.for("f-logo")) { t("admin.branding.logo.file") }
                    HTMLNode.p(.id("f-logo-hint"), .class("hint")) {
                        t("admin.branding.logo.hint", ["size": String(LogoImage.maximumBytes / 1024), "side": String(LogoImage.maximumSide)])
                    }
                    if model.isInvalid("logo"), let refusal = model.refusal {
                        HTMLNode.p(.id("f-logo-error"), .class("field-error")) {
                            HTMLNode.span(.class("visually-hidden")) { t("form.error.prefix") }
                            refusal.message(t)
                        }
                    }
                    HTMLNode.input(file)
                }
                HTMLNode.button(.type("submit"), .class("button")) { t("admin.branding.logo.upload") }
            }
        }
    }
}
