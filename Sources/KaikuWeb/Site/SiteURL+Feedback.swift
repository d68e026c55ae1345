import Foundation

extension SiteURL {
    /// The feedback feed filtered by `query` (its parameters: unit, from, to,
    /// target, channel, language, theme, sentiment, score, read, flagged, q,
    /// page). The feed's own route case takes this address's place when the
    /// two land together; until then the link is written here, and only here.
    static func staffFeedback(_ query: [(String, String)]) -> String {
        var components = URLComponents()
        components.path = SiteURL.staff(.inbox).path + "/feedback"
        let items = query.filter { !$0.1.isEmpty }
        if !items.isEmpty { components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) } }
        return components.string ?? components.path
    }
}
