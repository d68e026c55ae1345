import KaikuCore
import KaikuStore

/// The inbox's filters as the page's query string carries them. Values
/// that name nothing known are dropped, so a hand-edited address shows the
/// default list instead of an error.
struct InboxFilters: Sendable, Equatable {
    var status: CaseInbox.StatusFilter = .pending
    var unit: String = ""
    var channel: KaikuCore.Channel?
    var due: CaseInbox.DueFilter?
    var theme: Theme?
    var mine: Bool = false
    var page: Int = 1

    init() {}

    init(query: (String) -> String?) {
        if let raw = query("status"), let status = CaseInbox.StatusFilter(rawValue: raw) { self.status = status }
        unit = query("unit") ?? ""
        channel = query("channel").flatMap(KaikuCore.Channel.init(rawValue:))
        due = query("due").flatMap(CaseInbox.DueFilter.init(rawValue:))
        theme = query("theme").flatMap(Theme.init(rawValue:))
        mine = query("mine") == "1"
        page = max(1, min(10_000, query("page").flatMap { Int($0) } ?? 1))
    }

    /// The filters as a query string, without the page.
    var query: [(String, String)] {
        [("status", status.rawValue), ("unit", unit), ("channel", channel?.rawValue ?? ""), ("due", due?.rawValue ?? ""),
         ("theme", theme?.rawValue ?? "")].filter { !$0.1.isEmpty } + (mine ? [("mine", "1")] : [])
    }

    /// The address of a page of the list, for the pager.
    func url(page: Int) -> String {
        SiteURL.staff(.inbox).url(query + [("page", String(page))])
    }
}
