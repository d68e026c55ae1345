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
        let wholeOnly: [Entry] = [Entry(url: .staff(.adminUnits), key: "units")]
        let shared: [Entry] = [Entry(url: .staff(.adminTargets), key: "targets")]
        let survey: [Entry] = [Entry(url: .staff(.adminSurvey), key: "survey"), Entry(url: .staff(.adminThemes), key: "themes"),
                               Entry(url: .staff(.adminIdeaCategories), key: "ideaCategories")]
        let people: [Entry] = [Entry(url: .staff(.adminUsers), key: "users")]
        let rules: [Entry] = [Entry(url: .staff(.adminSettings), key: "settings"), Entry(url: .staff(.adminBranding), key: "branding"),
                              Entry(url: .staff(.adminIdentityProvider), key: "identityProvider"), Entry(url: .staff(.adminTemplates), key: "templates"),
                              Entry(url: .staff(.adminReferralTexts), key: "referralTexts"), Entry(url: .staff(.adminAuditLog), key: "auditLog"),
                              Entry(url: .staff(.adminReports), key: "reports")]
        let devices: [Entry] = [Entry(url: .staff(.kiosks), key: "kiosks"), Entry(url: .staff(.smsSurvey), key: "smsSurvey")]
        return wholeOrganisation ? wholeOnly + shared + survey + people + rules + devices : shared + people + devices
    }
}
