import Vapor

/// The staff pages under `/staff`: which need a session, and in front of
/// them the language memory, the session and the CSRF guard. Each page has
/// its own controller (query → model → page) in a folder named for its URL.
struct StaffController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(StaffLanguageMiddleware())
        try staff.register(collection: LoginController())
        let signedIn = staff.grouped(SessionAuthenticator(), StaffPageGuard())
        try signedIn.register(collection: LoginController.SignedIn())
        try signedIn.register(collection: InboxController())
        signedIn.get(SiteURL.staff(.caseItem(.key)).pathComponents, use: casePage)
        // Pages still registered below `/staff` with their own relative paths.
        let legacy = routes.grouped("staff").grouped(StaffLanguageMiddleware(), SessionAuthenticator(), StaffPageGuard())
        try legacy.register(collection: StaffCaseActionsController())
        try legacy.register(collection: DashboardController())
        try legacy.register(collection: StaffEntryController())
        try legacy.register(collection: PostersController())
        try legacy.register(collection: StaffKiosksController())
        try legacy.register(collection: StaffSMSSurveyController())
        try legacy.register(collection: StaffReviewController())
    }

    func casePage(_ request: Request) async throws -> Response {
        let view = try await CasePageLoader.load(request.caseID, on: request, notice: request.query[String.self, at: "done"].map { "staff.done.\($0)" })
        return .html(view.render())
    }
}
