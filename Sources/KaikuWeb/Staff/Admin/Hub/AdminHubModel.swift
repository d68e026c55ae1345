/// The administration pages an administrator may open, in the order a
/// county sets itself up: structure, targets, survey, people, rules, record.
struct AdminHubModel: Sendable {
    struct Entry: Sendable {
        var url: SiteURL
        /// Under `staff.admin.hub.`: `<key>.title` and `<key>.text`.
        var key: String
    }

    var entries: [Entry]

    /// Whole-organisation administrators see every page; an administrator of
    /// a subtree only those that work within a subtree.
    static func entries(wholeOrganisation: Bool) -> [Entry] {
        var entries: [Entry] = [Entry(url: .staff(.adminTargets), key: "targets")]
        entries += [Entry(url: .staff(.kiosks), key: "kiosks"), Entry(url: .staff(.smsSurvey), key: "smsSurvey")]
        _ = wholeOrganisation
        return entries
    }
}
