import Foundation
import KaikuCore
import KaikuStore

/// The identity provider page as plain values: the form's values (never the
/// secret), where the provider in use comes from, and why the last save failed.
struct IdentityProviderModel: Sendable {
    var draft: IdentityProviderDraft
    var rulesText: String
    var hasSecret: Bool
    var source: IdentityProviderEditing.Source
    var units: [(code: String, name: LocalizedText)]
    var justSaved = false
    var problem: IdentityProviderDraft.Problem?

    init(current: IdentityProviderEditing.Current) {
        draft = current.draft
        rulesText = IdentityProviderDraft.formatRules(current.draft.groupRules)
        hasSecret = current.hasSecret
        source = current.source
        units = current.units.filter { !$0.closed }.map { ($0.code, $0.name) }
    }

    func isInvalid(_ field: String) -> Bool { problem?.field == field }
}
