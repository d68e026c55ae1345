/// `/staff/admin`: where an administrator finds every administration page,
/// each with a line on what it is for.
struct AdminHubPage {
    var context: PageContext
    var model: AdminHubModel

    func render() -> String {
        let t = context.t
        return StaffLayout(context.at(.staff(.admin)), title: t("staff.admin.hub.title")).render {
            HTMLNode.h1 { t("staff.admin.hub.title") }
            HTMLNode.ul(.class("admin-hub"), .id("admin-pages")) {
                for entry in model.entries {
                    HTMLNode.li {
                        HTMLNode.a(.href(entry.url)) { t("staff.admin.hub.\(entry.key).title") }
                        HTMLNode.p { t("staff.admin.hub.\(entry.key).text") }
                    }
                }
            }
        }
    }
}
