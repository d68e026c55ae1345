import Foundation
import KaikuCore

/// How an organisation's brand is drawn: its logo (alt text = its name, as
/// the logo usually spells it), otherwise its name as text, and its colour
/// through a small style sheet of its own, since the pages' policy allows no
/// inline styles.
enum BrandMark {
    /// The logo's address; the digest in the query makes a new logo a new address for caches.
    static func logoURL(_ brand: OrganisationBrand) -> String? {
        brand.logo.map { SiteURL.brandLogo(.value(brand.organisationCode)).url([("v", $0.digest)]) }
    }

    static func stylesheet(_ brand: OrganisationBrand, colour: BrandColour) -> HTMLNode {
        .link(.rel("stylesheet"), .href(SiteURL.brandStyle(.value(brand.organisationCode)).url([("v", String(colour.hex.dropFirst()))])))
    }

    /// The logo, or the name where there is none, in `language`.
    static func mark(_ brand: OrganisationBrand, language: Language, className: String) -> HTMLNode {
        let name = brand.name[language]
        guard let logo = brand.logo, let url = logoURL(brand) else {
            return .span(.class("\(className) org-name")) { name }
        }
        return .img(.class(className), .src(url), .alt(name), .width(String(logo.width)), .height(String(logo.height)))
    }

    /// The band above a public page's header.
    static func band(_ brand: OrganisationBrand, language: Language) -> HTMLNode {
        .div(.class("org-band")) {
            mark(brand, language: language, className: "org-logo")
        }
    }

    /// The style sheet `/brand/{org}/brand.css` serves: the colour as a custom property the main style sheet uses.
    static func css(_ colour: BrandColour?) -> String {
        guard let colour else { return "/* No brand colour: the pages keep their own. */\n" }
        return ":root { --brand: \(colour.hex); }\n"
    }
}
