import Foundation
import KaikuCore

/// Said when a unit code that several organisations use is asked for without
/// `?org=`: which organisations have it, each linked with `org=` added, so
/// that a person who followed an old link can go on in one step.
struct PublicFiguresAmbiguityPage {
    var code: String
    /// The path asked for, e.g. `/figures/units/A1`.
    var path: String
    var organisations: [(code: String, name: String)]
    var language: Language
    var catalogue: Catalogue

    func render() -> String {
        let t = { (key: String, arguments: [String: String]) in catalogue.text(key, language, arguments) }
        let title = t("figures.ambiguous.title", [:])
        let layout = PageLayout(language: language, title: title, catalogue: catalogue, path: path)
        return layout.render {
            HTMLNode.h1 { title }
            HTMLNode.p {
                t("figures.ambiguous.text", ["code": code, "organisations": organisations.map(\.code).joined(separator: ", ")])
            }
            HTMLNode.ul {
                for organisation in organisations {
                    HTMLNode.li {
                        HTMLNode.a(.href(PublicFiguresModel.address(path, [("org", organisation.code), ("lang", language.rawValue)]))) {
                            organisation.name
                        }
                    }
                }
            }
        }
    }
}
