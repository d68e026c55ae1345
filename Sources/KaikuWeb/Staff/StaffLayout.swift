import Foundation
import KaikuCore

/// The frame of the staff pages: the public layout with the staff
/// navigation and a sign-out button, wider for tables.
struct StaffLayout {
    var context: PageContext
    var title: String

    init(_ context: PageContext, title: String) {
        self.context = context
        self.title = title
    }

    func render(@HTMLBuilder main: () -> [HTMLNode]) -> String {
        let layout = PageLayout(context, title: title, home: .staff(.inbox), navigation: navigation, bodyClass: "staff", footer: "staff.footer")
        return layout.render(main: main)
    }

    /// Only the pages the role may open. Behind a "Menu" disclosure on a
    /// phone; the stylesheet shows it open on wider screens (no script either way).
    private var navigation: [HTMLNode] {
        guard let session = context.session else { return [] }
        let t = context.t
        let nav: HTMLNode = .nav(.class("staff-nav"), .ariaLabel(t("staff.nav.label"))) {
            link(.inbox, t("staff.nav.inbox"))
            link(.feedback, t("staff.nav.feedback"))
            link(.dashboard, t("staff.nav.dashboard"))
            link(.ideas, t("staff.nav.ideas"))
            if session.role != .analyst {
                link(.review, t("staff.nav.review"))
                link(.entry, t("staff.nav.entry"))
            }
            link(.posters, t("staff.nav.posters"))
            if [.administrator, .supervisor].contains(session.role) {
                link(.kiosks, t("staff.nav.kiosks"))
                link(.smsSurvey, t("staff.nav.smsSurvey"))
            }
            if session.role == .administrator {
                link(.admin, t("staff.nav.admin"))
            }
            HTMLNode.span(.class("staff-user"), .title(session.email)) { session.shownName }
            link(.account, t("staff.nav.account"))
            HTMLNode.form(.method(.post), .action(.staff(.logout)), .class("inline")) {
                context.csrfField
                HTMLNode.button(.type("submit"), .class("link-button")) { t("staff.nav.signOut") }
            }
        }
        return [.details(.class("staff-menu")) {
            HTMLNode.summary { t("staff.nav.menu") }
            nav
        }]
    }

    /// The link to a section, marked as the current page there and as the current section on the pages under it.
    private func link(_ page: SiteURL.Staff, _ text: String) -> HTMLNode {
        let target = SiteURL.staff(page).path
        let here = context.path
        let inbox = SiteURL.staff(.inbox).path
        // The inbox is the start page, so every staff path is under it; only the cases opened from it belong to it.
        let section = here.hasPrefix((target == inbox ? inbox + "/cases" : target) + "/")
        let current: [HTMLAttribute] = here == target ? [.ariaCurrent("page")] : section ? [.ariaCurrent("true")] : []
        return .a([.href(.staff(page))] + current) { text }
    }
}
