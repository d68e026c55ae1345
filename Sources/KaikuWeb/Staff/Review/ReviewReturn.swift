import Foundation

/// Where a review decision returns: the review list (on one of its pages)
/// or the case page the form was on, nothing else — the value comes from
/// the form, so it could name any address.
enum ReviewReturn {
    static func localBack(_ raw: String?) -> String {
        let list = SiteURL.staff(.review).path
        guard let raw else { return list }
        if caseID(in: raw) != nil || raw == list { return raw }
        let pagePrefix = list + "?page="
        if raw.hasPrefix(pagePrefix) {
            let number = raw.dropFirst(pagePrefix.count)
            if (1...5).contains(number.count), number.allSatisfy({ $0.isASCII && $0.isNumber }), number.first != "0" { return raw }
        }
        return list
    }

    /// The case whose page `back` is, if it is one.
    static func caseID(in back: String) -> UUID? {
        let tail = back.suffix(36)
        guard tail.count == 36, tail.allSatisfy({ $0.isHexDigit || $0 == "-" }), let id = UUID(uuidString: String(tail)),
              back.dropLast(36) == SiteURL.staff(.caseItem(.value(id))).path.dropLast(36) else { return nil }
        return id
    }
}
