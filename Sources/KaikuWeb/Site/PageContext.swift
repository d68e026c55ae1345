import Foundation
import KaikuCore

/// What every page needs from the request it answers, in one value: the
/// language and its texts, the signed-in staff member and their form token,
/// and where the page is, so the language switcher keeps the reader there.
struct PageContext: Sendable {
    var language: Language
    var catalogue: Catalogue
    /// The signed-in staff member; nil on public pages and the sign-in page.
    var session: SessionToken?
    /// This page's path and query without `lang`.
    var path: String
    var query: [(String, String)]
    /// The organisation the page speaks for: public pages show its logo, name
    /// and colour in a band above the header, printed cards on each card.
    var brand: OrganisationBrand?

    init(language: Language, catalogue: Catalogue, session: SessionToken? = nil, path: String = "/", query: [(String, String)] = []) {
        self.language = language
        self.catalogue = catalogue
        self.session = session
        self.path = path
        self.query = query
    }

    /// The page's texts: `t("key")`, `t("key", ["name": value])`.
    var t: Texts { Texts(catalogue: catalogue, language: language) }

    /// The same page at another address, e.g. a form that re-renders after a
    /// post and whose language links should lead back to the form.
    func at(_ url: SiteURL, _ query: [(String, String)] = []) -> PageContext {
        var moved = self
        moved.path = url.path
        moved.query = query.filter { !$0.1.isEmpty }
        return moved
    }

    /// The same page speaking for an organisation (nil: as without branding).
    func branded(_ brand: OrganisationBrand?) -> PageContext {
        var branded = self
        branded.brand = brand
        return branded
    }

    /// The hidden field every staff form carries; nothing outside a session.
    var csrfField: HTMLNode? {
        session.map { .input(.type("hidden"), .name(StaffSession.csrfField), .value($0.csrf)) }
    }
}
