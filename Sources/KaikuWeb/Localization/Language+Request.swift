import KaikuCore
import Vapor

extension Request {
    /// The page language: `?lang=` first, then one chosen earlier on a staff page, then the browser's preference, then Finnish.
    var pageLanguage: Language {
        if let raw = queryStrings["lang"], let language = Language(rawValue: raw) { return language }
        if let raw = contentStrings["lang"], let language = Language(rawValue: raw) { return language }
        if let raw = cookies[StaffSession.languageCookie]?.string, let language = Language(rawValue: raw) { return language }
        return Language.preferred(fromAcceptLanguage: headers.first(name: .acceptLanguage)) ?? .fi
    }
}
