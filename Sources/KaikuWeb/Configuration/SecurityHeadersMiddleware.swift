import NIOConcurrencyHelpers
import Vapor

/// Headers every page carries: no inline scripts, no framing by strangers,
/// no MIME sniffing, no referrer leaking receipt codes, and no copy kept by a
/// browser or proxy of what staff read (contact details among it).
/// Future-based, as `KaikuErrorMiddleware` is, to spare every request a task.
struct SecurityHeadersMiddleware: Middleware {
    /// The CSP `frame-ancestors` of `/widget/*`, the one place other sites may frame.
    var widgetFrameAncestors: String = "*"
    /// The single sign-on providers' origins: signing out is a form whose answer
    /// sends the browser on to the provider's end-session page, and browsers
    /// hold that redirect to the form's `form-action`.
    var providerOrigins: NIOLockedValueBox<Set<String>>?

    /// Built once: every response passes here, the answers' hot path included.
    private static let staffPrefix = SiteURL.staff(.inbox).path
    private static let widgetPrefix = SiteURL.unitWidget(.key).sectionPrefix

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in addHeaders(to: response, for: request) }
    }

    private func addHeaders(to response: Response, for request: Request) -> Response {
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        let path = request.url.path
        if (path.hasPrefix(Self.staffPrefix) || path.hasPrefix("/api/")) && !path.hasPrefix("/api/v1/public/"),
           response.headers.first(name: .cacheControl) == nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        let isHTML = Self.isHTML(response.headers.first(name: .contentType))
        if isHTML, path.hasPrefix(Self.widgetPrefix) {
            // The widget loads nothing but its own inline style, allowed by hash; the 404 page adds the stylesheet.
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy",
                value: "default-src 'none'; style-src 'self' \(WidgetPage.styleSource); img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors \(widgetFrameAncestors)")
        } else if isHTML, response.headers.first(name: "Content-Security-Policy") == nil {
            // A page that set its own, stricter policy (the annual report allows its inline style by hash) keeps it.
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy",
                value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'self'; form-action 'self'\(formActionOrigins)")
        }
        return response
    }

    /// Whether a Content-Type is `text/html`, whatever its parameters. Vapor's
    /// `contentType` parses every directive of the header; on the answers'
    /// hot path that was a twentieth of the server's time.
    static func isHTML(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let type = contentType.utf8.prefix { $0 != UInt8(ascii: ";") }
        let trimmed = type.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return trimmed.count == 9 && zip(trimmed.reversed(), "text/html".utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    private var formActionOrigins: String {
        (providerOrigins?.withLockedValue { $0 } ?? []).sorted().map { " " + $0 }.joined()
    }
}
