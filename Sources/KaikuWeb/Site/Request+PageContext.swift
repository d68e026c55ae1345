import Vapor

extension Request {
    /// The context of the page this request asks for: its language, the
    /// signed-in staff member if any, and its address without `lang`.
    var pageContext: PageContext {
        let query = (url.query ?? "").split(separator: "&").compactMap { pair -> (String, String)? in
            let parts = pair.split(separator: "=", maxSplits: 1).map { PercentDecoding.decode($0, plusAsSpace: true) ?? String($0) }
            guard let name = parts.first, name != "lang", !name.isEmpty else { return nil }
            return (name, parts.count > 1 ? parts[1] : "")
        }
        return PageContext(language: pageLanguage, catalogue: kaiku.catalogue, session: auth.get(SessionToken.self),
                           path: url.path, query: query)
    }
}
