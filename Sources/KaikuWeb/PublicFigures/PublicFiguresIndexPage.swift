import Foundation
import KaikuCore
import KaikuStore

/// `/figures`: every organisation's units as a nested list, each linking to
/// its figures page, so that the pages can be found without knowing a code.
struct PublicFiguresIndexPage {
    struct OrganisationTree {
        var code: String
        var name: String
        /// Unit codes and names by parent code, `nil` for the roots, in name order.
        var children: [String?: [(code: String, name: String)]]

        init(code: String, name: String, units: [OrgUnit], language: Language) {
            self.code = code
            self.name = name
            let codes = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.code) })
            var children: [String?: [(code: String, name: String)]] = [:]
            for unit in units {
                children[unit.parentID.flatMap { codes[$0] }, default: []].append((unit.code, unit.name[language]))
            }
            self.children = children.mapValues { $0.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending } }
        }
    }

    var organisations: [OrganisationTree]
    var language: Language
    var catalogue: Catalogue

    func render() -> String {
        let t = { (key: String) in catalogue.text(key, language) }
        let layout = PageLayout(language: language, title: t("figures.index.title"), catalogue: catalogue, path: "/figures")
        return layout.render {
            HTMLNode.h1 { t("figures.index.title") }
            HTMLNode.p(.class("lead")) { t("figures.index.lead") }
            for organisation in organisations {
                HTMLNode.h2 { organisation.name }
                list(organisation, parent: nil)
            }
        }
    }

    private func list(_ organisation: OrganisationTree, parent: String?) -> HTMLNode? {
        guard let units = organisation.children[parent], !units.isEmpty else { return nil }
        return .ul(.class("unit-tree")) {
            for unit in units {
                HTMLNode.li {
                    HTMLNode.a(.href(PublicFiguresModel.unitAddress(unit.code, organisation: organisation.code, language: language))) {
                        unit.name
                    }
                    list(organisation, parent: unit.code)
                }
            }
        }
    }
}
