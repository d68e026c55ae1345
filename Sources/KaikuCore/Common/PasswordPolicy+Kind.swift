extension PasswordPolicy {
    /// What is wrong with a password, for pages that say it in the reader's
    /// language; `problem(with:)` says the same in English.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case tooShort, tooLong, repetitive, common, commonWordWithAdditions
    }

    /// `nil` when the password is acceptable; the rules and their order are
    /// those of `problem(with:)` (a test holds the two together).
    public static func kind(of password: String) -> Kind? {
        if password.count < minimumLength { return .tooShort }
        if password.utf8.count > maximumBytes { return .tooLong }
        if Set(password).count < 4 { return .repetitive }
        if CommonPasswords.isCommon(password) { return .common }
        if CommonPasswords.isCommonWordWithDigitsOrSymbols(password) { return .commonWordWithAdditions }
        return nil
    }
}
