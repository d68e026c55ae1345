import Fluent
import Foundation
import KaikuCore
import KaikuStore
import Vapor

/// The staff pages: sign-in, the inbox and the case page. They call the same
/// operations as the JSON API; only the way in and out differs.
struct StaffController: RouteCollection {
    static let pageSize = 50

    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped("staff").grouped(StaffLanguageMiddleware())
        staff.get("login", use: loginPage)
        staff.post("login", use: login)
        let signedIn = staff.grouped(SessionAuthenticator(), StaffPageGuard())
        signedIn.post("logout", use: logout)
        signedIn.get(use: inbox)
        signedIn.get("cases", ":id", use: casePage)
        try signedIn.register(collection: StaffCaseActionsController())
        try signedIn.register(collection: DashboardController())
        try signedIn.register(collection: StaffEntryController())
        try signedIn.register(collection: PostersController())
        try signedIn.register(collection: StaffKiosksController())
        try signedIn.register(collection: StaffSMSSurveyController())
        try signedIn.register(collection: StaffReviewController())
    }

    // MARK: Signing in and out

    func loginPage(_ request: Request) async throws -> Response {
        let token = TokenHash.newToken()
        let page = LoginPage(language: request.pageLanguage, catalogue: request.kaiku.catalogue, csrf: token, next: LocalRedirect.path(request.query["next"]))
        let response = Response.html(page.render())
        response.cookies[StaffSession.loginCookie] = StaffSession.makeCookie(token, request: request, maxAge: 3_600)
        return response
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var csrf: String?
        var next: String?
    }

    func login(_ request: Request) async throws -> Response {
        let form = (try? request.content.decode(LoginForm.self)) ?? LoginForm()
        let next = LocalRedirect.path(form.next)
        func refuse(_ key: String, _ status: HTTPStatus, _ arguments: [String: String] = [:]) -> Response {
            let token = TokenHash.newToken()
            let page = LoginPage(language: request.pageLanguage, catalogue: request.kaiku.catalogue, csrf: token, next: next,
                                 email: form.email ?? "", errorKey: key, errorArguments: arguments)
            let response = Response.html(page.render(), status: status)
            response.cookies[StaffSession.loginCookie] = StaffSession.makeCookie(token, request: request, maxAge: 3_600)
            return response
        }
        // Double submit: the form's value must match the cookie set with the form.
        guard let sent = form.csrf, !sent.isEmpty, sent == request.cookies[StaffSession.loginCookie]?.string else {
            return refuse("staff.login.error.expired", .forbidden)
        }
        do {
            let user = try await SignIn.verify(email: form.email ?? "", password: form.password ?? "", on: request)
            let response = request.redirect(to: next, redirectType: .normal)
            try await StaffSession.start(for: user, on: request, response: response)
            return response
        } catch SignIn.Refusal.throttled(let wait) {
            let response = refuse("staff.login.error.throttled", .tooManyRequests, ["seconds": String(wait)])
            response.headers.replaceOrAdd(name: "Retry-After", value: String(wait))
            return response
        } catch SignIn.Refusal.wrongCredentials {
            return refuse("staff.login.error.wrong", .unauthorized)
        } catch SignIn.Refusal.locked {
            return refuse("staff.login.error.locked", .forbidden)
        }
    }

    func logout(_ request: Request) async throws -> Response {
        let response = request.redirect(to: "/staff/login", redirectType: .normal)
        try await StaffSession.end(on: request, response: response)
        return response
    }

    // MARK: Inbox

    func inbox(_ request: Request) async throws -> Response {
        let scope = try await request.requireScope()
        let session = try request.auth.require(SessionToken.self)
        let language = request.pageLanguage
        var filters = InboxPage.Filters()
        var filter = CaseInbox.Filter(units: scope.tree.subtree(of: scope.staff.unitID))
        if let raw = request.query[String.self, at: "status"], let status = CaseInbox.StatusFilter(rawValue: raw) {
            filter.status = status
            filters.status = raw
        }
        if let code = request.query[String.self, at: "unit"], !code.isEmpty {
            guard PlainIdentifier.isPlain(code), let unit = scope.unit(code: code), scope.canSee(unit: unit.id!) else {
                throw Abort(.notFound, reason: "No unit with code \(code) in your units.")
            }
            filter.units = scope.tree.subtree(of: unit.id!)
            filters.unit = code
        }
        if let raw = request.query[String.self, at: "channel"], let channel = KaikuCore.Channel(rawValue: raw) {
            filter.channel = channel.rawValue
            filters.channel = raw
        }
        if let raw = request.query[String.self, at: "due"], let due = CaseInbox.DueFilter(rawValue: raw) {
            filter.due = due
            filters.due = raw
        }
        if let raw = request.query[String.self, at: "theme"], let theme = Theme(rawValue: raw) {
            filter.theme = theme.rawValue
            filters.theme = raw
        }
        if request.query[String.self, at: "mine"] == "1" {
            filter.assignee = scope.staff.userID
            filters.mine = true
        }
        let pageNumber = max(1, min(10_000, request.query[Int.self, at: "page"] ?? 1))
        let now = request.kaiku.clock.now
        let page = try await CaseInbox.page(filter, organisationID: scope.staff.organisationID, now: now,
                                            offset: (pageNumber - 1) * Self.pageSize, limit: Self.pageSize, on: request.db)
        let zone = try await organisationZone(scope, on: request.db)
        let assignees = try await User.query(on: request.db).filter(\.$id ~~ Set(page.rows.compactMap(\.assigneeID))).all()
        let emails = Dictionary(uniqueKeysWithValues: assignees.map { ($0.id!, $0.email) })
        let rows = page.rows.map { row in
            InboxPage.Row(
                id: row.id, receipt: row.receipt, unit: scope.units[row.unitID]?.name[language] ?? "",
                received: StaffForm.date(row.receivedAt, in: zone), due: StaffForm.date(row.dueAt, in: zone),
                late: row.status.isPending && row.dueAt < now,
                dueSoon: row.status.isPending && row.dueAt >= now && row.dueAt.timeIntervalSince(now) <= CaseInbox.soon,
                status: row.status, channel: row.channel, themes: row.themes,
                excerpt: row.openText.map { text in
                    let shown = StaffForm.unmaskTokens(text, catalogue: request.kaiku.catalogue, language: language)
                    return shown.count > 140 ? String(shown.prefix(140)) + "…" : shown
                },
                assignee: row.assigneeID.flatMap { emails[$0] })
        }
        // Supervisors follow how their units keep the promise; the figures follow the unit filter.
        let statistics = [.supervisor, .administrator].contains(scope.staff.role)
            ? try await CaseStatisticsQuery.figures(units: filter.units, organisationID: scope.staff.organisationID, now: now, on: request.db)
            : nil
        let view = InboxPage(language: language, catalogue: request.kaiku.catalogue, session: session, filters: filters,
                             units: Self.unitOptions(scope, root: scope.staff.unitID, language: language),
                             rows: rows, total: page.total, late: page.late, dueSoon: page.dueSoon,
                             pageNumber: pageNumber, pageSize: Self.pageSize, statistics: statistics)
        return .html(view.render())
    }

    static func unitOptions(_ scope: StaffScope, root: UUID, language: Language) -> [(code: String, name: String, depth: Int)] {
        let base = scope.tree.depth(of: root)
        return scope.tree.subtree(of: root).compactMap { id in
            scope.units[id].map { (code: $0.code, name: $0.name[language], depth: scope.tree.depth(of: id) - base) }
        }
    }

    // MARK: Case page

    func casePage(_ request: Request) async throws -> Response {
        let view = try await CasePageLoader.load(request.caseID, on: request, notice: request.query[String.self, at: "done"].map { "staff.done.\($0)" })
        return .html(view.render())
    }

    private func organisationZone(_ scope: StaffScope, on database: any Database) async throws -> TimeZone {
        try await Organisation.find(scope.staff.organisationID, on: database)?.timeZone ?? TimeZone(identifier: "Europe/Helsinki")!
    }
}
