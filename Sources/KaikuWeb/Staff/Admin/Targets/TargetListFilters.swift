/// The target list's search and filters as the query string carries them;
/// values that name nothing known fall back to the default list.
struct TargetListFilters: Sendable, Equatable {
    enum Status: String, CaseIterable, Sendable {
        case all, active, inactive
    }

    var q: String = ""
    var unit: String = ""
    var status: Status = .all
    var page: Int = 1

    init() {}

    init(query: (String) -> String?) {
        q = String((query("q") ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        unit = String((query("unit") ?? "").prefix(100))
        status = query("status").flatMap(Status.init(rawValue:)) ?? .all
        page = max(1, min(10_000, query("page").flatMap { Int($0) } ?? 1))
    }

    var query: [(String, String)] {
        [("q", q), ("unit", unit), ("status", status == .all ? "" : status.rawValue)].filter { !$0.1.isEmpty }
    }

    func url(page: Int) -> String {
        SiteURL.staff(.adminTargets).url(query + [("page", String(page))])
    }
}
