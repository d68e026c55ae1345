import Vapor

/// The forms of a user's page as posted: the details (name, role, unit),
/// and on a confirmation the answer and the e-mail's language. Kept as sent
/// so that a refused form is shown again for correcting.
struct UserDetailsForm: Content, Sendable, Equatable {
    var name: String?
    var role: String?
    var unit: String?
    /// `yes` once the administrator confirmed a step that asks first.
    var confirm: String?
    var language: String?
    /// The break-glass box, `on` when ticked (offered to administrators of the whole organisation only).
    var breakGlass: String?

    init(name: String? = nil, role: String? = nil, unit: String? = nil, confirm: String? = nil, language: String? = nil,
         breakGlass: String? = nil) {
        self.name = name
        self.role = role
        self.unit = unit
        self.confirm = confirm
        self.language = language
        self.breakGlass = breakGlass
    }

    var confirmed: Bool { confirm == "yes" }
}
