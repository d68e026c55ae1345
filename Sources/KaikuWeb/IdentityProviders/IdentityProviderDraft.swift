import Foundation
import KaikuStore

/// An organisation's provider as an administrator sends it, from the settings
/// page or `PUT /api/v1/organisation/identity-provider`, before it is checked.
/// Units are named by their codes; the secret left empty keeps the stored one.
struct IdentityProviderDraft: Sendable, Equatable {
    var issuer = ""
    var clientID = ""
    var clientSecret = ""
    var trustsEmailClaims = false
    var enabled = false
    var provisioning = false
    var defaultRole = ""
    var defaultUnit = ""
    var groupClaim = ""
    var groupRules: [Rule] = []

    struct Rule: Sendable, Equatable, Codable {
        var group: String
        var role: String
        var unit: String
    }

    /// What is wrong, for the field it concerns: the catalogue key of a message a person can act on.
    struct Problem: Error, Equatable {
        var field: String
        var key: String
    }

    /// The checked values, units resolved to their ids.
    struct Checked: Sendable {
        var issuer: String
        var clientID: String
        var clientSecret: String?
        var trustsEmailClaims: Bool
        var enabled: Bool
        var provisioning: Bool
        var defaultRole: User.Role?
        var defaultUnitID: UUID?
        var groupClaim: String?
        var groupRules: [IdentityProvider.GroupRule]
    }

    static let maximumRules = 100

    /// `units`: the organisation's unit codes and ids. `hasSecret`: a secret is already stored (or comes from the environment).
    func checked(units: [String: UUID], hasSecret: Bool) throws(Problem) -> Checked {
        let issuer = issuer.trimmingCharacters(in: .whitespaces)
        guard issuer.utf8.count <= 500, (try? OIDCProviderSettings.checkIssuer(issuer)) != nil else {
            throw Problem(field: "issuer", key: "admin.identityProvider.error.issuer")
        }
        let clientID = clientID.trimmingCharacters(in: .whitespaces)
        guard PlainIdentifier.isPlain(clientID, maxLength: 255) else { throw Problem(field: "clientId", key: "admin.identityProvider.error.clientId") }
        guard clientSecret.utf8.count <= 1_000, !clientSecret.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw Problem(field: "clientSecret", key: "admin.identityProvider.error.clientSecret")
        }
        guard !clientSecret.isEmpty || hasSecret else { throw Problem(field: "clientSecret", key: "admin.identityProvider.error.clientSecretMissing") }
        var role: User.Role?, unitID: UUID?
        if !defaultRole.isEmpty {
            guard let known = User.Role(rawValue: defaultRole) else { throw Problem(field: "defaultRole", key: "admin.identityProvider.error.role") }
            role = known
        }
        if !defaultUnit.isEmpty {
            guard let known = units[defaultUnit] else { throw Problem(field: "defaultUnit", key: "admin.identityProvider.error.unit") }
            unitID = known
        }
        guard (role == nil) == (unitID == nil) else { throw Problem(field: role == nil ? "defaultRole" : "defaultUnit", key: "admin.identityProvider.error.defaultPair") }
        let claim = groupClaim.trimmingCharacters(in: .whitespaces)
        guard claim.isEmpty || Self.isClaimName(claim) else { throw Problem(field: "groupClaim", key: "admin.identityProvider.error.groupClaim") }
        guard groupRules.count <= Self.maximumRules else { throw Problem(field: "groupRules", key: "admin.identityProvider.error.rules") }
        let rules = try groupRules.map { rule throws(Problem) in
            guard PlainIdentifier.isPlain(rule.group, maxLength: 255), let role = User.Role(rawValue: rule.role), let unit = units[rule.unit] else {
                throw Problem(field: "groupRules", key: "admin.identityProvider.error.rules")
            }
            return IdentityProvider.GroupRule(group: rule.group, role: role.rawValue, unitID: unit)
        }
        guard rules.isEmpty || !claim.isEmpty else { throw Problem(field: "groupClaim", key: "admin.identityProvider.error.groupClaimMissing") }
        guard !provisioning || role != nil || !rules.isEmpty else {
            throw Problem(field: "provisioning", key: "admin.identityProvider.error.provisioning")
        }
        return Checked(issuer: issuer, clientID: clientID, clientSecret: clientSecret.isEmpty ? nil : clientSecret,
                       trustsEmailClaims: trustsEmailClaims, enabled: enabled, provisioning: provisioning, defaultRole: role,
                       defaultUnitID: unitID, groupClaim: claim.isEmpty ? nil : claim, groupRules: rules)
    }

    /// Claim names as providers use them: `groups`, `roles`, `realm_access.roles` is not read (top-level claims only).
    static func isClaimName(_ name: String) -> Bool {
        (1...100).contains(name.utf8.count) && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "_-:./".unicodeScalars.contains($0) }
    }

    /// The rules as the page's text area holds them: `group = role, unit code`, one a line.
    static func parseRules(_ text: String) -> [Rule]? {
        var rules: [Rule] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.lastIndex(of: "=") else { return nil }
            let target = trimmed[trimmed.index(after: equals)...].split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard target.count == 2 else { return nil }
            rules.append(Rule(group: trimmed[..<equals].trimmingCharacters(in: .whitespaces), role: target[0], unit: target[1]))
        }
        return rules
    }

    static func formatRules(_ rules: [Rule]) -> String {
        rules.map { "\($0.group) = \($0.role), \($0.unit)" }.joined(separator: "\n")
    }
}
