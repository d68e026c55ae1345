import Foundation
import KaikuCore

/// `/figures`: every organisation's units as a nested list, each linking to
/// its figures page, so that the pages can be found without knowing a code.
struct PublicFiguresIndexPage {
    var context: PageContext
    var model: PublicFiguresIndexModel

    func render() -> String {
        let t = context.t
        return PageLayout(context, title: t("figures.index.title")).render {
            HTMLNode.h1 { t("figures.index.title") }
            HTMLNode.p(.class("lead")) { t("figures.index.lead") }
            for organisation in model.organisations {
                HTMLNode.h2 { organisation.name }
                list(organisation, parent: nil)
            }
        }
    }

    private func list(_ organisation: PublicFiguresIndexModel.Organisation, parent: String?) -> HTMLNode? {
        guard let units = organisation.children[parent], !units.isEmpty else { return nil }
        return .ul(.class("unit-tree")) {
            for unit in units {
                HTMLNode.li {
                    HTMLNode.a(.href(unit.href)) { unit.name }
                    list(organisation, parent: unit.code)
                }
            }
        }
    }
}
