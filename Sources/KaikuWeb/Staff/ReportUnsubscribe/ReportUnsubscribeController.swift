import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// `/staff/reports/unsubscribe/{token}`: the monthly report's unsubscribe
/// link, open without signing in (the token is the proof). GET only shows a
/// confirmation form: mail scanners and link previews fetch every link in a
/// message, and must not unsubscribe anyone. The POST does it, at once and
/// for good, and can be undone on the staff member's own settings page.
struct ReportUnsubscribeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.staff(.reportUnsubscribe(.key)).pathComponents, use: page)
        routes.post(SiteURL.staff(.reportUnsubscribe(.key)).pathComponents, use: unsubscribe)
    }

    func page(_ request: Request) async throws -> Response {
        guard let (subscription, user) = try await lookUp(request) else { return render(request, .unknown, status: .notFound) }
        return render(request, subscription.subscribed ? .confirm(email: user.email) : .done(email: user.email), token: subscription.token)
    }

    func unsubscribe(_ request: Request) async throws -> Response {
        guard let (subscription, user) = try await lookUp(request) else { return render(request, .unknown, status: .notFound) }
        if subscription.subscribed {
            let now = request.kaiku.clock.now
            try await request.db.writeTransaction { database in
                try await ReportSubscriptions.set(false, language: nil, for: user, now: now, on: database)
                try await AuditTrail.record(on: database, organisationID: user.organisationID, at: now,
                                            actor: .user(try user.requireID(), email: user.email), action: "report.unsubscribe", subject: user.email)
            }
        }
        return render(request, .done(email: user.email), token: subscription.token)
    }

    private func lookUp(_ request: Request) async throws -> (ReportSubscription, User)? {
        guard let token = request.parameters.get("token"), (20...100).contains(token.count), PlainIdentifier.isPlain(token),
              let subscription = try await ReportSubscriptions.find(token: token, on: request.db),
              let user = try await User.find(subscription.userID, on: request.db) else { return nil }
        return (subscription, user)
    }

    private func render(_ request: Request, _ state: ReportUnsubscribePage.State, token: String? = nil, status: HTTPResponseStatus = .ok) -> Response {
        .html(ReportUnsubscribePage(context: request.pageContext, state: state, token: token).render(), status: status)
    }
}
