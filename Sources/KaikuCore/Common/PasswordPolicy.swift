/// The minimum a staff password must meet. Length matters more than
/// character classes, so that is what is asked for (NCSC-FI and NIST 800-63B),
/// together with refusing the passwords attackers try first (`CommonPasswords`).
public enum PasswordPolicy {
    public static let minimumLength = 12
    /// Passwords are hashed with bcrypt, which reads only the first 72 bytes of a
    /// password (UTF-8): a longer one would let anything after the 72nd byte in. Letters
    /// such as ä, ö and å take two bytes each, so the limit is fewer characters for them.
    public static let maximumBytes = 72

    /// What is wrong with a password, so that a page can say it in the reader's language.
    public enum Problem: String, Sendable, CaseIterable {
        case tooShort, tooLong, repetitive, common, commonWord
    }

    /// `nil` when the password is acceptable, otherwise the first rule it breaks.
    public static func check(_ password: String) -> Problem? {
        if password.count < minimumLength { return .tooShort }
        if password.utf8.count > maximumBytes { return .tooLong }
        if Set(password).count < 4 { return .repetitive }
        if CommonPasswords.isCommon(password) { return .common }
        if CommonPasswords.isCommonWordWithDigitsOrSymbols(password) { return .commonWord }
        return nil
    }

    /// `nil` when the password is acceptable, otherwise what is wrong with it
    /// in English, to follow the word "password" (the API's messages).
    public static func problem(with password: String) -> String? {
        switch check(password) {
        case nil: nil
        case .tooShort: "must be at least \(minimumLength) characters"
        case .tooLong:
            "must be at most \(maximumBytes) bytes: \(maximumBytes) letters a–z, digits or symbols, "
                + "fewer with letters such as ä, ö and å, which take two bytes each"
        case .repetitive: "must not repeat the same few characters"
        case .common: "must not be a common password"
        case .commonWord: "must not be a common word or name with only digits or symbols added, such as Salasana2026"
        }
    }
}
