import Foundation
import KaikuCore

/// What the posters sheet shows, as plain values: one card per active
/// target of a unit and the units under it.
struct PostersModel: Sendable {
    struct Card: Sendable, Equatable {
        var target: String
        var unit: String
        var link: String
        var remoteLink: String
        var qrSVG: String
    }

    var unitName: String
    var unitCode: String
    var cards: [Card]

    /// The site's address without a trailing slash: the configured public
    /// address, or the host the browser asked for.
    static func base(publicBaseURL: String?, host: String?) -> String {
        (publicBaseURL ?? "http://\(host ?? "127.0.0.1:8080")").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    /// The short link a card prints for a target, and the one for remote appointments.
    static func links(target code: String, base: String) -> (link: String, remote: String) {
        (base + SiteURL.shortLink(.value(code)).path, base + SiteURL.remoteShortLink(.value(code)).path)
    }
}
