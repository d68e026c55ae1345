import Vapor

func routes(_ app: Application) throws {
    try app.register(collection: HealthController())
    try app.register(collection: OpenAPIController())
    try app.register(collection: AuthController())
    try app.register(collection: TargetsController())
    try app.register(collection: ResponsesController())
    try app.register(collection: UnitsController())
    try app.register(collection: UsersController())
    try app.register(collection: ReportsController())
    try app.register(collection: ExportsController())
    try app.register(collection: CasesController())
    try app.register(collection: CaseActionsController())
    try app.register(collection: CaseAnswerController())
    try app.register(collection: AccessLogController())
    try app.register(collection: OrganisationController())
    try app.register(collection: ReplyTemplatesController())
    try app.register(collection: PublicController())
    try app.register(collection: PublicFiguresController())
    try app.register(collection: StaffController())
    try app.register(collection: SMSDeliveryReportController())
    try app.register(collection: Open311Controller())
}
