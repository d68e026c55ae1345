import Foundation

/// What a new organisation must be. The database's unique code is checked
/// where the organisation is created; everything else here, before
/// anything is written.
public enum OrganisationRules {
    public static let codeLength = 2...40
    public static let maxNameLength = 200
    public static let promiseDays = 1...90
    /// IANA names are at most about 30 characters; anything longer is not one.
    static let maxTimeZoneLength = 64

    /// Every problem of the draft as it will be stored (`filled`), in the
    /// order of the form; empty when it can be created.
    public static func problems(with original: OrganisationDraft) -> [OrganisationProblem] {
        let draft = original.filled
        var found: [OrganisationProblem] = []
        if draft.code.isEmpty {
            found.append(.init(.code, .required))
        } else if !isValidCode(draft.code) {
            found.append(.init(.code, .invalidCode))
        }
        // A Swedish or English name left out takes the Finnish one: only a name given is checked.
        let taking = Set(original.namesTakingFinnish)
        let names = [(OrganisationProblem.Field.nameFi, draft.name.fi, false), (.nameSv, draft.name.sv, taking.contains(.sv)),
                     (.nameEn, draft.name.en, taking.contains(.en))]
        for (field, text, _) in names.filter({ !$0.2 }) {
            if text.isEmpty {
                found.append(.init(field, .required))
            } else if text.codePointCount > maxNameLength {
                found.append(.init(field, .tooLong))
            } else if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                found.append(.init(field, .controlCharacters))
            }
        }
        if !isValidTimeZone(draft.timeZone) { found.append(.init(.timeZone, .unknownTimeZone)) }
        if !promiseDays.contains(draft.promiseDays) { found.append(.init(.promiseDays, .outOfRange)) }
        if !OrganisationDraft.promiseUnits.contains(draft.promiseIn) { found.append(.init(.promiseIn, .unknownPromiseUnit)) }
        return found
    }

    /// `a-z`, `0-9` and `-`, 2–40 of them, not starting with a hyphen (it
    /// would read as an option on the command line).
    public static func isValidCode(_ code: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars)
        return codeLength.contains(code.unicodeScalars.count) && code.unicodeScalars.allSatisfy(allowed.contains)
            && code.first != "-"
    }

    /// A name from the IANA time zone database, exactly as it is spelled
    /// there: abbreviations such as `EET` and offsets such as `GMT+2` are
    /// refused, because they do not follow daylight saving time.
    public static func isValidTimeZone(_ identifier: String) -> Bool {
        guard (1...maxTimeZoneLength).contains(identifier.utf8.count), identifier.contains("/") || identifier == "UTC" else { return false }
        return TimeZone.knownTimeZoneIdentifiers.contains(identifier)
    }
}
