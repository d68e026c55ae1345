import Vapor

/// The staff pages under `/staff`: which need a session, and in front of
/// them the language memory, the session and the CSRF guard. Each page has
/// its own controller (query → model → page) in a folder named for its URL.
struct StaffController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let staff = routes.grouped(StaffLanguageMiddleware())
        try staff.register(collection: LoginController())
        try staff.register(collection: SecondStepController())
        try staff.register(collection: OIDCController())
        try staff.register(collection: OIDCLogoutController())
        try staff.register(collection: PasswordController())
        try staff.register(collection: ReportUnsubscribeController())
        let signedIn = staff.grouped(SessionAuthenticator(), StaffPageGuard())
        try signedIn.register(collection: LoginController.SignedIn())
        try signedIn.register(collection: InboxController())
        try signedIn.register(collection: FeedbackPageController())
        try signedIn.register(collection: CaseController())
        try signedIn.register(collection: CaseFormsController())
        try signedIn.register(collection: DashboardController())
        try signedIn.register(collection: AnnualReportPageController())
        try signedIn.register(collection: StaffEntryController())
        try signedIn.register(collection: PostersController())
        try signedIn.register(collection: StaffKiosksController())
        try signedIn.register(collection: StaffSMSSurveyController())
        try signedIn.register(collection: ReviewController())
        try signedIn.register(collection: NotesController())
        try signedIn.register(collection: IdeasPageController())
        try signedIn.register(collection: IdeaCategoriesController())
        try signedIn.register(collection: AdminHubController())
        try signedIn.register(collection: TargetsAdminController())
        try signedIn.register(collection: SettingsController())
        try signedIn.register(collection: IdentityProviderPageController())
        try signedIn.register(collection: BrandingPageController())
        try signedIn.register(collection: AuditLogPageController())
        try signedIn.register(collection: TemplatesController())
        try signedIn.register(collection: ReferralTextsController())
        try signedIn.register(collection: ThemesAdminController())
        try signedIn.register(collection: UsersAdminController())
        try signedIn.register(collection: UserAdminController())
        try signedIn.register(collection: AdminImportController())
        try signedIn.register(collection: SurveyEditorController())
        try signedIn.register(collection: AccountController())
        try signedIn.register(collection: AccountSecurityController())
        try signedIn.register(collection: AdminReportsController())
    }
}
