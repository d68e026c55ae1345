import KaikuCore

/// The previous / position / next links under a paged staff list (the inbox,
/// the review list); `link` gives the address of a page.
struct StaffPager {
    var page: Int
    var total: Int
    var pageSize: Int
    var catalogue: Catalogue
    var language: Language
    var link: (Int) -> String

    func render() -> HTMLNode {
        let pages = max(1, (total + pageSize - 1) / pageSize)
        let t = { (key: String) in catalogue.text(key, language) }
        return .el("nav", .class("pager"), .attr("aria-label", t("staff.pager.label"))) {
            if page > 1 { HTMLNode.el("a", .href(link(page - 1)), .attr("rel", "prev")) { t("staff.pager.previous") } }
            HTMLNode.el("span") { catalogue.text("staff.pager.position", language, ["page": String(page), "pages": String(pages)]) }
            if page < pages { HTMLNode.el("a", .href(link(page + 1)), .attr("rel", "next")) { t("staff.pager.next") } }
        }
    }
}
