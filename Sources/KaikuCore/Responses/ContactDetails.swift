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

    /// An address a mail server will take: the dot-atom form of RFC 5321
    /// that nearly every real address has (no quoted local parts, no address
    /// literals), ASCII only because the mail sender does not speak SMTPUTF8,
    /// and a host name whose labels and top-level domain are well formed.
    /// Refusing at intake is kinder than a refusal days later in the case.
    public static func isPlausibleEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, value.utf8.count <= maxEmailLength else { return false }
        let local = parts[0].utf8, domain = parts[1].utf8
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-".utf8)
        guard (1...64).contains(local.count), local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
              !parts[0].contains(".."), local.allSatisfy({ atext.contains($0) || $0 == UInt8(ascii: ".") }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let hostCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".utf8)
        guard domain.count <= 253, labels.count >= 2,
              labels.allSatisfy({ (1...63).contains($0.utf8.count) && $0.utf8.allSatisfy(hostCharacters.contains)
                                  && $0.first != "-" && $0.last != "-" }),
              let top = labels.last, top.count >= 2, top.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return true
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
