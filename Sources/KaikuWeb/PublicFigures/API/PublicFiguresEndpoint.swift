import Vapor

/// The JSON addresses of the public figures, `/api/v1/public/{units|targets}/{code}/figures`:
/// registered by `PublicFiguresController` and written in the embed snippet
/// from the same value, as `SiteURL` does for the pages.
enum PublicFiguresEndpoint: Sendable {
    case unit(_ code: Parameter<String>)
    case target(_ code: Parameter<String>)

    /// The part every public JSON address starts with, for the CORS group.
    static let base: [PathComponent] = ["api", "v1", "public"]

    /// Below `base`.
    var pathComponents: [PathComponent] {
        switch self {
        case .unit(let code): ["units", SiteURL.component(code, "code"), "figures"]
        case .target(let code): ["targets", SiteURL.component(code, "code"), "figures"]
        }
    }

    var path: String {
        "/" + (Self.base + pathComponents).map(\.description).joined(separator: "/")
    }
}
