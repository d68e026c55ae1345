/// The minimum a staff password must meet. Length matters more than
/// character classes, so that is what is asked for (NCSC-FI and NIST 800-63B).
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 128

    /// `nil` when the password is acceptable, otherwise what is wrong with it.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "must be at least \(minimumLength) characters" }
        if password.codePointCount > maximumLength { return "must be at most \(maximumLength) characters" }
        if Set(password).count < 4 { return "must not repeat the same few characters" }
        return nil
    }
}
