import Foundation
import KaikuCore

/// The frame of every page: language, skip link, language switcher.
struct PageLayout {
    var context: PageContext
    var title: String
    /// Where the name in the header leads: the public start page, or the staff inbox.
    var home: SiteURL = .home
    /// Links and forms in the header after the name, e.g. the staff navigation.
    var navigation: [HTMLNode] = []
    var bodyClass: String?
    var footer: String = "layout.footer"

    init(_ context: PageContext, title: String, home: SiteURL = .home, navigation: [HTMLNode] = [], bodyClass: String? = nil,
         footer: String = "layout.footer") {
        self.context = context
        self.title = title
        self.home = home
        self.navigation = navigation
        self.bodyClass = bodyClass
        self.footer = footer
    }

    func render(@HTMLBuilder main: () -> [HTMLNode]) -> String {
        let language = context.language
        let document = HTMLNode.html(.lang(language.rawValue)) {
            HTMLNode.head {
                HTMLNode.meta(.charset("utf-8"))
                HTMLNode.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
                HTMLNode.title { "\(title) – \(context.t("site.name"))" }
                HTMLNode.link(.rel("stylesheet"), .href(.styles))
                if let brand = context.brand, let colour = brand.colour { BrandMark.stylesheet(brand, colour: colour) }
            }
            HTMLNode.body(bodyClass.map { [HTMLAttribute.class($0)] } ?? []) {
                HTMLNode.a(.class("skip-link"), .href("#main")) { context.t("layout.skip") }
                // Staff pages are Kaiku's own; the organisation's band is for residents.
                if let brand = context.brand, context.session == nil, !brand.isPlain { BrandMark.band(brand, language: language) }
                HTMLNode.header(.class("site-header")) {
                    HTMLNode.a(.class("brand"), .href(home.url(language: language))) { context.t("site.name") }
                    navigation
                    languageSwitcher
                }
                HTMLNode.main(.id("main"), .tabindex(-1)) { main() }
                HTMLNode.footer(.class("site-footer")) {
                    HTMLNode.p { context.t(footer) }
                }
            }
        }
        return "<!DOCTYPE html>\n" + document.render()
    }

    private var languageSwitcher: HTMLNode {
        .nav(.ariaLabel(context.t("layout.languages"))) {
            HTMLNode.ul(.class("languages")) {
                for other in Language.allCases {
                    HTMLNode.li {
                        if other == context.language {
                            HTMLNode.span(.lang(other.rawValue), .ariaCurrent("true")) { context.catalogue.text("language.name", other) }
                        } else {
                            HTMLNode.a(.href(link(for: other)), .hreflang(other.rawValue), .lang(other.rawValue)) {
                                context.catalogue.text("language.name", other)
                            }
                        }
                    }
                }
            }
        }
    }

    func link(for other: Language) -> String {
        var components = URLComponents()
        components.path = context.path
        components.queryItems = context.query.map { URLQueryItem(name: $0.0, value: $0.1) } + [URLQueryItem(name: "lang", value: other.rawValue)]
        return components.string ?? context.path
    }
}
