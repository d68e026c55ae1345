import Foundation

extension User {
    /// How staff see a colleague: the name when one is set, else the e-mail,
    /// so that nobody shows as a blank.
    public var displayName: String {
        guard let name = name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return email }
        return name
    }
}
