import Vapor

/// A kiosk registration as the page's form posts it; kept as sent so a
/// refused form is shown again for correcting.
struct StaffKiosksForm: Content, Sendable, Equatable {
    var name: String?
    var unit: String?
    var targets: [String]?
    var offlineAfterMinutes: String?

    init(name: String? = nil, unit: String? = nil, targets: [String]? = nil, offlineAfterMinutes: String? = nil) {
        self.name = name
        self.unit = unit
        self.targets = targets
        self.offlineAfterMinutes = offlineAfterMinutes
    }
}
