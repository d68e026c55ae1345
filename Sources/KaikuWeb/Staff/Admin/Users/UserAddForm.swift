import Vapor

/// The "Add user" form as posted; kept as sent so that a refused form is
/// shown again for correcting. The administrator never types a password:
/// the new user sets their own through the invitation.
struct UserAddForm: Content, Sendable, Equatable {
    var email: String?
    var name: String?
    var role: String?
    var unit: String?
    var language: String?

    init(email: String? = nil, name: String? = nil, role: String? = nil, unit: String? = nil, language: String? = nil) {
        self.email = email
        self.name = name
        self.role = role
        self.unit = unit
        self.language = language
    }
}
