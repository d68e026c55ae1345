import KaikuStore

/// The users list's filters as its query string carries them. Values that
/// name nothing known are dropped, so a hand-edited address shows the whole
/// list instead of an error.
struct UsersFilters: Sendable, Equatable {
    /// Words searched for in e-mail addresses and names.
    var search = ""
    var role: User.Role?
    /// A unit code: that unit and the units below it.
    var unit = ""
    var state: UserState?
    var page = 1

    init() {}

    init(query: (String) -> String?) {
        search = String((query("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        role = query("role").flatMap(User.Role.init(rawValue:))
        unit = String((query("unit") ?? "").prefix(100))
        state = query("state").flatMap(UserState.init(rawValue:))
        page = max(1, min(10_000, query("page").flatMap { Int($0) } ?? 1))
    }

    /// The filters as a query string, without the page.
    var query: [(String, String)] {
        [("q", search), ("role", role?.rawValue ?? ""), ("unit", unit), ("state", state?.rawValue ?? "")].filter { !$0.1.isEmpty }
    }

    func url(page: Int) -> String {
        SiteURL.staff(.adminUsers).url(query + [("page", String(page))])
    }
}
