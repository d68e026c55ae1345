import KaikuCore

/// The previous / position / next links under a paged staff list (the inbox,
/// the review list); `link` gives the address of a page.
struct StaffPager {
    var context: PageContext
    var page: Int
    var total: Int
    var pageSize: Int
    var link: (Int) -> String

    func render() -> HTMLNode {
        let pages = max(1, (total + pageSize - 1) / pageSize)
        let t = context.t
        return .nav(.class("pager"), .ariaLabel(t("staff.pager.label"))) {
            if page > 1 { HTMLNode.a(.href(link(page - 1)), .rel("prev")) { t("staff.pager.previous") } }
            HTMLNode.span { t("staff.pager.position", ["page": String(page), "pages": String(pages)]) }
            if page < pages { HTMLNode.a(.href(link(page + 1)), .rel("next")) { t("staff.pager.next") } }
        }
    }
}
