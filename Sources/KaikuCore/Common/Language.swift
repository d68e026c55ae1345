import Foundation

/// The languages Kaiku speaks to customers and staff.
public enum Language: String, Sendable, Codable, CaseIterable, Hashable {
    case fi, sv, en

    /// Picks a language from a loose user-supplied value, e.g. `"sv-FI"` or `"EN"`.
    public init?(loose value: String) {
        let prefix = value.lowercased().prefix(2)
        self.init(rawValue: String(prefix))
    }

    /// Picks the best language from an `Accept-Language` header value.
    public static func preferred(fromAcceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        let ranked = header.split(separator: ",").compactMap { part -> (Language, Double)? in
            let pieces = part.split(separator: ";")
            // Only the primary subtag counts, exactly: "fil" (Filipino) is not "fi".
            guard let tag = pieces.first.map({ $0.trimmingCharacters(in: .whitespaces) }),
                  let primary = tag.split(separator: "-").first,
                  let language = Language(rawValue: primary.lowercased()) else { return nil }
            let quality = pieces.dropFirst()
                .first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("q=") }
                .flatMap { Double($0.trimmingCharacters(in: .whitespaces).dropFirst(2)) } ?? 1
            // q=0 means "not acceptable" (RFC 9110).
            return quality > 0 ? (language, quality) : nil
        }
        return ranked.max { $0.1 < $1.1 }?.0
    }
}

