/// The minimum a handler needs to answer: kept apart from the answer itself
/// and only when the customer asked for an answer.
public struct ContactDetails: Sendable, Hashable, Codable {
    public var name: String?
    public var email: String?
    public var phone: String?

    public init(name: String?, email: String?, phone: String?) {
        self.name = name
        self.email = email
        self.phone = phone
    }

    static let maxNameLength = 200
    static let maxEmailLength = 254

    /// A deliberately loose check: one `@`, a dot in the domain, no spaces.
    /// Strict RFC 5322 parsing refuses addresses people really use.
    public static func isPlausibleEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              value.codePointCount <= maxEmailLength else { return false }
        return !value.contains { $0.isWhitespace || $0.isNewline }
    }

    /// Digits with an optional leading `+` and the separators people type.
    public static func normalisedPhone(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let allowed = Set("0123456789+ -()")
        guard !trimmed.isEmpty, trimmed.allSatisfy({ allowed.contains($0) }) else { return nil }
        let plus = trimmed.hasPrefix("+") ? "+" : ""
        let digits = trimmed.filter(\.isNumber)
        guard (6...15).contains(digits.count), !trimmed.dropFirst().contains("+") else { return nil }
        return international(plus + digits)
    }

    /// A number in E.164 (`+358401234567`), which SMS gateways need. Customers
    /// write Finnish numbers as they dial them (`040…`, `09…`, `00358…`);
    /// a number already international, or one that cannot be read as Finnish,
    /// is left as it is.
    public static func international(_ phone: String) -> String {
        guard !phone.hasPrefix("+") else { return phone }
        if phone.hasPrefix("00") { return "+" + phone.dropFirst(2) }
        if phone.hasPrefix("0") { return "+358" + phone.dropFirst() }
        if phone.hasPrefix("358"), phone.count >= 10 { return "+" + phone }
        return phone
    }
}

import Foundation
