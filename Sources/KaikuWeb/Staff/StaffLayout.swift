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

    /// Only the pages the role may open.
    private var navigation: [HTMLNode] {
        guard let session = context.session else { return [] }
        let t = context.t
        return [.nav(.class("staff-nav"), .ariaLabel(t("staff.nav.label"))) {
            HTMLNode.a(.href(.staff(.inbox))) { t("staff.nav.inbox") }
            HTMLNode.a(.href(.staff(.feedback))) { t("staff.nav.feedback") }
            HTMLNode.a(.href(.staff(.dashboard))) { t("staff.nav.dashboard") }
            HTMLNode.a(.href(.staff(.ideas))) { t("staff.nav.ideas") }
            if session.role != .analyst {
                HTMLNode.a(.href(.staff(.review))) { t("staff.nav.review") }
                HTMLNode.a(.href(.staff(.entry))) { t("staff.nav.entry") }
            }
            HTMLNode.a(.href(.staff(.posters))) { t("staff.nav.posters") }
            if [.administrator, .supervisor].contains(session.role) {
                HTMLNode.a(.href(.staff(.kiosks))) { t("staff.nav.kiosks") }
                HTMLNode.a(.href(.staff(.smsSurvey))) { t("staff.nav.smsSurvey") }
            }
            if session.role == .administrator {
                HTMLNode.a(.href(.staff(.admin))) { t("staff.nav.admin") }
            }
            HTMLNode.span(.class("staff-user"), .title(session.email)) { session.shownName }
            HTMLNode.a(.href(.staff(.account))) { t("staff.nav.account") }
            HTMLNode.form(.method(.post), .action(.staff(.logout)), .class("inline")) {
                context.csrfField
                HTMLNode.button(.type("submit"), .class("link-button")) { t("staff.nav.signOut") }
            }
        }]
    }
}
