import Foundation
import KaikuCore

/// Said when a unit code that several organisations use is asked for without
/// `?org=`: which organisations have it, each linked with `org=` added.
struct PublicFiguresAmbiguityPage {
    var context: PageContext
    var model: PublicFiguresAmbiguityModel

    func render() -> String {
        let t = context.t
        let title = t("figures.ambiguous.title")
        return PageLayout(context, title: title).render {
            HTMLNode.h1 { title }
            HTMLNode.p {
                t("figures.ambiguous.text", ["code": model.code, "organisations": model.organisationCodes])
            }
            HTMLNode.ul {
                for organisation in model.organisations {
                    HTMLNode.li {
                        HTMLNode.a(.href(model.link(to: organisation, language: context.language))) { organisation.name }
                    }
                }
            }
        }
    }
}
