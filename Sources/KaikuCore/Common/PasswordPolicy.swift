/// The minimum a staff password must meet. Length matters more than
/// character classes, so that is what is asked for (NCSC-FI and NIST 800-63B),
/// together with refusing the passwords attackers try first (`CommonPasswords`).
public enum PasswordPolicy {
    public static let minimumLength = 12
    /// Passwords are hashed with bcrypt, which reads only the first 72 bytes of a
    /// password (UTF-8): a longer one would let anything after the 72nd byte in. Letters
    /// such as ä, ö and å take two bytes each, so the limit is fewer characters for them.
    public static let maximumBytes = 72

    /// `nil` when the password is acceptable, otherwise what is wrong with it,
    /// to follow the word "password".
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "must be at least \(minimumLength) characters" }
        if password.utf8.count > maximumBytes {
            return "must be at most \(maximumBytes) bytes: \(maximumBytes) letters a–z, digits or symbols, "
                + "fewer with letters such as ä, ö and å, which take two bytes each"
        }
        if Set(password).count < 4 { return "must not repeat the same few characters" }
        if CommonPasswords.isCommon(password) { return "must not be a common password" }
        if CommonPasswords.isCommonWordWithDigitsOrSymbols(password) {
            return "must not be a common word or name with only digits or symbols added, such as Salasana2026"
        }
        return nil
    }
}
