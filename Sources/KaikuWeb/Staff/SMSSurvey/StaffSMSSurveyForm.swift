import Vapor

/// The SMS survey settings as the page's form posts them; kept as sent so a
/// refused form is shown again for correcting.
struct StaffSMSSurveyForm: Content, Sendable, Equatable {
    var enabled: String?
    var delayMinutes: String?
    var quietFrom: String?
    var quietTo: String?
    var oncePerDays: String?
    var units: [String]?

    init(enabled: String? = nil, delayMinutes: String? = nil, quietFrom: String? = nil, quietTo: String? = nil,
         oncePerDays: String? = nil, units: [String]? = nil) {
        self.enabled = enabled
        self.delayMinutes = delayMinutes
        self.quietFrom = quietFrom
        self.quietTo = quietTo
        self.oncePerDays = oncePerDays
        self.units = units
    }
}
