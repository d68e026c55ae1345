import KaikuCore

/// The catalogue in one language, called like a function so views read
/// `t("staff.inbox.title")` and `t("staff.inbox.counts", ["total": "3"])`.
struct Texts: Sendable {
    var catalogue: Catalogue
    var language: Language

    func callAsFunction(_ key: String) -> String {
        catalogue.text(key, language)
    }

    func callAsFunction(_ key: String, _ arguments: [String: String]) -> String {
        catalogue.text(key, language, arguments)
    }
}
