import Foundation
import KaikuCore

/// The posters page's two GET forms, which work without JavaScript: first
/// the unit (its targets all ticked), then which of its targets to print,
/// how many cards on a sheet, and whether each card is in two languages.
struct PostersChoices {
    var context: PageContext
    var model: PostersModel

    func render() -> HTMLNode {
        let t = context.t
        return .div(.class("poster-choices")) {
            if model.unitOptions.count > 1 {
                HTMLNode.form(.method(.get), .action(.staff(.posters)), .id("poster-unit-form"), .class("inline-form")) {
                    StaffForm.select("unit", label: t("staff.posters.unit"),
                                     options: model.unitOptions.map { ($0.code, String(repeating: "\u{2003}", count: $0.depth) + $0.name) },
                                     selected: model.unitCode)
                    HTMLNode.button(.type("submit"), .class("button secondary")) { t("staff.posters.chooseUnit") }
                }
            }
            HTMLNode.form(.method(.get), .action(.staff(.posters)), .id("poster-form")) {
                HTMLNode.input(.type("hidden"), .name("unit"), .value(model.unitCode))
                if !model.choices.isEmpty { targets() }
                HTMLNode.fieldset(.class("question")) {
                    HTMLNode.legend { t("staff.posters.layout") }
                    for layout in PostersModel.Layout.allCases {
                        HTMLNode.div(.class("option")) {
                            HTMLNode.input([.type("radio"), .id("f-layout-\(layout.rawValue)"), .name("layout"), .value(layout.rawValue)]
                                           + (model.layout == layout ? [.checked] : []))
                            HTMLNode.label(.for("f-layout-\(layout.rawValue)")) { t("staff.posters.layout.\(layout.rawValue)") }
                        }
                    }
                }
                if model.bilingualLanguages.count == 2 {
                    HTMLNode.div(.class("option")) {
                        HTMLNode.input([.type("checkbox"), .id("f-bilingual"), .name("bilingual"), .value("on")] + (model.isBilingual ? [.checked] : []))
                        HTMLNode.label(.for("f-bilingual")) {
                            t("staff.posters.bilingual", ["first": language(model.bilingualLanguages[0]), "second": language(model.bilingualLanguages[1])])
                        }
                    }
                }
                HTMLNode.button(.type("submit"), .class("button")) { t("staff.posters.show") }
            }
        }
    }

    private func targets() -> HTMLNode {
        let t = context.t
        return .fieldset(.class("question poster-targets")) {
            HTMLNode.legend { t("staff.posters.targets") }
            HTMLNode.p(.id("f-pick-hint"), .class("hint")) { t("staff.posters.targets.hint") }
            for (index, choice) in model.choices.enumerated() {
                HTMLNode.div(.class("option")) {
                    HTMLNode.input([.type("checkbox"), .id("f-pick-\(index)"), .name("pick[]"), .value(choice.code)] + (choice.picked ? [.checked] : []))
                    HTMLNode.label(.for("f-pick-\(index)")) { choice.name }
                }
            }
        }
    }

    /// A language's name in the page's language, as the settings page writes it.
    private func language(_ language: Language) -> String {
        context.t("staff.posters.language.\(language.rawValue)")
    }
}
