/// What the dashboard's address asks to see, as sent: the unit, the period,
/// the trend's grouping and the order of the child units. The query checks
/// the values, in the order the page has always answered them.
struct DashboardChoice: Sendable, Equatable {
    var unit: String?
    var from: String?
    var to: String?
    var trend: String?
    var sort: String?
    var direction: String?

    init(unit: String? = nil, from: String? = nil, to: String? = nil, trend: String? = nil, sort: String? = nil, direction: String? = nil) {
        self.unit = unit
        self.from = from
        self.to = to
        self.trend = trend
        self.sort = sort
        self.direction = direction
    }

    init(query: (String) -> String?) {
        self.init(unit: query("unit"), from: query("from"), to: query("to"), trend: query("trend"), sort: query("sort"), direction: query("dir"))
    }
}
