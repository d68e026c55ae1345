import Vapor

/// The settings form as the browser posts it; kept as sent so that a refused
/// form is shown again with what the person typed.
struct SettingsForm: Content, Sendable, Equatable {
    var promiseDays: String?
    var promiseIn: String?
    var retentionDays: String?
    var minimumN: String?
    var benchmarking: String?
    var publishOpenText: String?
    var languages: [String]?
    var requireSecondFactor: String?
    var singleSignOnOnly: String?

    init(promiseDays: String? = nil, promiseIn: String? = nil, retentionDays: String? = nil, minimumN: String? = nil,
         benchmarking: String? = nil, publishOpenText: String? = nil, languages: [String]? = nil,
         requireSecondFactor: String? = nil, singleSignOnOnly: String? = nil) {
        self.promiseDays = promiseDays
        self.promiseIn = promiseIn
        self.retentionDays = retentionDays
        self.minimumN = minimumN
        self.benchmarking = benchmarking
        self.publishOpenText = publishOpenText
        self.languages = languages
        self.requireSecondFactor = requireSecondFactor
        self.singleSignOnOnly = singleSignOnOnly
    }

    /// The change it asks for, numbers read as numbers; Finnish is always
    /// offered, so its box (shown ticked and fixed) need not be sent.
    func change() throws -> OrganisationSettings {
        OrganisationSettings(
            promiseDays: try Self.number(promiseDays, "promiseDays"), promiseIn: promiseIn ?? "",
            retentionDays: try Self.number(retentionDays, "retentionDays"), minimumN: try Self.number(minimumN, "minimumN"),
            benchmarking: benchmarking != nil, publishOpenText: publishOpenText ?? "",
            languages: ["fi"] + (languages ?? []).filter { $0 != "fi" }, requireSecondFactor: requireSecondFactor != nil,
            singleSignOnOnly: singleSignOnOnly != nil)
    }

    private static func number(_ raw: String?, _ field: String) throws -> Int {
        guard let raw, raw.count <= 10, let value = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            throw FieldError(field: field, message: "\(field) must be a whole number.")
        }
        return value
    }
}
