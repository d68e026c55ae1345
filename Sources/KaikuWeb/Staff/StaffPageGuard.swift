import KaikuCore
import Vapor

/// In front of every signed-in staff page: without a session the browser
/// goes to the sign-in page (and comes back afterwards); a form post must
/// carry the session's CSRF token, or it is refused and changes nothing.
struct StaffPageGuard: AsyncMiddleware {
    /// A route's `userInfo` key for a body limit above the default (in bytes), for upload forms.
    static let bodyLimitKey = "kaiku.staffBodyLimit"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(StaffUser.self), let session = request.auth.get(SessionToken.self) else {
            if request.method == .GET {
                let back = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
                let next = back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? SiteURL.staff(.inbox).path
                return request.redirect(to: SiteURL.staff(.login).url(percentEncoded: [("next", next)]))
            }
            throw Abort(.unauthorized, reason: "Your session has ended; sign in again.")
        }
        if request.method == .POST {
            // A large form (a file upload) may still be streaming: read it
            // whole, up to what its route allows, before looking for the token.
            if request.body.data == nil {
                let limit = request.route?.userInfo[Self.bodyLimitKey] as? Int ?? request.application.routes.defaultMaxBodySize.value
                _ = try await request.collectedBody(max: limit)
            }
            let sent = request.contentStrings[StaffSession.csrfField]
            guard let sent, sent == session.csrf else {
                throw Abort(.forbidden, reason: "The form had expired or came from another site; nothing was changed. Open the page again and retry.")
            }
        }
        return try await next.respond(to: request)
    }
}

/// Remembers a language chosen on a staff page for the pages that follow.
struct StaffLanguageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let raw = request.queryStrings["lang"], let language = Language(rawValue: raw) {
            response.cookies[StaffSession.languageCookie] = StaffSession.makeCookie(language.rawValue, request: request, maxAge: 365 * 86_400)
        }
        return response
    }
}
